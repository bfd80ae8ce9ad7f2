"""What the standards YAML shows users is a Chinese citation of the law or guideline, never a developer's remark.

The rule, for every string under a user-facing key (USER_FACING_KEYS) in every file of the standards
folder, and for every circumstance's citation as the loaded standard builds it (every version and
jurisdiction): once the `{name}` / `{name:fmt}` fields of a wording template are removed, it holds

- no run of three or more ASCII letters, except the tokens in ALLOWED (a substance name courts write in
  Latin letters); short unit or case marks ("mg/100ml", "ml") stay allowed because they are under three
  letters each;
- none of the confidence marks ✅ ⚠ ❌ (confidence is the `confidence` field, shown in words);
- none of the Chinese words of a developer's remark in REMARKS (未核实, 通行标准 …): how sure a figure is
  belongs to `confidence` (and `confirmed`), where it came from besides the law to `dev_note`.

Remarks for developers go to a `dev_note` key or a YAML comment, which no page shows.
"""

from __future__ import annotations

import re

import yaml

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.facts import Circumstance
from leniency.sentencing.standards import STANDARDS_DIR, load_standard
from leniency.sentencing.trace import render

USER_FACING_KEYS = frozenset(
    {
        "source",  # thresholds, fines, variants, earlier law, amount brackets, substances, jurisdictions
        "citation",  # method.yaml steps
        "recommended_citation",
        "item",  # a circumstance's or guideline's item (三(7))
        "source_item",  # a tier's item
        "article",  # a circumstance's article (when a string)
        "article_label",
        "zh",  # tier, variant and circumstance labels; the wording templates of the steps
        "label_zh",  # the version's name on the public pages
        "name_zh",
        "title",  # a document's title
        "number",  # a document's number
        "condition",  # a statutory bracket's condition
        "document_number",
        "name",  # a substance's or charge's name
    }
)
ALLOWED = frozenset({"MDMA"})
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
MARKS = re.compile("[✅⚠❌]")
REMARKS = re.compile("未核实|未确认|凭记忆|二手来源|工程设定|通行标准")
TEMPLATE_FIELD = re.compile(r"\{[a-z_]+(?::[^{}]*)?\}")


def problems(text: str) -> list[str]:
    """What breaks the rule in one user-facing string (empty when it passes)."""
    bare = TEMPLATE_FIELD.sub("", text)
    found = [w for w in ENGLISH_WORD.findall(bare) if w not in ALLOWED]
    return found + MARKS.findall(bare) + REMARKS.findall(bare)


def _user_strings(node, path):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "dev_note":
                continue
            if key in USER_FACING_KEYS and isinstance(value, str):
                yield f"{path}.{key}", value
            else:
                yield from _user_strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _user_strings(value, f"{path}[{i}]")


def test_the_rule_catches_the_notes_it_is_for():
    assert problems("2021 text: 1,000 yuan to twice the amount (ratio inside the band is engineering)")
    assert problems("醉驾意见2023 (⚠️ secondary)") == ["secondary", "⚠"]
    assert problems("三(3) ❌") == ["❌"]
    assert problems("（幅度刑宽度，未核实）") == ["未核实"]
    assert (
        problems("《最高人民法院、最高人民检察院关于办理盗窃刑事案件适用法律若干问题的解释》第十四条") == []
    )
    assert problems("{charge}：罚金{value:,.0f}元（{how}）") == []  # template fields are not text
    assert problems("血液酒精含量180mg/100ml以下") == [] and problems("MDMA等苯丙胺类毒品") == []


def test_no_user_facing_field_of_any_standards_file_holds_english_or_marks():
    files = sorted(STANDARDS_DIR.rglob("*.yaml"))
    assert len(files) > 30  # every crime, jurisdiction and the shared files
    bad = []
    seen = 0
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, text in _user_strings(data, path.relative_to(STANDARDS_DIR).as_posix()):
            seen += 1
            if problems(text):
                bad.append(f"{where}: {text!r} -> {problems(text)}")
    assert seen > 1000
    assert bad == []


def test_every_loaded_standard_cites_its_documents_by_title():
    versions = yaml.safe_load((STANDARDS_DIR / "versions.yaml").read_text(encoding="utf-8"))["versions"]
    jurisdictions = [p.stem for p in (STANDARDS_DIR / "jurisdictions").glob("*.yaml")]
    for version in versions:
        for jurisdiction in jurisdictions:
            std = load_standard(version, jurisdiction)
            for crime in std.crimes.values():
                for block in (crime.thresholds or {}, crime.fine or {}):
                    assert problems(str(block.get("source", ""))) == [], (version, jurisdiction, crime.id)
            for key, rule in std.circumstances.items():
                assert problems(rule.citation) == [], (version, key, rule.citation)  # not "spc2021 三(7)"
                assert rule.citation.startswith("《"), (version, key, rule.citation)


def test_every_circumstance_has_a_chinese_name_for_the_steps_that_list_them():
    # own_circumstances printed the codes: "其他罪行为中的情节（confession, forgiveness）不计入本罪"
    for code in Circumstance:
        name = render(f"phrase.circumstance.{code.value}", "zh")
        assert name and problems(name) == [], code


CASES = [
    (
        "被告人张某于2023年5月在某商场窃取手机一部，价值人民币10200元。被告人张某于2023年6月在某小区持刀将被害人王某砍致轻伤二级，后被告人张某主动投案自首。",
        ["盗窃", "故意伤害"],
    ),
    (
        "被告人李某醉酒后驾驶小型轿车在道路上行驶，经鉴定其血液中乙醇含量为190mg/100ml。到案后如实供述。",
        ["危险驾驶"],
    ),
    ("被告人赵某以投资为名骗取被害人钱某人民币87310元。案发后退赔全部损失。", ["诈骗"]),
    ("被告人孙某在某小区故意毁坏他人汽车，造成损失人民币8000元，被害人对其表示谅解。", ["故意毁坏财物"]),
]


def test_the_steps_of_a_calculation_cite_and_describe_in_chinese():
    for text, charges in CASES:
        steps = calculate(extract(text, charges)).steps
        kinds = {s.kind for s in steps}
        assert "starting_point" in kinds, charges
        for step in steps:
            assert step.citation and problems(step.citation) == [], (charges, step.rule_id, step.citation)
            assert problems(step.description_zh) == [], (charges, step.description_zh)
