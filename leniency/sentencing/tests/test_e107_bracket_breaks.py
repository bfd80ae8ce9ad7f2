"""The largest term misses of an independent examiner (E102), checked against the law (task E107), with the breaks found
fixed on fact texts written for it in the manner of 2013-2018 judgments (not copied from the dev data or from E102's):

- 生产、销售伪劣农药、兽药、化肥、种子 (刑法第147条) placed by the loss to production, 法释〔2001〕10号第七条: 二万元 较大损失,
  十万元 重大损失 (三年以上七年以下), 五十万元 特别重大损失 (七年以上); never by the 销售金额;
- 破坏计算机信息系统 (刑法第286条) placed by the economic loss, 法释〔2011〕19号第四条: 一万元 后果严重, five times that
  (五万元) 后果特别严重 (五年以上);
- 盗掘古文化遗址、古墓葬 (刑法第328条) starts in its basic bracket (三年以上十年以下) unless the facts tell 情节较轻; an
  accessory goes below its floor by 刑法第27条 (减轻), as far as the guideline's 三(3) allows.

The first batch (10 texts) was scored before any change: 4 of 10 terms in the bracket the law gives; after, 10 of 10.
The second batch (8 texts), written after those fixes, scored 2 of 8 before them and 7 of 8 after them (the eighth, a
seed loss of 12.6万 with a surrender, lies at 33 months, below 36 by 刑法第67条's 减轻: lawful); four of them are below.
"""

from decimal import Decimal as D

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.caused_loss import caused_loss

SEED = "生产、销售伪劣农药、兽药、化肥、种子"
SYSTEM = "破坏计算机信息系统"
TOMB = "盗掘古文化遗址、古墓葬"

SEED_15W = (
    "经审理查明：2016年3月，被告人郑某某明知从他人处购进的散装水稻种子系无标签、未经审定的种子，仍分装于"
    "印有“优质杂交稻”字样的包装袋内，以每公斤40元的价格销售给某镇农户六十余户。农户插秧后，水稻大面积不育"
    "、绝收。经某县农业局组织专家鉴定，该种子系假种子，造成农户经济损失共计人民币15万元。2016年9月，被"
    "告人郑某某被公安民警抓获，到案后如实供述了上述事实。"
)
SEED_3W = (
    "经审理查明：2014年4月，被告人吕某某将过期失效的玉米种子重新包装后，以合格种子的名义销售给某村农户二"
    "十余户，销售金额共计人民币9000元。农户播种后出苗率极低，经鉴定，造成农户经济损失人民币3.2万元。2"
    "014年7月，被告人吕某某被公安民警抓获，到案后如实供述了上述事实。"
)
SEED_60W = (
    "公诉机关指控：2017年2月至3月，被告人孔某某明知其购进的棉花种子系发芽率不合格的劣质种子，仍冒用某种"
    "业公司名义销售给某县农户三百余户。农户播种后棉花大面积减产，经某县农业局鉴定，该种子为假种子，造成农户经"
    "济损失共计人民币62万元。2017年8月，被告人孔某某被公安民警抓获。"
)
FERTILIZER_SALES_ONLY = (
    "经审理查明：2015年5月，被告人彭某某明知其购进的复合肥有效成分严重不足，仍以合格化肥的名义销售给某乡"
    "农户，销售金额共计人民币58万元。经鉴定，该化肥系假化肥，致使农户的小麦减产，造成经济损失人民币4万元。"
    "2015年8月，被告人彭某某被公安民警抓获，到案后如实供述了上述事实。"
)
SERVER_8W = (
    "经审理查明：2016年10月，被告人冯某某因与所在公司发生劳动纠纷，利用其掌握的数据库管理员账号，远程登"
    "录公司服务器，删除了公司订单数据库及备份文件，致使公司在线订单系统无法运行三天，造成经济损失共计人民币8"
    "万元。2016年11月2日，被告人冯某某被公安民警抓获，到案后如实供述了上述事实。"
)
SERVER_2W = (
    "经审理查明：2015年7月，被告人韦某某为报复其前雇主，侵入该公司网站后台，删除网站商品数据，致使网站无"
    "法访问一天，造成经济损失人民币2万元。2015年8月，被告人韦某某被公安民警抓获，到案后如实供述了上述事"
    "实。"
)
SERVER_LOSS_RESTORED = (
    "公诉机关指控：2017年3月，被告人唐某某利用其曾任网络管理员时获取的密码，登录某物流公司服务器，删除该"
    "公司客户管理系统中的数据和程序，致使该系统瘫痪，造成该公司经济损失人民币6.5万元。案发后，被告人唐某某"
    "的亲属代为赔偿了该公司全部经济损失。2017年4月，被告人唐某某被公安民警抓获，如实供述了犯罪事实。"
)
TOMB_PRINCIPAL = (
    "经审理查明：2014年10月至11月间，被告人蒋某某伙同他人，多次于夜间在某县某乡被列为县级文物保护单位"
    "的宋代墓葬群处，使用洛阳铲、铁锹等工具挖掘盗洞，盗挖出瓷碗、铜钱等文物七件，后将其中三件以人民币6000"
    "元出售。2014年12月，被告人蒋某某被公安民警抓获，到案后如实供述了上述事实。"
)
TOMB_ACCESSORY = (
    "经审理查明：2015年4月间，徐某某（另案处理）纠集被告人曹某某等人，在某县某村被列为省级文物保护单位的"
    "古文化遗址内夜间挖掘，盗挖出陶器、石器等文物四件。被告人曹某某按照徐某某的安排负责运送工具、望风，在共同"
    "犯罪中起次要作用，系从犯。2015年6月，被告人曹某某被公安民警抓获，到案后如实供述了上述事实。"
)
TOMB_MINOR_SAID = (
    "经审理查明：2013年8月，被告人严某某在其承包的耕地内发现古墓葬，遂使用铁锹挖掘，挖出陶罐一件，后被村"
    "民发现报警。经鉴定，该陶罐为一般文物，被告人严某某的盗掘行为情节较轻。2013年9月，被告人严某某主动到"
    "公安机关投案，如实供述了上述事实。"
)

SEED_LOSSES_BY_HOUSEHOLD = (
    "经审理查明：2013年4月，被告人钟某某明知其从外地购进的大豆种子系发芽率不达标的劣质种子，仍销售给某村"
    "农户。农户播种后大豆严重缺苗，经鉴定，造成农户田某某损失人民币3.5万元、农户白某某损失人民币8万元。2"
    "013年9月，被告人钟某某被公安民警抓获，到案后如实供述了上述事实。"
)
FERTILIZER_LOSS_RESTATED = (
    "经审理查明：2016年4月至5月，被告人苗某某将不含有效成分的白色颗粒冒充复合肥，分两次销售给某镇果农，"
    "销售金额共计人民币2.8万元。果农施用后果树大面积减产，经鉴定，第一批化肥造成损失人民币6万元，第二批化"
    "肥造成损失人民币7万元，上述损失共计人民币13万元。2016年10月，被告人苗某某被公安民警抓获。"
)
SYSTEM_TWO_ATTACKS_TOTAL = (
    "经审理查明：2016年5月和7月，被告人马某某先后两次利用木马程序攻击某游戏公司服务器，删除服务器内的玩"
    "家数据，第一次造成该公司经济损失人民币2万元，第二次造成该公司经济损失人民币4万元，共计造成经济损失人民"
    "币6万元。2016年8月，被告人马某某被公安民警抓获，到案后如实供述了上述事实。"
)
FOSSIL_DIG = (
    "经审理查明：2015年9月，被告人罗某某伙同他人，在某县某乡被国家列为重点保护的古脊椎动物化石产地内，使"
    "用挖掘机挖掘，盗挖出恐龙蛋化石十余枚，准备出售时被查获。经鉴定，上述化石系具有重要科学价值的古脊椎动物化"
    "石。2015年10月，被告人罗某某被公安民警抓获，到案后如实供述了上述事实。"
)


def _charge(text: str, charge: str):
    (result,) = calculate(extract(text, charges=[charge])).charges
    return result


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        (SEED_15W, D(150000)),
        (SEED_3W, D(32000)),  # the 销售金额 of 9000 yuan is no loss
        (FERTILIZER_SALES_ONLY, D(40000)),
        (SERVER_8W, D(80000)),
        (SERVER_LOSS_RESTORED, D(65000)),  # the loss paid back afterwards is the same loss, not another
        ("造成该公司11万元的经济损失。", D(110000)),
        ("造成损失3万元，后挽回损失2万元。", D(30000)),
        (TOMB_PRINCIPAL, None),
        (SEED_LOSSES_BY_HOUSEHOLD, D(115000)),  # each household's loss added
        (FERTILIZER_LOSS_RESTATED, D(130000)),  # 上述损失共计 restates the lots, not added to them
        (SYSTEM_TWO_ATTACKS_TOTAL, D(60000)),
    ],
)
def test_the_loss_caused_is_read_apart_from_the_money_moved(text, yuan):
    assert caused_loss(text) == yuan


@pytest.mark.parametrize(
    ("text", "bracket", "low", "high"),
    [
        (SEED_3W, "3年以下有期徒刑、拘役", 1, 36),
        (FERTILIZER_SALES_ONLY, "3年以下有期徒刑、拘役", 1, 36),  # 58万 sold, 4万 lost: 较大损失
        (SEED_15W, "3年以上7年以下有期徒刑", 36, 84),
        (SEED_60W, "7年以上有期徒刑、无期徒刑", 84, 180),
        (SEED_LOSSES_BY_HOUSEHOLD, "3年以上7年以下有期徒刑", 36, 84),
        (FERTILIZER_LOSS_RESTATED, "3年以上7年以下有期徒刑", 36, 84),  # 2.8万 sold, 13万 lost
    ],
)
def test_a_fake_seed_or_fertiliser_is_placed_by_the_loss_to_production(text, bracket, low, high):
    """法释〔2001〕10号第七条: 较大损失 2万, 重大损失 10万, 特别重大损失 50万 (刑法第147条)."""
    result = _charge(text, SEED)
    assert result.bracket_label == bracket
    assert low <= result.months <= high


@pytest.mark.parametrize(
    ("text", "bracket", "low", "high"),
    [
        (SERVER_2W, "5年以下有期徒刑、拘役", 1, 60),
        (SERVER_8W, "5年以上有期徒刑", 60, 180),
        (SERVER_LOSS_RESTORED, "5年以上有期徒刑", 60, 180),
        (SYSTEM_TWO_ATTACKS_TOTAL, "5年以上有期徒刑", 60, 180),
    ],
)
def test_a_wiped_system_is_placed_by_the_economic_loss(text, bracket, low, high):
    """法释〔2011〕19号第四条: 经济损失一万元 后果严重; 五倍 (五万元) 后果特别严重, 五年以上 (刑法第286条)."""
    result = _charge(text, SYSTEM)
    assert result.bracket_label == bracket
    assert low <= result.months <= high


def test_a_tomb_robber_starts_in_the_basic_bracket_of_article_328():
    result = _charge(TOMB_PRINCIPAL, TOMB)
    assert result.bracket_label == "3年以上10年以下有期徒刑"
    assert result.months == 36


def test_a_fossil_robber_starts_in_the_basic_bracket_of_article_328_too():
    result = _charge(FOSSIL_DIG, "盗掘古人类化石、古脊椎动物化石")
    assert result.bracket_label == "3年以上10年以下有期徒刑"
    assert result.months == 36


def test_an_accessory_tomb_robber_goes_below_the_floor_by_article_27_within_half():
    """刑法第27条 (从犯 减轻) and the guideline's 三(3) (20%-50%): below 36 months, above half of them."""
    result = _charge(TOMB_ACCESSORY, TOMB)
    assert 18 <= result.months < 36


def test_a_tomb_robbery_told_as_minor_stays_in_the_lighter_bracket():
    result = _charge(TOMB_MINOR_SAID, TOMB)
    assert result.bracket_label == "3年以下有期徒刑、拘役、管制"
    assert result.months < 36
