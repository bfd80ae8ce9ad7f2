import io
import json

import pytest

from leniency.sentencing.cli import main

THEFT = (
    "经审理查明，2016年3月5日，被告人张某在某市某超市内窃取他人手机一部，经鉴定价值人民币3500元。"
    "被告人张某到案后如实供述了自己的罪行，并退赔了被害人的全部损失。"
)


def _case(fact: str, charge: str, article: int, months: int | None = None) -> str:
    meta = {"accusation": [charge], "relevant_articles": [article]}
    if months is not None:
        meta["term_of_imprisonment"] = {
            "death_penalty": False,
            "life_imprisonment": False,
            "imprisonment": months,
        }
    return json.dumps({"fact": fact, "meta": meta}, ensure_ascii=False) + "\n"


def _run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_recommend_prints_the_steps_in_chinese():
    code, out, _ = _run(["recommend", "--fact", THEFT, "--charge", "盗窃"])
    assert code == 0
    assert "量刑计算" in out and "计算步骤" in out and "结果：" in out
    assert "盗窃" in out
    assert "  1. [" in out  # numbered steps


def test_recommend_in_english():
    code, out, _ = _run(["recommend", "--fact", THEFT, "--charge", "盗窃罪", "--lang", "en"])
    assert code == 0
    assert "Steps:" in out and "Result:" in out
    assert "计算步骤" not in out


def test_recommend_json_carries_the_calculation_trace():
    code, out, _ = _run(["recommend", "--fact", THEFT, "--charge", "盗窃", "--json"])
    assert code == 0
    payload = json.loads(out)
    calc = payload["calculation"]
    assert isinstance(calc["months"], int) and calc["low"] <= calc["months"] <= calc["high"]
    assert calc["steps"] and all("rule_id" in s for s in calc["steps"])
    assert payload["missing"] == []


def test_recommend_without_a_recognisable_charge_names_what_is_missing_and_flags_low_confidence():
    code, out, err = _run(["recommend", "--fact", "某人于某日做了某事。"])
    assert "缺少" in out and "罪名" in out and "--charge" in out
    assert "置信度：低" in out or "无法计算" in out
    assert "罪名" in err


def test_recommend_json_flags_missing_charge_as_low_confidence():
    code, out, _ = _run(["recommend", "--fact", "某人于某日做了某事。", "--json", "--lang", "en"])
    payload = json.loads(out)
    assert any("charge" in m for m in payload["missing"])
    if payload["calculation"] is not None:
        assert payload["calculation"]["confidence"] == "low"


def test_predict_writes_one_line_per_input_line_in_order_even_for_bad_lines(tmp_path):
    source = tmp_path / "cases.jsonl"
    source.write_text(
        _case(THEFT, "盗窃", 264)
        + "{broken\n"
        + _case("被告人李某醉酒驾驶机动车，血液酒精含量为180mg/100ml。", "危险驾驶", 133),
        encoding="utf-8",
    )
    target = tmp_path / "pred.jsonl"
    code, _, err = _run(["predict", "--input", str(source), "--output", str(target)])
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["line"] for r in rows] == [1, 2, 3]
    for row in rows:
        assert isinstance(row["months"], int) and isinstance(row["low"], int) and isinstance(row["high"], int)
        assert row["low"] <= row["months"] <= row["high"]
        assert row["death_penalty"] is False and row["life_imprisonment"] is False
    assert rows[0]["calculation"]["steps"]
    assert rows[1]["calculation"] is None and "line 2" in rows[1]["errors"][0]
    assert rows[2]["months"] <= 6  # dangerous driving: 拘役 at most six months
    assert code == 1 and "line 2" in err


def test_predict_with_training_adds_a_calibration_step(tmp_path):
    train = tmp_path / "train.jsonl"
    train.write_text(
        "".join(_case(THEFT, "盗窃", 264, m) for m in (6, 7, 8, 9, 10, 8, 7, 6, 9, 8)), encoding="utf-8"
    )
    source = tmp_path / "cases.jsonl"
    source.write_text(_case(THEFT, "盗窃", 264), encoding="utf-8")
    target = tmp_path / "pred.jsonl"
    code, _, _ = _run(["predict", "--input", str(source), "--output", str(target), "--train", str(train)])
    assert code == 0
    row = json.loads(target.read_text(encoding="utf-8"))
    assert row["calculation"]["steps"][-1]["kind"] == "calibration"
    assert 5 <= row["months"] <= 11


def test_evaluate_prints_every_metric_beside_both_baselines(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(_case(THEFT, "盗窃", 264, m) for m in (6, 8, 10, 12, 7, 9)), encoding="utf-8")
    code, out, _ = _run(["evaluate", "--input", str(gold), "--folds", "3"])
    assert code == 0
    for label in (
        "mean log distance",
        "CAIL2018 term score",
        "within ±25%",
        "11-bin accuracy",
        "11-bin macro-F1",
        "range coverage",
        "range mean log width",
        "overall median",
        "per-charge median",
        "engine+calibration",
    ):
        assert label in out
    assert "3-fold" in out and "N = 6 cases" in out


def test_evaluate_json_with_a_separate_training_file(tmp_path):
    data = "".join(_case(THEFT, "盗窃", 264, m) for m in (6, 8, 10, 12))
    (tmp_path / "a.jsonl").write_text(data, encoding="utf-8")
    code, out, _ = _run(
        ["evaluate", "--input", str(tmp_path / "a.jsonl"), "--train", str(tmp_path / "a.jsonl"), "--json"]
    )
    assert code == 0
    scores = json.loads(out)["scores"]
    assert scores["overall median"]["n"] == 4
    # the training median is 9: within 25% of 8, 10 and 12 (|9 - 12| = 3 = 25% of 12), not of 6
    assert scores["overall median"]["within_25"] == pytest.approx(0.75)


def test_missing_arguments_and_files_give_clear_errors(tmp_path):
    code, _, err = _run(["predict", "--output", "x.jsonl"])
    assert code == 2 and "--input" in err
    code, _, err = _run(["evaluate", "--input", str(tmp_path / "nope.jsonl")])
    assert code == 2 and "error:" in err and "nope.jsonl" in err
