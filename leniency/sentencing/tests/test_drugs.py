"""Drug substances at their own thresholds (法释〔2016〕8号; issue 16, failure class 5), on fact texts written here."""

from decimal import Decimal
from pathlib import Path

import yaml

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.drugs import equivalents_table, substance, substances

TRAFFICKING = Path(__file__).resolve().parents[1] / "standards" / "crimes" / "drug_trafficking.yaml"
SALE = "走私、贩卖、运输、制造毒品"


def _sale(words: str) -> str:
    return f"2019年3月5日，被告人张某在某县某村以人民币2000元的价格向李某贩卖{words}，后被公安机关当场查获。"


def test_poppy_shells_thirty_kilograms_are_a_small_quantity_not_death_or_life():
    facts = extract(_sale("罂粟壳30千克"), [SALE])
    (drug,) = facts.drugs
    assert drug.kind == "罂粟壳" and drug.grams == 30000
    assert drug.quantity_class == "small"  # 数量较大 begins at 40 kg (art. 2(十四))
    assert drug.heroin_grams == Decimal("7.5")
    calc = calculate(facts)
    assert not calc.death_penalty and not calc.life_imprisonment
    assert calc.months is not None and calc.months < 84  # not the 7-year bracket of 数量较大


def test_ketamine_ten_grams_is_judged_at_ketamines_own_threshold():
    (ketamine,) = extract(_sale("氯胺酮10克"), [SALE]).drugs
    (meth,) = extract(_sale("甲基苯丙胺10克"), [SALE]).drugs
    assert ketamine.quantity_class == "small"  # 数量较大 for ketamine is 100 g (art. 2(七))
    assert meth.quantity_class == "relatively_large"  # 10 g of methamphetamine is (刑法第347条第3款)
    assert ketamine.heroin_grams == 1


def test_ketamine_at_one_hundred_and_five_hundred_grams_meets_its_thresholds():
    assert substance("氯胺酮").quantity_class(Decimal(100)) == "relatively_large"
    assert substance("K粉").quantity_class(Decimal(500)) == "large"
    assert substance("氯胺酮").heroin_grams(Decimal(500)) == 50


def test_every_known_substance_meets_heroins_thresholds_at_its_own():
    for name, found in substances().items():
        if not found.known:
            continue
        assert found.heroin_grams(found.large_g) == 50, name
        assert found.heroin_grams(found.relatively_large_g) == 10, name


def test_an_unknown_substance_is_reported_and_never_converted():
    facts = extract(_sale("氟胺酮50克"), [SALE])
    assert facts.drugs == []
    (unknown,) = facts.unknown_drugs
    assert unknown.named == "氟胺酮" and unknown.heroin_grams is None and unknown.quantity_class == "unknown"
    assert any("未折算" in note and "氟胺酮" in note for note in facts.notes)
    calc = calculate(facts)
    assert not calc.death_penalty and not calc.life_imprisonment
    assert calc.confidence == "low"


def test_street_names_are_read_as_their_substance():
    (drug,) = extract(_sale("麻古5克"), [SALE]).drugs
    assert drug.kind == "甲基苯丙胺" and drug.named == "麻古"


def test_cannabis_without_its_form_is_read_as_leaves_with_a_note():
    facts = extract(_sale("大麻2千克"), [SALE])
    (drug,) = facts.drugs
    assert drug.kind == "大麻叶及大麻烟" and drug.quantity_class == "small"
    assert any("未写明形态" in note for note in facts.notes)


def test_the_calculators_table_is_the_interpretations_figures():
    data = yaml.safe_load(TRAFFICKING.read_text(encoding="utf-8"))
    table = data["drug_equivalents"]["grams_per_heroin_gram"]
    assert {k: float(v) for k, v in table.items()} == equivalents_table()
    # the calculator takes the first key contained in the name: each substance must find its own
    for name in table:
        assert next(k for k in table if k in name) == name


def test_holding_less_than_article_348s_quantity_is_said_to_fall_short():
    """刑法第348条 punishes holding 海洛因十克以上 or another drug's 数量较大 (法释〔2016〕8号第二条: 大麻叶 30 kg); 1.2 kg of
    cannabis leaves (0.4 g heroin-equivalent) reaches no standard. The charge was given, so a term is still computed,
    with a note and low confidence. Texts written here."""
    from leniency.sentencing.calculator import calculate
    from leniency.sentencing.extract import extract

    short = calculate(
        extract("2019年6月，民警在被告人潘某的住处查获大麻叶共计净重1200克。", ["非法持有毒品"])
    )
    assert any("未达到刑法第348条" in note for note in short.notes) and short.confidence == "low"
    enough = calculate(extract("2019年6月，民警在被告人潘某的住处查获海洛因净重12克。", ["非法持有毒品"]))
    assert not any("未达到刑法第348条" in note for note in enough.notes)


def test_a_given_substance_without_a_figure_is_not_counted_as_methamphetamine():
    """A quantity handed to the calculator directly (not through extract) of a substance the interpretation gives no
    figure for: 300 g of it are not 300 g of methamphetamine (which reach the life tier), they place nothing; the
    same 300 g of methamphetamine, just outside, still do. 刑法第347条; 法释〔2016〕8号第一条、第二条. Text written here."""
    import dataclasses

    from leniency.sentencing.facts import DrugQuantity

    facts = extract("2020年5月，被告人钱某在某宾馆向他人贩卖毒品，被民警当场抓获。", [SALE])
    unknown = dataclasses.replace(facts, drugs=[DrugQuantity("依托咪酯", Decimal(300))])
    calc = calculate(unknown)
    assert not calc.death_penalty and not calc.life_imprisonment
    assert calc.months is not None and calc.months < 36
    assert calc.confidence == "low"
    assert any("依托咪酯" in note and "未计入数量" in note for note in calc.notes)
    meth = calculate(dataclasses.replace(facts, drugs=[DrugQuantity("甲基苯丙胺", Decimal(300))]))
    assert meth.life_imprisonment
