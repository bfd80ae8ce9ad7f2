"""A bracket one article lends another under the same condition (刑法第144条: 生产、销售有毒、有害食品 "致人死亡或者
有其他特别严重情节的，依照本法第一百四十一条的规定处罚" — art. 141's ten years to death). The builder read only the
article's own penalty clauses, so the charge stopped at ten years. Fact texts written for these tests."""

import importlib.util
from pathlib import Path

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

BUILDER = Path(__file__).resolve().parents[1] / "standards" / "build_brackets.py"

TOXIC = "被告人张某在其经营的熟食店制作卤肉时掺入工业用亚硝酸盐，销售给顾客食用。"
TOXIC_DEATH = TOXIC.replace("销售给顾客食用。", "销售给多名顾客食用，致一名顾客中毒死亡、三人中毒受伤。")
CHARGE = "生产、销售有毒、有害食品"


def lent_brackets(articles, paragraph):
    """The builder's function (standards/ is data, not a package: load the script)."""
    spec = importlib.util.spec_from_file_location("build_brackets", BUILDER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.lent_brackets(articles, paragraph)


def test_a_clause_borrows_the_bracket_of_the_same_condition_only():
    articles = {
        "第一百四十一条": [
            "生产、销售假药的，处三年以下有期徒刑或者拘役，并处罚金；对人体健康造成严重危害或者有其他严重情节的，"
            "处三年以上十年以下有期徒刑，并处罚金；致人死亡或者有其他特别严重情节的，处十年以上有期徒刑、无期徒刑或者"
            "死刑，并处罚金或者没收财产。"
        ]
    }
    lent = lent_brackets(articles, "……；致人死亡或者有其他特别严重情节的，依照本法第一百四十一条的规定处罚。")
    assert [(b["min_months"], b["life"], b["death"], b["source"]) for b in lent] == [
        (120, True, True, "第一百四十一条")
    ]
    # No condition in the same words (刑法第386条 lends art. 383 through the charge list, not this rule): nothing.
    assert (
        lent_brackets(articles, "对犯受贿罪的，根据受贿所得数额及情节，依照本法第一百四十一条的规定处罚。")
        == []
    )


def test_toxic_food_that_killed_reaches_the_bracket_of_art_141():
    calc = calculate(extract(TOXIC_DEATH, charges=[CHARGE]))
    assert calc.months >= 120
    assert any("第一百四十一条" in step.description_zh for step in calc.steps)


def test_toxic_food_without_harm_stays_in_its_own_first_bracket():
    calc = calculate(extract(TOXIC, charges=[CHARGE]))
    assert 6 <= calc.months <= 60
