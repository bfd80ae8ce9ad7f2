"""The calculator's range is the guideline's (幅度刑), not a prediction interval: it covers about one true
term in six (issue 16 failure class 9), so wherever it is shown it says so; the model's interval is the
prediction. An outcome without a principal penalty shows no term and no range."""

import io

from leniency.sentencing.cli import main

THEFT = "被告人王某盗窃他人手机一部，价值人民币3000元。"
FINE_ONLY = (
    "2023年5月3日，被告人张某在本市某超市盗窃洗发水等商品，价值人民币2500元。案发后，被告人张某主动到公安机关"
    "投案，如实供述了自己的犯罪事实，并退赔了被害单位全部损失，自愿认罪认罚。"
)


def _recommend(fact: str, lang: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(["recommend", "--fact", fact, "--charge", "盗窃", "--lang", lang], out=out, err=err) == 0
    return out.getvalue()


def test_the_engines_range_is_labelled_as_the_legal_range_not_a_prediction():
    zh = [line for line in _recommend(THEFT, "zh").splitlines() if line.startswith("结果：")]
    en = [line for line in _recommend(THEFT, "en").splitlines() if line.startswith("Result:")]
    assert "法定/指导意见幅度" in zh[0] and "非预测区间" in zh[0] and "（幅度" not in zh[0]
    assert "statutory / guideline range" in en[0] and "not a prediction interval" in en[0]


def test_a_fine_alone_is_shown_without_a_term_or_a_range():
    (result,) = [line for line in _recommend(FINE_ONLY, "zh").splitlines() if line.startswith("结果：")]
    assert result.startswith("结果：单处罚金；") and "个月" not in result
