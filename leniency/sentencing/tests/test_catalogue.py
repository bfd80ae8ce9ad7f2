"""The charge catalogue (罪名表): every charge with its article and statutory brackets (法定刑幅度)."""

import json

from leniency.sentencing.catalogue import all_charges, find_charge


def test_catalogue_covers_the_criminal_law():
    charges = all_charges()
    assert len(charges) >= 470
    assert all(c.brackets for c in charges), [c.name for c in charges if not c.brackets]
    assert len({c.name for c in charges}) == len(charges)


def test_find_charge_tolerates_the_zui_suffix_and_old_names():
    assert find_charge("盗窃罪").name == "盗窃"
    assert find_charge(" 危险驾驶 ").article_label == "第一百三十三条之一"
    assert find_charge("窝藏、转移、收购、销售赃物").name == "掩饰、隐瞒犯罪所得、犯罪所得收益"
    assert find_charge("不存在的罪名") is None


def test_theft_brackets_follow_article_264():
    """刑法第264条: ≤3年/拘役/管制; 3–10年; ≥10年或无期."""
    theft = find_charge("盗窃")
    assert theft.article == 264
    first, second, third = theft.brackets
    assert (
        first.imprisonment == (6, 36) and first.detention and first.surveillance and first.fine_only_allowed
    )
    assert second.imprisonment == (36, 120)
    assert third.imprisonment == (120, 180) and third.life and not third.death


def test_dangerous_driving_is_detention_only():
    """刑法第133条之一: 处拘役，并处罚金."""
    (bracket,) = find_charge("危险驾驶").brackets
    assert bracket.imprisonment is None and bracket.detention and bracket.fine == "mandatory"
    assert (bracket.floor_months, bracket.ceiling_months) == (1, 6)


def test_drug_trafficking_has_fifteen_years_life_and_death():
    brackets = find_charge("走私、贩卖、运输、制造毒品").brackets
    assert brackets[-1].imprisonment == (180, 180) and brackets[-1].life and brackets[-1].death


def test_every_dev_accusation_resolves(shared_data):
    missing = set()
    for name in ("cail-term-dev.jsonl", "cail-charges-dev.jsonl"):
        for line in (shared_data / name).read_text(encoding="utf-8").splitlines():
            for accusation in json.loads(line)["meta"]["accusation"]:
                if find_charge(accusation) is None:
                    missing.add(accusation)
    assert not missing
