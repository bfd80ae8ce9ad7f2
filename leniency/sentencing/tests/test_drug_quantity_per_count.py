"""With several drug charges, each is calculated on the quantity of its own counts (刑法第69条; issue 16 classes 3
and 6: a life sentence must not come from another count's quantity). Fact texts written here."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

SALE_AND_HOLDING = (
    "经审理查明：\n一、贩卖毒品的事实\n2020年5月3日，被告人钱某在某宾馆以600元的价格向吸毒人员李某贩卖甲基苯丙胺2克。\n"
    "二、非法持有毒品的事实\n2020年5月10日，民警在被告人钱某租住处查获甲基苯丙胺{held}克。"
)
SALE = "走私、贩卖、运输、制造毒品"


def _by_charge(held: int):
    calc = calculate(extract(SALE_AND_HOLDING.format(held=held), ["贩卖毒品", "非法持有毒品"]))
    return calc, {r.charge: r for r in calc.charges}


def test_drugs_found_at_home_in_a_holding_count_do_not_make_the_sale_count_life():
    calc, charges = _by_charge(400)
    assert not calc.life_imprisonment and not calc.death_penalty
    assert charges[SALE].bracket_label.startswith("3年以下")  # 2 g sold: 少量 (刑法第347条第4款)
    assert charges["非法持有毒品"].bracket_label.startswith("7年以上")  # 400 g held: 数量大 (刑法第348条)
    assert any(n.startswith(f"{SALE}：按本罪事实计算毒品数量（甲基苯丙胺2克") for n in calc.notes)


def test_a_sale_count_of_its_own_large_quantity_is_still_life():
    """Just outside: the quantity is the sale count's own (300 g sold, the tier drug_trafficking.yaml gives life)."""
    text = (
        "经审理查明：\n一、贩卖毒品的事实\n2020年5月3日，被告人钱某在某宾馆向李某贩卖甲基苯丙胺300克。\n"
        "二、非法持有毒品的事实\n2020年5月10日，民警在被告人钱某租住处查获甲基苯丙胺20克。"
    )
    calc = calculate(extract(text, ["贩卖毒品", "非法持有毒品"]))
    assert calc.life_imprisonment
