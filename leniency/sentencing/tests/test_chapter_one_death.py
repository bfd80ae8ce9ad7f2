"""刑法第113条: "本章上述危害国家安全罪行中，除第一百零三条第二款、第一百零五条、第一百零七条、第一百零九条外，对国家和人民
危害特别严重、情节特别恶劣的，可以判处死刑。" The bracket builder read each article's own penalty clauses only, so no
crime of chapter one reached death. build_brackets.chapter_death adds, for the crimes of arts. 102-112 but the
excepted, their highest bracket with death under art. 113's condition. Fact texts written for these tests."""

import importlib.util
from pathlib import Path

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extract import extract

BUILDER = Path(__file__).resolve().parents[1] / "standards" / "build_brackets.py"
ART_113 = "第一百一十三条"
ESPIONAGE = "被告人甲于2010年至2015年间接受境外间谍组织的任务，多次为其搜集我国军事设施情报，造成重大损失"
GRAVEST = "，对国家和人民危害特别严重、情节特别恶劣。"


def _builder():
    spec = importlib.util.spec_from_file_location("build_brackets", BUILDER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "charge",
    [
        "背叛国家",
        "分裂国家",
        "武装叛乱、暴乱",
        "投敌叛变",
        "间谍",
        "为境外窃取、刺探、收买、非法提供国家秘密、情报",
        "资敌",
    ],
)
def test_the_crimes_art_113_names_reach_death_under_its_condition(charge):
    top = find_charge(charge).brackets[-1]
    assert (top.death, top.life, top.source) == (True, True, ART_113)
    assert top.condition == "对国家和人民危害特别严重、情节特别恶劣的"


@pytest.mark.parametrize(
    "charge", ["煽动分裂国家", "颠覆国家政权", "煽动颠覆国家政权", "资助危害国家安全犯罪活动", "叛逃"]
)
def test_the_crimes_it_excepts_do_not(charge):
    """除第一百零三条第二款、第一百零五条、第一百零七条、第一百零九条外: 105 whole, 103 only its second paragraph."""
    assert not any(b.death or b.source == ART_113 for b in find_charge(charge).brackets)


def test_the_builder_reads_the_exceptions_from_the_article():
    build = _builder()
    articles = {
        ART_113: [
            "本章上述危害国家安全罪行中，除第一百零三条第二款、第一百零五条外，对国家和人民危害特别严重、情节特别恶劣的，可以判处死刑。"
        ]
    }
    top = {"imprisonment": [120, 180], "detention": False, "surveillance": False, "life": True, "death": False,
           "deprivation_only": False, "fine": "none", "min_months": 120, "max_months": 180, "condition": "", "source": ""}  # fmt: skip
    assert [b["source"] for b in build.chapter_death(articles, "103:1", [top])] == [ART_113]
    assert build.chapter_death(articles, "103:2", [top]) == []
    assert build.chapter_death(articles, "105:1", [top]) == []
    assert build.chapter_death(articles, "114", [top]) == []  # another chapter


def test_espionage_stated_gravest_is_sentenced_in_art_113s_bracket_and_otherwise_in_art_110s():
    grave = calculate(extract(ESPIONAGE + GRAVEST, charges=["间谍"]))
    assert any(ART_113 in s.description_zh and "死刑" in s.description_zh for s in grave.steps)
    assert grave.months >= 120
    plain = calculate(extract(ESPIONAGE + "。", charges=["间谍"]))
    assert not any(ART_113 in s.description_zh or "死刑" in s.description_zh for s in plain.steps)
