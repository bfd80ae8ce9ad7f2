"""E88's written texts (test_e88_cases) calculated, and the figures the charges without a guideline are placed by: the
duty a smuggling evaded (法释〔2014〕10号第十六条), the value of the ore mined (法释〔2016〕25号第三条), the mu of farmland
occupied (法释〔2000〕14号第三条, 法释〔2005〕15号第一条) and an accident's deaths (法释〔2015〕22号第六条、第七条).

FIRST was scored before any change at 22b20df: 3/13 in range (every smuggling, accident, farmland and mining text but
two sat at the guideline's analogy start, 6-8 months, whatever its figure). After: 12/13; the miss (one death, 自首 and
谅解, 4 months) is the weight of the mitigating circumstances, not its placement (the start is 9 months). SECOND was
written after FIRST's fixes and scored before any change for it: 6/9 (the duty told as 应缴税款 customs computed, two
deaths told by their names, and again one death weighed below the range by 赔偿 and 谅解); after: 8/9. THIRD, for the
precious trees (法释〔2000〕36号第二条) and a death told in short (一死两伤), before: 2/3 (five camphor trees at 7 months);
after: 3/3. FOURTH, for the tons of hazardous waste (法释〔2016〕29号第一条第(二)项), before: 1/2 (20.5 tons at 7
months); after: 2/2."""

from decimal import Decimal

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.accident_harm import accident_harm
from leniency.sentencing.extraction.farmland_area import occupied_farmland
from leniency.sentencing.extraction.hazardous_waste import hazardous_waste
from leniency.sentencing.extraction.precious_trees import felled_trees, precious_trees
from leniency.sentencing.tests.test_e88_cases import FIRST, FOURTH, SECOND, THIRD

CASES = FIRST + SECOND + THIRD + FOURTH
BY_NAME = {k.name: k for k in CASES}
# weighed below the range by its mitigating circumstances, not by its placement (see the module's docstring)
MITIGATION_MISSES = {"accident_one_death", "labour_safety_one_dead_compensated"}


def _calc(name: str, text: str | None = None):
    k = BY_NAME[name]
    return calculate(extract((text or k.text).strip(), charges=k.charges))


def _start(calc) -> float:
    return next(s.months_after for s in calc.steps if s.kind == "starting_point")


def _rules(calc) -> set[str]:
    return {s.rule_id for s in calc.steps}


def test_the_written_texts_have_distinct_names():
    assert len(BY_NAME) == len(CASES)


@pytest.mark.parametrize(
    "k",
    [
        pytest.param(
            k,
            id=k.name,
            marks=[pytest.mark.xfail(strict=True, reason="mitigation")]
            if k.name in MITIGATION_MISSES
            else [],
        )
        for k in CASES
    ],
)
def test_written_text_is_calculated_as_a_lawyer_reads_it(k):
    low, high = k.months
    assert low <= _calc(k.name).months <= high


def test_smuggling_is_placed_by_the_duty_evaded_not_the_goods_value():
    """法释〔2014〕10号第十六条: 偷逃应缴税额 10万 较大, 50万 巨大; the goods' value (80万) is no measure."""
    small = _calc("smuggling_duty_123k_goods_800k")
    assert "method.measured_amount" in _rules(small)  # 12.3万 of duty, not the 80万 + 12.3万 the text names
    assert _start(small) == pytest.approx(10.9, abs=0.1)  # 三年以下, just above 10万
    assert _start(_calc("smuggling_duty_1_2m")) == pytest.approx(67.3, abs=0.1)  # 三年以上十年以下


def test_mining_is_placed_by_the_value_mined():
    """法释〔2016〕25号第三条: 三十万元 (the top of 十万至三十万) 情节严重, five times that 情节特别严重."""
    assert _start(_calc("mining_sand_450k")) == pytest.approx(12.8, abs=0.1)
    assert _start(_calc("mining_ore_2m")) == pytest.approx(43.8, abs=0.1)


def test_farmland_is_placed_by_its_mu_basic_farmland_from_five():
    """法释〔2000〕14号第三条: 基本农田五亩, other farmland ten; the area places the case in the one bracket (五年以下)."""
    basic = _calc("farmland_basic_8mu")
    assert "method.no_guideline.amount.basic_farmland" in _rules(basic)
    variant = next(s for s in basic.steps if s.rule_id == "method.no_guideline.amount.basic_farmland")
    assert variant.description_zh.endswith("适用数额标准5亩")
    assert _start(basic) == pytest.approx(16.9, abs=0.1)
    other = BY_NAME["farmland_basic_8mu"].text.replace("基本农田", "耕地")
    assert _start(_calc("farmland_basic_8mu", other)) == pytest.approx(6 + 54 * 0.1, abs=0.1)  # below 十亩


def test_an_accident_is_placed_by_its_deaths_the_heavier_bracket_with_the_main_responsibility():
    """法释〔2015〕22号第六条: 死亡一人; 第七条: 死亡三人以上…负事故主要责任 三年以上七年以下."""
    assert _start(_calc("accident_one_death")) == pytest.approx(9.0, abs=0.1)
    assert _start(_calc("accident_two_deaths")) == pytest.approx(18.5, abs=0.1)
    assert _start(_calc("accident_four_deaths_main")) == pytest.approx(43.8, abs=0.1)
    assert _start(_calc("accident_four_deaths_minor")) == pytest.approx(
        24.0, abs=0.1
    )  # 次要责任: the lower bracket


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("造成2人死亡、3人受伤。", "2"),
        ("致3名工人重伤。", "1"),  # 重伤三人 stands beside 死亡一人
        ("造成12人重伤，1人死亡。", "4"),
        ("致工人李某某从四楼坠落，经抢救无效死亡。", "1"),
        ("被害人于2016年9月28日死亡。", "1"),  # a date is no count of persons
    ],
)
def test_the_accident_harm_is_read_in_deaths(text, expected):
    assert accident_harm(text) == Decimal(expected)


def test_the_duty_customs_computed_is_the_duty_evaded():
    """Nothing of the 应缴税款 of smuggled goods was paid: it is the 偷逃应缴税额 (法释〔2014〕10号第十六条)."""
    assert _start(_calc("smuggling_duty_told_as_due")) == pytest.approx(22.5, abs=0.1)


def test_deaths_told_by_the_names_are_counted():
    assert accident_harm("致工人吕某甲、吕某乙当场死亡，工人施某重伤。") == Decimal(2)
    assert _start(_calc("accident_two_dead_one_serious")) == pytest.approx(18.5, abs=0.1)


def test_precious_trees_from_two_are_the_heavier_bracket():
    """法释〔2000〕36号第二条: 非法采伐珍贵树木二株以上 or 二立方米以上 情节严重 (三年以上七年以下); one tree the lower bracket."""
    assert _start(_calc("precious_trees_five_camphor")) == pytest.approx(50.4, abs=0.1)
    assert _start(_calc("precious_tree_one_yew_surrendered")) == pytest.approx(9.0, abs=0.1)


@pytest.mark.parametrize(
    ("text", "trees", "measure"),
    [
        (
            "非法采伐闽楠7株，造材成段木23根。经鉴定，系国家二级保护植物闽楠，共七株，立木蓄积2.6立方米。",
            7,
            "7",
        ),
        ("非法采伐野生红豆杉一株。", 1, "1"),
        ("砍伐香樟树1株，经鉴定立木蓄积3.4立方米。", 1, "3.4"),  # 二立方米 reached by the volume
        ("责令其补种樟树10株。", None, None),
    ],
)
def test_the_precious_trees_are_read_in_trees_or_cubic_metres(text, trees, measure):
    assert felled_trees(text) == trees
    assert precious_trees(text) == (Decimal(measure) if measure else None)


def test_deaths_told_in_short_are_counted():
    assert accident_harm("造成一死两伤的安全事故。") == Decimal(1)
    assert accident_harm("致3死5伤。") == Decimal(3)


def test_pollution_is_placed_by_the_tons_of_hazardous_waste():
    """法释〔2016〕29号第一条第(二)项: 危险废物三吨以上; the tons place the case inside the lowest bracket."""
    assert _start(_calc("pollution_waste_oil_twenty_tons")) == pytest.approx(
        6 + 30 * (0.1 + 0.5 * 0.8338), abs=0.2
    )


@pytest.mark.parametrize(
    ("text", "tons"),
    [
        ("驾驶核载10吨的货车，将危险废物废酸2.5吨倾倒于河沟内，另将300千克废酸倾倒。", "2.8"),
        ("非法处置危险废物三吨以上的，属于严重污染环境。", None),  # a quoted threshold
        ("将生活垃圾50吨倾倒于河滩。", None),  # no hazardous waste named
    ],
)
def test_the_hazardous_waste_is_read_in_tons(text, tons):
    assert hazardous_waste(text) == (Decimal(tons) if tons else None)


def test_an_accident_without_death_or_serious_injury_has_no_harm_measure():
    assert accident_harm("造成直接经济损失人民币120万元，2人轻伤。") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("被告人甲非法占用基本农田8亩，建设厂房。", "8"),
        ("非法占用林地2公顷，修建道路。", "30"),
        ("在耕地上硬化地面3000平方米。", "4.5"),
        ("先后非法占用耕地12亩、林地8亩，上述土地共计20亩均被毁坏。", "20"),
    ],
)
def test_the_farmland_occupied_is_read_in_mu(text, expected):
    assert occupied_farmland(text) == Decimal(expected)


def test_land_leased_or_a_quoted_threshold_is_no_area_occupied():
    assert occupied_farmland("被告人甲租用某村土地50亩，在其中6亩耕地上建房。") == Decimal("6")
    assert occupied_farmland("非法占用耕地十亩以上的，为数量较大。") is None


def test_a_part_graded_by_an_assessment_is_not_added_to_the_area_destroyed():
    text = "经勘测，被破坏耕地面积为6000平方米。鉴定结论：其中回填耕地面积4000平方米，破坏程度为中度；未回填的耕地面积2000平方米破坏程度为重度。"
    assert occupied_farmland(text) == Decimal("9")
