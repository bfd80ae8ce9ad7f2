"""Charges inferred from facts, fourth round (E52): the conversions the statute makes and a second charge beside one.

Every text was written for this test in the style of a judgment's facts, none taken from the development data, each
with the charge a court would convict of. The statute converts a crime into another where its facts go further:
刑法第269条 (a theft, fraud or snatching followed on the spot by force to keep the loot or escape is robbery alone; the
theft stays beside it only where other, unconverted thefts are told), 第267条第2款 (snatching while carrying a weapon),
第238条第2款 (a detention whose violence maims or kills), 第292条第2款 (an affray that seriously injures or kills),
第247条 and 第248条 (torture, a keeper's abuse, that maims or kills), 第234条之一第2款 (an organ taken without consent or
from a minor) and 第238条第3款 (a person held for a debt). And 第307条第1款: a defendant who suborns a witness in his own
case commits it beside his own crime.

FIRST: 23 texts written before any change: 10 exact at HEAD (4ee3844), 21 after E52's rules; the two left are strict
xfails. SECOND: 12 texts written after the first batch's rules, run once before changing anything for them: 1 exact at
HEAD and 1 with the first batch's rules (the honest held-out figure), 11 after; the one left is a strict xfail.
"""

import pytest

from leniency.sentencing.extraction.charges import infer_charges

# 拉住 read as a detention by the 非法拘禁 profile; no statute word separates a hold on the sleeve from 拘禁
# the theft and the fight a week later are two crimes; the profiles rank the theft below SECOND_SHARE of the injury
SECOND = pytest.mark.xfail(
    strict=True, reason="a second charge told in its own sentence ranks below SECOND_SHARE (no count heading)"
)
# 当场抓获 and 下车 read as 绑架 by its profile; the pickpocketing (扒窃) ranks second
NOISE = pytest.mark.xfail(strict=True, reason="the 绑架 profile outranks a short 扒窃 fact")

FIRST = [
    pytest.param(
        ["抢劫"],
        "经审理查明：被告人甲某在某商场内趁店员不备窃取手机一部，出门时被店员乙某发现并拦住，甲某为抗拒抓捕，"
        "掏出随身携带的匕首朝乙某刺去，致乙某手臂受轻微伤后逃离。",
        id="theft_knife_stab_to_escape",
    ),
    pytest.param(
        ["抢劫"],
        "公诉机关指控：2021年5月3日凌晨，被告人王某翻窗进入被害人李某家中，窃得现金2000元。离开时被李某发现追赶，"
        "王某为窝藏赃物，对李某拳打脚踢，致李某轻伤二级。",
        id="burglar_beats_owner_to_keep_cash",
    ),
    pytest.param(
        ["盗窃", "抢劫"],
        "经审理查明：2020年3月至5月，被告人赵某先后五次在某小区窃取电动车电瓶，价值共计4000元。其中5月8日晚，"
        "赵某盗窃电瓶时被车主钱某发现，赵某为抗拒抓捕，持螺丝刀将钱某划伤后逃离。",
        id="five_thefts_one_converted",
    ),
    pytest.param(
        ["抢劫"],
        "公诉机关指控：被告人孙某谎称能帮被害人周某低价购买手机，骗得周某现金3000元。周某当场识破要求退款并拉住孙某，"
        "孙某为抗拒抓捕，用拳头殴打周某面部，致周某轻微伤后逃跑。",
        id="fraud_then_punches_to_escape",
    ),
    pytest.param(
        ["抢劫"],
        "经审理查明：被告人吴某骑电动车尾随被害人郑某，趁其不备抢走其挎包（内有现金1500元）。郑某追上拽住吴某，"
        "吴某为窝藏赃物，拔出水果刀威胁郑某松手后逃离。",
        id="snatch_then_knife_threat",
    ),
    pytest.param(
        ["抢劫"],
        "公诉机关指控：被告人冯某携带一把弹簧刀，在街头趁被害人陈某打电话之际，夺走其手机一部后逃离，"
        "手机价值2800元。",
        id="snatch_carrying_a_knife",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：被告人褚某在某超市窃取牛肉等物品价值1200元，出门时被保安发现，褚某扔下物品挣脱后逃离，"
        "后被抓获。",
        id="theft_caught_breaks_free",
    ),
    pytest.param(
        ["盗窃", "故意伤害"],
        "公诉机关指控：被告人卫某盗窃邻居蒋某家中的电缆线价值3000元。一周后，蒋某找到卫某要求赔偿，"
        "二人发生争执，卫某将蒋某打成轻伤二级。",
        id="theft_then_fight_a_week_later",
        marks=SECOND,
    ),
    pytest.param(
        ["故意伤害"],
        "公诉机关指控：被告人沈某因韩某欠其赌债5万元未还，伙同他人将韩某强行带至某宾馆房间关押两天。其间，"
        "沈某为逼韩某还钱，用木棍殴打韩某，致韩某左腿骨折，经鉴定为重伤二级。",
        id="debtor_held_and_beaten_to_serious_injury",
    ),
    pytest.param(
        ["非法拘禁"],
        "经审理查明：被告人杨某为索要货款，将朱某扣押在其公司办公室内，限制其人身自由。次日凌晨，朱某为逃离从二楼窗户跳下，"
        "致腰椎骨折，经鉴定为重伤二级。",
        id="held_debtor_jumps_from_window",
    ),
    pytest.param(
        ["故意杀人"],
        "公诉机关指控：被告人秦某怀疑尤某偷了其工地的钢材，纠集他人将尤某拘禁在工棚内，并对其反复殴打，"
        "致尤某创伤性休克死亡。",
        id="held_man_beaten_to_death",
    ),
    pytest.param(
        ["故意伤害"],
        "经审理查明：被告人许某与何某因争夺工程产生矛盾，双方各纠集十余人持砍刀、钢管在某村口斗殴，许某一方持刀将对方吕某"
        "砍成重伤二级。",
        id="gang_fight_serious_injury",
    ),
    pytest.param(
        ["聚众斗殴"],
        "公诉机关指控：被告人施某因琐事与张某结怨，双方各自纠集多人持钢管、棒球棍在某KTV门口互殴，致双方多人轻微伤。",
        id="gang_fight_slight_injuries",
    ),
    pytest.param(
        ["故意伤害"],
        "经审理查明：被告人孔某系某县公安局刑警大队民警。在讯问犯罪嫌疑人曹某过程中，孔某为逼取口供，"
        "对曹某进行殴打、长时间罚跪，致曹某肋骨骨折，经鉴定为重伤二级。",
        id="torture_serious_injury",
    ),
    pytest.param(
        ["刑讯逼供"],
        "经审理查明：被告人孔某系某县公安局刑警大队民警。在讯问犯罪嫌疑人曹某过程中，孔某为逼取口供，"
        "对曹某进行殴打、长时间罚跪，致曹某面部软组织挫伤，经鉴定为轻微伤。",
        id="torture_slight_injury",
    ),
    pytest.param(
        ["故意伤害"],
        "公诉机关指控：被告人严某系某看守所管教民警，因在押人员华某不服管理，严某指使其他在押人员对华某进行殴打，"
        "致华某脾脏破裂被切除，经鉴定为重伤二级。",
        id="jailer_has_inmate_maimed",
    ),
    pytest.param(
        ["绑架"],
        "公诉机关指控：被告人金某以勒索财物为目的，将邻居家6岁男孩魏某骗至出租屋内藏匿，随后打电话向其父母索要赎金20万"
        "元。",
        id="child_hidden_for_ransom",
    ),
    pytest.param(
        ["非法拘禁"],
        "经审理查明：被告人陶某为索要姜某所欠的工程款8万元，伙同他人将姜某强行拉上车带至郊外一农家院看管，"
        "向其家属打电话要求还钱，姜某被限制人身自由二十余小时。",
        id="contractor_held_for_debt",
    ),
    pytest.param(
        ["故意伤害", "妨害作证"],
        "公诉机关指控：被告人邹某在某酒吧将喻某打成轻伤二级。案发后，为逃避法律追究，邹某多次找到目击证人柏某，"
        "以给予其2万元为条件，指使柏某向公安机关作虚假证言，称系喻某先动手。",
        id="own_assault_then_suborns_witness",
    ),
    pytest.param(
        ["妨害作证"],
        "经审理查明：被告人水某得知其朋友窦某因将章某打成轻伤被公安机关立案侦查后，为使窦某逃避处罚，"
        "找到目击证人云某，以给予好处费1万元为条件，指使云某作虚假证言。",
        id="suborns_witness_for_a_friend",
    ),
    pytest.param(
        ["盗窃"],
        "公诉机关指控：被告人苏某在某仓库窃取铜线价值8000元，为掩盖罪行，苏某事后将仓库的监控硬盘拆下丢弃。",
        id="thief_discards_own_cctv",
    ),
    pytest.param(
        ["故意伤害"],
        "经审理查明：被告人潘某以介绍工作为名，将葛某骗至某私人诊所，在葛某不知情、未经其同意的情况下，"
        "组织医生将其麻醉后摘取一侧肾脏出售，获利10万元。",
        id="kidney_taken_without_consent",
    ),
    pytest.param(
        ["组织出卖人体器官"],
        "公诉机关指控：被告人奚某通过网络招募自愿卖肾的范某等三人，安排其在某医院接受肾脏摘除手术，将肾脏出售给他人，"
        "获利30万元。",
        id="kidney_sellers_recruited",
    ),
]


@pytest.mark.parametrize(("gold", "text"), FIRST)
def test_first_batch_text_reads_as_the_court_would_find(gold, text):
    assert sorted(infer_charges(text)) == sorted(gold)


SECOND_BATCH = [
    pytest.param(
        ["抢劫"],
        "经审理查明：2022年冬夜，被告人柳某撬锁潜入酆某家中行窃，正在卧室翻找财物时被返家的酆某撞见，"
        "柳某抄起板凳砸向酆某头部，致其头皮裂伤（轻伤二级），随后携带窃得的金项链逃离。",
        id="burglar_surprised_swings_a_stool",
    ),
    pytest.param(
        ["抢劫"],
        "公诉机关指控：被告人鲍某在工地偷拆电缆时，被巡夜的保安史某用手电照见并上前查看，鲍某担心被认出，"
        "挥起铁钳将史某打倒在地，致其轻伤一级。",
        id="cable_thief_fears_being_recognised",
    ),
    pytest.param(
        ["抢劫"],
        "经审理查明：被告人唐某以借用手机打电话为由，从费某手中骗得手机后转身欲走，费某察觉后抓住其衣领，"
        "唐某从腰间抽出匕首相威胁，迫使费某松手后逃离。",
        id="borrowed_phone_then_dagger",
    ),
    pytest.param(
        ["抢劫"],
        "公诉机关指控：被告人岑某在菜市场扯断薛某颈上的金项链，薛某死死抓住其手臂呼救，岑某为脱身将薛某推倒在地并踢其腹部，"
        "后逃离现场。",
        id="necklace_snatched_victim_kicked",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：被告人雷某在公交车上扒窃乘客贺某钱包一个，内有现金800元，下车后被民警当场抓获，雷某未作反抗。",
        id="pickpocket_caught_without_resisting",
        marks=NOISE,
    ),
    pytest.param(
        ["故意杀人"],
        "公诉机关指控：被告人倪某认为汤某拖欠其赌债，伙同滕某将汤某锁在出租屋内三天，其间多次用皮带抽打、脚踹汤某，"
        "汤某因多处软组织损伤引发横纹肌溶解综合征死亡。",
        id="locked_in_and_whipped_to_death",
    ),
    pytest.param(
        ["故意杀人"],
        "经审理查明：被告人殷某为争夺砂石生意，召集罗某、毕某等二十余人携带砍刀、钢管，与郝某一方在河滩上互相砍杀，"
        "混战中郝某一方的邬某被砍伤后经抢救无效死亡。",
        id="gravel_feud_fight_kills",
    ),
    pytest.param(
        ["聚众斗殴"],
        "公诉机关指控：被告人安某与常某两伙人因在网吧争抢座位发生口角，后各自电话召集十余人，在网吧后巷持木棒互殴，"
        "造成二人轻伤二级。",
        id="internet_cafe_gangs_light_injuries",
    ),
    pytest.param(
        ["故意伤害", "妨害作证"],
        "经审理查明：被告人傅某因琐事持砖头将皮某砸成轻伤二级。为减轻自己的罪责，傅某打电话威胁在场目击的卞某，"
        "要求其向警方谎称皮某先持刀伤人，否则让其一家不得安宁。",
        id="threatens_witness_of_own_assault",
    ),
    pytest.param(
        ["故意杀人"],
        "公诉机关指控：被告人齐某、康某系某派出所民警，在审讯涉嫌盗窃的伍某时，为逼取口供，对伍某使用电警棍电击、拳打脚踢，"
        "致伍某当晚死亡。",
        id="interrogation_death",
    ),
    pytest.param(
        ["故意伤害"],
        "经审理查明：被告人余某通过网络联系到17岁的元某，承诺给予其3万元，安排其到某小诊所摘除一侧肾脏后卖给他人。",
        id="kidney_of_a_seventeen_year_old",
    ),
    pytest.param(
        ["盗窃", "抢劫"],
        "经审理查明：被告人卜某于2021年6月至8月间，在某工业园区盗窃作案六起，窃得电缆、铜芯等物，"
        "价值共计1.5万元。8月20日，卜某在作案时被厂区保安顾某抓住，卜某为逃脱用铁管猛击顾某头部，致其轻伤二级。",
        id="six_thefts_guard_hit_with_pipe",
    ),
]


@pytest.mark.parametrize(("gold", "text"), SECOND_BATCH)
def test_second_batch_text_reads_as_the_court_would_find(gold, text):
    assert sorted(infer_charges(text)) == sorted(gold)
