"""强奸's aggravated bracket (刑法第236条第3款). 轮奸 (第(四)项: 二人以上轮奸) needs two or more men: the courts' words
先后强行与 mark it only where the sentence names another offender. Amendment 11's 第(五)项: a girl under ten, or a girl
hurt. Fact texts written here."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract


def _rape(text: str):
    calc = calculate(extract(text, ["强奸"]))
    (charge,) = calc.charges
    return calc, charge.bracket_label


def test_one_man_who_rapes_two_women_one_after_the_other_is_not_gang_rape():
    calc, bracket = _rape(
        "经审理查明，2019年7月至8月间，被告人郑某在其租住处，采用暴力、胁迫手段，先后强行与被害人林某、王某发生性关系。"
    )
    assert bracket.startswith("3年以上10年以下")
    assert "crime.rape.basic" in {s.rule_id for s in calc.steps}


def test_two_men_one_after_the_other_is_gang_rape():
    for text in (
        "经审理查明，2019年7月某晚，被告人郑某伙同冯某将被害人林某挟持至郊外，先后强行与林某发生性关系。",
        "经审理查明，2019年7月某晚，被告人郑某、冯某将被害人林某挟持至郊外，先后强行与林某发生性关系。",
        "经审理查明，2019年7月某晚，被告人郑某与冯某将被害人林某挟持至郊外，二人先后与林某发生性关系。",
    ):
        calc, bracket = _rape(text)
        assert bracket.startswith("10年以上"), text
        assert "crime.rape.aggravated" in {s.rule_id for s in calc.steps}


GIRL = "经审理查明，{year}年5月某日，被告人郑某明知被害人林某（案发时{age}周岁）系幼女，仍在其家中与林某发生性关系。{hurt}"


def test_a_girl_under_ten_raped_after_amendment_eleven_is_the_aggravated_bracket():
    """刑法第236条第3款第(五)项 (刑法修正案（十一）, in force 2021-03-01): 奸淫不满十周岁的幼女或者造成幼女伤害的."""
    _, nine = _rape(GIRL.format(year=2022, age=9, hurt=""))
    _, twelve = _rape(GIRL.format(year=2022, age=12, hurt=""))
    assert nine.startswith("10年以上")
    # 奸淫幼女 of twelve, unhurt: the basic bracket, with its heavier start
    assert twelve.startswith("3年以上10年以下")


def test_a_girl_hurt_is_the_aggravated_bracket_the_old_law_kept_for_earlier_facts():
    hurt = "经鉴定，林某的损伤程度为轻伤二级。"
    _, now = _rape(GIRL.format(year=2022, age=12, hurt=hurt))
    _, before = _rape(GIRL.format(year=2019, age=9, hurt=""))  # 刑法第12条: the law of the time
    assert now.startswith("10年以上")
    assert before.startswith("3年以上10年以下")
