"""`leniency sentencing extract`: what was read from each fact, one output line per input line."""

import io
import json

from leniency.sentencing.cli import main
from leniency.sentencing.tests.test_document import THREE_ROBBERIES


def _extract(tmp_path, data: bytes):
    source = tmp_path / "facts.jsonl"
    source.write_bytes(data)
    target = tmp_path / "read.jsonl"
    out, err = io.StringIO(), io.StringIO()
    code = main(["extract", "--input", str(source), "--output", str(target)], out=out, err=err)
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    return code, rows, err.getvalue()


def test_extract_writes_charges_counts_and_amounts_per_count(tmp_path):
    line = json.dumps({"fact": THREE_ROBBERIES}, ensure_ascii=False).encode("utf-8") + b"\n"
    code, rows, _ = _extract(tmp_path, line)
    assert code == 0
    (row,) = rows
    assert row["charges"][0]["charge"] == "抢劫" and row["charges"][0]["article"] == 263
    assert row["charges"][0]["quote"] == "抢劫"
    assert (
        row["charge_candidates"][0]["charge"] == "抢劫" and "抢劫" in row["charge_candidates"][0]["evidence"]
    )
    assert row["victims"]["names"] == ["李某", "王某", "赵某"]
    assert row["counts"]["acts"] == 3
    assert row["amounts_per_count"] == [
        {"count": "一、", "amount_yuan": "500"},
        {"count": "二、", "amount_yuan": "1200"},
        {"count": "三、", "amount_yuan": "300"},
    ]
    assert row["amount_yuan"] == "2000"
    assert [a["count"] for a in row["amounts"]] == ["一、", "二、", "三、"]


def test_extract_tells_a_sum_attempted_apart_from_the_money_obtained(tmp_path):
    fact = "经审理查明，2016年5月，被告人张某窃得王某现金3000元；同月，张某欲窃取李某存放的现金4万元，因被发现而未得逞。"
    code, (row,), _ = _extract(tmp_path, json.dumps(fact, ensure_ascii=False).encode("utf-8") + b"\n")
    assert code == 0
    assert (row["amount_yuan"], row["attempted_yuan"]) == ("3000", "40000")


def test_extract_keeps_one_row_per_line_and_names_bad_lines(tmp_path):
    data = (
        json.dumps("被告人张某盗窃现金500元。", ensure_ascii=False).encode("utf-8")
        + b"\n\n{oops\n"
        + b'{"fact": "\xff"}\n'
    )
    code, rows, err = _extract(tmp_path, data)
    assert [r["line"] for r in rows] == [1, 2, 3, 4]
    assert rows[0]["amount_yuan"] == "500" and rows[0]["errors"] == []
    assert rows[1]["errors"] == ["line 2: blank line: no case on it"]
    assert rows[2]["errors"][0].startswith("line 3: not valid JSON")
    assert rows[3]["errors"][0].startswith("line 4: not UTF-8 text")
    assert code == 1 and "line 4" in err
