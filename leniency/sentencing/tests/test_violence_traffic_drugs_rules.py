"""Issue 16, third audit round (violence, traffic, drugs): rules the law decides, each on a fact text written here
with one text where the rule binds and one just outside it."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

SALE = "走私、贩卖、运输、制造毒品"


def _tier(text: str, charge: str) -> str:
    return calculate(extract(text, [charge])).steps[0].rule_id


def test_small_quantity_sold_three_times_or_to_a_school_pupil_is_the_serious_bracket():
    """刑法第347条第4款 with 法释〔2016〕8号第四条: 多次贩卖 (three or more) or 向在校学生贩卖 is 情节严重, 3-7 years."""
    four = (
        "2019年3月至8月间，被告人张某先后四次在某小区门口向吸毒人员王某、李某、赵某贩卖甲基苯丙胺，共计0.9克，"
        "获利600元。"
    )
    two = (
        "2019年3月至8月间，被告人张某先后两次在某小区门口向吸毒人员王某贩卖甲基苯丙胺，共计0.5克，获利400元。"
    )
    pupil = "2019年8月10日，被告人张某在某中学附近以300元的价格向在校学生王某贩卖甲基苯丙胺0.3克。"
    once = "2019年8月10日，被告人张某在某小区门口以300元的价格向吸毒人员王某贩卖甲基苯丙胺0.3克。"
    result = calculate(extract(four, [SALE]))
    assert result.steps[0].rule_id == "crime.drug_trafficking.small_serious"
    assert result.months >= 36 and result.low >= 36  # the bracket's floor: 三年以上
    assert _tier(pupil, SALE) == "crime.drug_trafficking.small_serious"
    assert _tier(two, SALE) == "crime.drug_trafficking.small"
    assert _tier(once, SALE) == "crime.drug_trafficking.small"
    # a relatively large quantity keeps its own, higher tier however often it was sold
    assert _tier(four.replace("0.9克", "12克"), SALE) == "crime.drug_trafficking.relatively_large"


def test_especially_cruel_means_read_either_way_round():
    """刑法第234条第2款 / 指导意见四(七)3: 以特别残忍手段致人重伤造成严重残疾, 10-13 years; 手段特别残忍 says the same."""
    cruel = (
        "被告人刘某因怀疑被害人陈某与其妻有不正当关系，将陈某捆绑后用硫酸泼洒其面部，手段特别残忍。"
        "经鉴定，陈某的损伤程度为重伤一级，构成六级伤残。"
    )
    assert _tier(cruel, "故意伤害") == "crime.intentional_injury.cruel"
    plain = "被告人刘某因琐事与被害人陈某发生争执，持水果刀捅刺陈某腹部，致陈某脾破裂。经鉴定，陈某的损伤程度为重伤二级。"
    assert _tier(plain, "故意伤害") == "crime.intentional_injury.serious"
    minor = "被告人刘某泼洒开水，手段特别残忍，致陈某面部烫伤。经鉴定，陈某的损伤程度为轻伤二级。"
    assert _tier(minor, "故意伤害") == "crime.intentional_injury.light"  # the tier needs a serious injury too


def test_affray_in_a_public_place_causing_serious_disorder_is_aggravated():
    """刑法第292条第1款(三): 在公共场所或者交通要道聚众斗殴，造成社会秩序严重混乱的, 3-10 years."""
    public = (
        "2021年8月1日晚，被告人许某纠集何某等五人，与吕某纠集的七人在市中心步行街聚众斗殴，"
        "造成社会秩序严重混乱。"
    )
    village = "2021年8月1日，被告人许某因债务纠纷纠集何某等五人，与吕某纠集的七人在某村口空地聚众斗殴，致施某受轻微伤。"
    assert _tier(public, "聚众斗殴") == "crime.affray.aggravated"
    assert _tier(village, "聚众斗殴") == "crime.affray.basic"


def test_death_for_want_of_help_after_fleeing_is_death_caused_by_fleeing():
    """法释〔2000〕33号第五条: 因逃逸致人死亡 is 被害人因得不到救助而死亡 (7 years or more); a victim dead on the
    spot is 逃逸 alone (3-7 years)."""
    unhelped = (
        "2021年6月2日，被告人王某驾驶小型轿车与行人赵某相撞，致赵某倒地受伤，王某为逃避法律追究驾车逃离现场，"
        "致赵某因得不到救助而死亡。经交警部门认定，王某负事故的全部责任。"
    )
    on_the_spot = (
        "2021年6月2日，被告人王某驾驶小型轿车与行人赵某相撞后驾车逃离现场。经鉴定，赵某系颅脑损伤当场死亡。"
        "经交警部门认定，王某负事故的全部责任。"
    )
    facts = extract(unhelped, ["交通肇事"])
    assert facts.has("fled_death")
    assert calculate(facts).steps[0].rule_id == "crime.traffic_accident.fled_death"
    assert not extract(on_the_spot, ["交通肇事"]).has("fled_death")
    assert _tier(on_the_spot, "交通肇事") == "crime.traffic_accident.fled"


def test_two_deaths_with_main_responsibility_are_especially_bad():
    """法释〔2000〕33号第四条(一)(二): 死亡二人以上或者重伤五人以上，负事故全部或者主要责任 is 情节特别恶劣 (3-7
    years); one death, or two with a minor share of the blame, stays in the first bracket."""
    two = "2021年6月2日，被告人王某驾驶小型轿车与一辆三轮车相撞，造成三轮车上赵某、钱某二人死亡。经交警部门认定，王某负事故的{}责任。"
    assert _tier(two.format("主要"), "交通肇事") == "crime.traffic_accident.fled"
    assert _tier(two.format("次要"), "交通肇事") == "crime.traffic_accident.basic"
    five = (
        "2021年6月2日，被告人王某驾驶大型货车与一辆面包车相撞，造成面包车上五名乘客受伤，经鉴定，其中五人的损伤程度为"
        "重伤二级。经交警部门认定，王某负事故的全部责任。"
    )
    assert _tier(five, "交通肇事") == "crime.traffic_accident.fled"
    one = "2021年6月2日，被告人王某驾驶小型轿车与三轮车相撞，致二人受伤、一人死亡。经交警部门认定，王某负事故的主要责任。"
    assert _tier(one, "交通肇事") == "crime.traffic_accident.basic"


def test_two_injuries_of_one_victim_are_one_injured_person():
    """指导意见四(七): the term grows with each further person injured; one victim's 重伤 and 轻伤 are one person
    (issue 16 class 3), two victims' injuries are two."""
    one = (
        "被告人马某持刀捅刺被害人林某胸部、腹部，致林某肝破裂、血气胸。经鉴定，林某的肝破裂构成重伤二级，"
        "血气胸构成轻伤一级。"
    )
    two = (
        "被告人马某因琐事与被害人陈某、周某发生争执，持水果刀捅刺陈某腹部，又持刀划伤周某手臂。经鉴定，陈某的损伤"
        "程度为重伤二级，周某的损伤程度为轻伤二级。"
    )
    alone = calculate(extract(one, ["故意伤害"]))
    assert not any(s.rule_id.endswith("increment.injured_victims") for s in alone.steps)
    assert alone.months == 36
    both = calculate(extract(two, ["故意伤害"]))
    assert any(s.rule_id == "crime.intentional_injury.serious.increment.injured_victims" for s in both.steps)
    assert both.months == 42


def test_drunk_driving_with_an_aggravation_of_the_2023_opinion_starts_higher():
    """《关于办理醉酒危险驾驶刑事案件的意见》(2023) 第十条: 无证驾驶, or an accident with full or main responsibility,
    is 从重处理; the same reading without it, or with a minor share of the blame, is the ordinary tier."""
    act = "2022年4月1日22时许，被告人李某饮酒后{}驾驶小型轿车行驶至某路段时被执勤民警查获。经鉴定，李某血液中乙醇含量为120mg/100ml。"
    unlicensed = calculate(extract(act.format("在未取得机动车驾驶证的情况下"), ["危险驾驶"]))
    plain = calculate(extract(act.format(""), ["危险驾驶"]))
    assert unlicensed.steps[0].rule_id == "crime.dangerous_driving.heavier"
    assert plain.steps[0].rule_id == "crime.dangerous_driving.basic"
    assert unlicensed.months > plain.months and unlicensed.penalty == "detention"
    crash = (
        "2022年4月1日22时许，被告人李某饮酒后驾驶小型轿车与路边停放的车辆相撞，经交警部门认定，李某负事故的{}责任。"
        "经鉴定，李某血液中乙醇含量为160mg/100ml。"
    )
    assert _tier(crash.format("全部"), "危险驾驶") == "crime.dangerous_driving.heavier"
    assert _tier(crash.format("次要"), "危险驾驶") == "crime.dangerous_driving.basic"


def test_a_small_quantity_sold_to_three_or_more_buyers_is_the_serious_bracket():
    """法释〔2016〕8号第四条(一): 向多人贩卖 (three or more buyers, named or counted) is 情节严重; two buyers are not."""
    named = "2019年3月至5月间，被告人张某分别向吸毒人员王某、李某、赵某贩卖甲基苯丙胺共计0.7克，得款700元。"
    counted = "2019年3月至5月间，被告人张某在某网吧向三名吸毒人员贩卖甲基苯丙胺共计0.6克。"
    two = "2019年3月至5月间，被告人张某分别向吸毒人员王某、李某贩卖甲基苯丙胺共计0.5克，得款500元。"
    assert _tier(named, SALE) == "crime.drug_trafficking.small_serious"
    assert _tier(counted, SALE) == "crime.drug_trafficking.small_serious"
    assert _tier(two, SALE) == "crime.drug_trafficking.small"


def test_an_affray_with_knives_and_steel_pipes_is_armed():
    """刑法第292条第1款(四): 持械聚众斗殴, described as judgments do (携带砍刀、钢管…斗殴); a bare-handed fight is not."""
    armed = (
        "2021年8月1日，被告人许某因债务纠纷纠集何某等五人，携带砍刀、钢管等工具，与吕某纠集的七人在某村口空地相互"
        "斗殴，致施某受轻伤二级。"
    )
    bare = "2021年8月1日，被告人许某因债务纠纷纠集何某等五人，与吕某纠集的七人在某村口空地徒手相互斗殴，致施某受轻微伤。"
    assert _tier(armed, "聚众斗殴") == "crime.affray.aggravated"
    assert _tier(bare, "聚众斗殴") == "crime.affray.basic"


def test_holding_a_relatively_large_quantity_in_a_detox_centre_is_serious():
    """法释〔2016〕8号第五条(一): 数量较大 held 在戒毒场所 is 情节严重 (刑法第348条, 3-7 years); below 数量较大 it is not."""
    held = "2020年9月10日，被告人孙某在某强制隔离戒毒所戒毒期间，民警在戒毒场所内其床铺下查获甲基苯丙胺{}克。"
    assert _tier(held.format("12.5"), "非法持有毒品") == "crime.illegal_drug_possession.serious"
    assert _tier(held.format("5"), "非法持有毒品") == "crime.illegal_drug_possession.relatively_large"
    home = "2020年9月10日，公安民警在被告人孙某的住处查获甲基苯丙胺12.5克。"
    assert _tier(home, "非法持有毒品") == "crime.illegal_drug_possession.relatively_large"
