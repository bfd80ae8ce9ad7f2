"""Bad input on the engine's command line (issue 16, "found by trying it"): each is refused by name."""

import io
import json
import sys

from leniency.sentencing.cli import main

THEFT = (
    "经审理查明，2016年3月5日，被告人张某在某市某超市内窃取他人手机一部，经鉴定价值人民币3500元。"
    "被告人张某到案后如实供述了自己的罪行。"
)


def _case(fact: str, charge: str, article: int) -> bytes:
    meta = {"accusation": [charge], "relevant_articles": [article]}
    return (json.dumps({"fact": fact, "meta": meta}, ensure_ascii=False) + "\n").encode("utf-8")


def _run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _predict(tmp_path, data: bytes):
    source = tmp_path / "cases.jsonl"
    source.write_bytes(data)
    target = tmp_path / "pred.jsonl"
    code, _, err = _run(["predict", "--input", str(source), "--output", str(target)])
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    return code, rows, err


def test_predict_reports_a_non_utf8_line_by_number_and_reads_the_lines_after_it(tmp_path):
    bad = '{"fact": "被告人窃取'.encode("gbk") + b"\xff\xfe\n"
    code, rows, err = _predict(tmp_path, _case(THEFT, "盗窃", 264) + bad + _case(THEFT, "盗窃", 264))
    assert [r["line"] for r in rows] == [1, 2, 3]
    assert rows[1]["errors"] == ["line 2: not UTF-8 text (byte 10 of the line)"]
    assert rows[0]["calculation"]["steps"] and rows[2]["calculation"]["steps"]
    assert code == 1 and "line 2: not UTF-8" in err


def test_predict_keeps_one_output_row_for_a_blank_input_line(tmp_path):
    code, rows, _ = _predict(tmp_path, _case(THEFT, "盗窃", 264) + b"   \n" + _case(THEFT, "盗窃", 264))
    assert [r["line"] for r in rows] == [1, 2, 3]
    assert rows[1]["errors"] == ["line 2: blank line: no case on it"]
    assert rows[1]["confidence"] == "low" and rows[1]["calculation"] is None
    assert code == 1


def test_predict_puts_an_unknown_charge_in_that_rows_errors(tmp_path):
    code, rows, _ = _predict(tmp_path, _case(THEFT, "飞天遁地", 264) + _case(THEFT, "盗窃", 264))
    assert len(rows) == 2
    assert "unknown charge '飞天遁地'" in rows[0]["errors"][0]
    assert rows[0]["calculation"] is None
    assert rows[1]["errors"] == [] and rows[1]["calculation"] is not None
    assert code == 1


def test_predict_puts_an_empty_fact_in_that_rows_errors(tmp_path):
    code, rows, _ = _predict(tmp_path, _case("  ", "盗窃", 264))
    assert rows[0]["errors"] == ["line 1: empty fact: there is no text to read the case from (案件事实为空)"]
    assert code == 1


def test_recommend_refuses_an_unknown_charge_with_a_non_zero_exit():
    code, out, err = _run(["recommend", "--fact", THEFT, "--charge", "飞天遁地"])
    assert code == 2
    assert "unknown charge '飞天遁地'" in err
    assert "结果：" not in out  # no 12-month default


def test_recommend_refuses_an_empty_fact_with_a_non_zero_exit():
    code, out, err = _run(["recommend", "--fact", "", "--charge", "盗窃"])
    assert code == 2
    assert "empty fact" in err and out == ""


def test_recommend_reads_the_fact_from_a_file(tmp_path):
    path = tmp_path / "fact.txt"
    path.write_text(THEFT * 2000, encoding="utf-8")  # far longer than an argument may be
    code, out, _ = _run(["recommend", "--fact-file", str(path), "--charge", "盗窃", "--json"])
    assert code == 0
    assert json.loads(out)["facts"]["text"] == THEFT * 2000


def test_recommend_reads_the_fact_from_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(THEFT.encode("utf-8"))))
    code, out, _ = _run(["recommend", "--fact-file", "-", "--charge", "盗窃", "--json"])
    assert code == 0
    assert json.loads(out)["facts"]["text"] == THEFT


def test_recommend_names_a_fact_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "fact.txt"
    path.write_bytes(THEFT.encode("gbk"))
    code, _, err = _run(["recommend", "--fact-file", str(path)])
    assert code == 2
    assert f"error: {path}: not UTF-8 text" in err


def test_recommend_names_a_missing_fact_file(tmp_path):
    code, _, err = _run(["recommend", "--fact-file", str(tmp_path / "none.txt")])
    assert code == 2
    assert "cannot be read" in err


def test_recommend_refuses_both_fact_and_fact_file(tmp_path):
    code, _, err = _run(["recommend", "--fact", THEFT, "--fact-file", str(tmp_path / "x.txt")])
    assert code == 2
    assert "not allowed with argument" in err


def test_recommend_without_a_charge_shows_the_candidates_to_confirm():
    fact = "2019年6月10日，被告人王某在禁渔期内驾驶渔船在某水库使用电鱼工具捕捞水产品共计30千克。"
    code, out, _ = _run(["recommend", "--fact", fact])
    assert "候选罪名（请用 --charge 确认）" in out
    assert "1. 非法捕捞水产品（第340条，依据：禁渔" in out


def test_recommend_with_a_charge_shows_no_candidates():
    _, out, _ = _run(["recommend", "--fact", THEFT, "--charge", "盗窃"])
    assert "候选罪名" not in out
