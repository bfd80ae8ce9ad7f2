"""The calculation's trace: every step is (rule_id, before, after, args) worded from standards/wording.yaml,
every number it shows traces to a rule id and a citation, and crime-specific rules live in the crime's file."""

import re
import string
from decimal import Decimal
from pathlib import Path

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.facts import CaseFacts, DrugQuantity, Finding, InjuryGrade
from leniency.sentencing.standards import StandardError, load_standard, parse_crime
from leniency.sentencing.trace import Phrase, Text, Trace, catalogue, render

ENGINE = Path(__file__).resolve().parents[1]


def facts(charges, **kw):
    circumstances = [Finding(c) if isinstance(c, str) else Finding(*c) for c in kw.pop("circumstances", [])]
    return CaseFacts(text=kw.pop("text", ""), charges=charges, circumstances=circumstances, **kw)


VARIED = [
    facts(["盗窃"], amount_yuan=Decimal(10000), circumstances=["confession"]),
    facts(["盗窃"], amount_yuan=Decimal(3000), circumstances=["recidivist", ("plea", "trial")]),
    facts(
        ["故意伤害"],
        injury=InjuryGrade.LIGHT_2,
        circumstances=["surrender", "compensation", "forgiveness", ("plea", "investigation")],
    ),  # fmt: skip
    facts(["抢劫"], amount_yuan=Decimal(2000), circumstances=["accessory", "minor"], age=16),
    facts(["危险驾驶"], blood_alcohol=Decimal(200)),
    facts(
        ["走私、贩卖、运输、制造毒品"],
        drugs=[DrugQuantity("海洛因", Decimal(60))],
        circumstances=["surrender"],
    ),
    facts(
        ["盗窃", "诈骗"],
        amount_yuan=Decimal(60000),
        text="多次盗窃他人财物，数额巨大；诈骗他人钱财，数额较大",
    ),
    facts(["重婚"]),
    facts(["故意杀人"]),
    facts(["飞天遁地"]),
    facts([], articles=[264]),
]


@pytest.mark.parametrize("case", VARIED)
def test_every_number_shown_traces_to_a_rule_id_and_a_citation(case):
    for ratio in (0.0, -0.2):
        calc = calculate(case, whole_case_ratio=ratio)
        assert calc.steps
        for step in calc.steps:
            assert step.rule_id, step
            assert step.description_zh and step.description_en, step
            assert "{" not in step.description_zh + step.description_en, step  # no unfilled template
            if step.months_after is not None or step.ratio is not None:
                assert step.citation, f"{step.rule_id} shows a number without a citation"


def test_wording_templates_name_only_fields_and_have_both_languages():
    for key, entry in catalogue().items():
        assert set(entry) == {"zh", "en"}, key
        assert entry["zh"], f"{key}: the Chinese text is the default and must not be empty"
        for template in entry.values():
            list(string.Formatter().parse(template))  # raises ValueError on a malformed template


def test_every_wording_key_the_engine_names_is_in_the_catalogue():
    """Static keys in trace.step/note/Phrase calls, and the prefix of every f-string key."""
    keys = catalogue()
    source = "\n".join(p.read_text(encoding="utf-8") for p in ENGINE.glob("calculator*.py"))
    named = re.findall(r'(?:step|note|Phrase)\(\s*f?"([a-z_.{}]+)"', source)
    assert len(named) > 30
    for key in named:
        if "{" in key:
            prefix = key.split("{")[0]
            assert any(k.startswith(prefix) for k in keys), key
        else:
            assert key in keys, key


def test_the_calculator_writes_no_prose_inline():
    """Chinese wording lives in the catalogue, not in the calculator's code (docstrings and comments aside)."""
    for path in ENGINE.glob("calculator*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#")[0]
            if re.search(r"description_(zh|en)\s*=", code):
                pytest.fail(f"{path.name}:{number} builds wording inline: {line.strip()}")


def test_a_worded_argument_is_rendered_in_the_language_of_its_template():
    trace = Trace()
    trace.step(
        "method.life_death", kind="penalty_kind", rule_id="method.life", penalty=Phrase("phrase.penalty.life")
    )
    step = trace.steps[0]
    assert (step.description_zh, step.description_en) == ("依法应当判处无期徒刑", "life sentence")
    assert (
        render("circ.plea.part", "en", {"rule": Text("自首", "surrender"), "ratio": 0.4}) == "surrender 40%"
    )


def test_a_step_with_a_missing_argument_fails_where_it_is_recorded():
    with pytest.raises(KeyError, match="penalty"):
        Trace().step("method.penalty_kind", kind="penalty_kind", months=3)


def test_the_trace_records_rule_before_after_and_args():
    calc_trace = Trace()
    calc_trace.step(
        "method.whole_case",
        kind="whole_case",
        before=30.0,
        after=33.0,
        ratio=0.1,
        citation="2021量刑指导意见 三(四)",
    )
    entry = calc_trace.entries[0]
    assert (entry.rule_id, entry.before, entry.after) == ("method.whole_case", 30.0, 33.0)
    assert calc_trace.steps[0].description_zh == "综合考虑全案情况调整+10%"


def test_drunk_driving_probation_rule_is_read_from_the_crime_file():
    """危险驾驶 above 180 mg/100ml: probation not advised (醉驾意见 2023), read from dangerous_driving.yaml;
    the same confession at 150 mg/100ml is advised; another charge is not touched by the 醉驾 rule."""
    high = calculate(facts(["危险驾驶"], blood_alcohol=Decimal(200), circumstances=["confession"]))
    low = calculate(facts(["危险驾驶"], blood_alcohol=Decimal(150), circumstances=["confession"]))
    assert high.probation_lawful and not high.probation_advised
    assert low.probation_advised
    crime = load_standard().crime("危险驾驶")
    assert crime.extra["probation_not_advised"][0]["when"] == {"bac_above": 180}
    theft = calculate(facts(["盗窃"], amount_yuan=Decimal(3000), blood_alcohol=Decimal(200),
                            circumstances=["confession"]))  # fmt: skip
    assert theft.probation_advised


def test_a_probation_rule_with_an_unknown_condition_is_refused_by_the_loader():
    data = {
        "id": "x", "charge": "危险驾驶", "article": 133, "guideline": {}, "confidence": "high", "measure": "bac",
        "tiers": [{"id": "basic", "zh": "醉驾", "start": [1, 6], "start_at": 1}],
        "probation_not_advised": [{"when": {"bac_over": 180}, "source": "x", "confidence": "medium"}],
    }  # fmt: skip
    with pytest.raises(StandardError, match=r"probation_not_advised\[0\]\.when\.bac_over: unknown condition"):
        parse_crime(data, "x.yaml")


def test_versions_file_keeps_no_unread_crime_lists():
    text = (ENGINE / "standards" / "versions.yaml").read_text(encoding="utf-8")
    assert "crimes_2021" not in text and "crimes_2024" not in text
