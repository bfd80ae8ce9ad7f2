"""Circumstances (量刑情节), third batch of written phrasings (task E57), and the rules E57 added, each with a text just
outside it.

Every passage was written for this test in the style of the 公诉机关指控, 经审理查明 and 本院认为 parts of a criminal
judgment; none is taken from any data set, and none repeats a phrasing of test_e31, test_e35 or test_e45. THIRD_CASES
was written and scored before any change: 14 of 32 right on the engine at 664c9f4 (the held-out estimate), 30 of 32
after E57's rules; the two left are strict xfails named by their failure class. A surrender includes its truthful
account (`settle`); traffic flight and the disaster period belong to other readings and are left out.
"""

import pytest

from leniency.sentencing.extraction.circumstances import find_circumstances

IGNORED = {"fled", "fled_death", "disaster"}


def case(case_id, text, *codes, stage=None, charges=(), xfail=None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, frozenset(codes), stage, charges, id=case_id, marks=marks)


THIRD_CASES = [
    # 自首 forms (刑法第67条第1款; 法释〔1998〕8号第一条; 法发〔2010〕60号 一(一)); 经传唤到案 is none of them
    case("surrender-wife-brought-him-to-criminal-police-to-explain",
         "公安机关通知被告人傅某的妻子后，其妻劝说傅某并陪同其一同到县公安局刑警大队说明情况，傅某如实供述了盗窃的经过。", "surrender"),
    case("not-surrender-brother-led-police-to-arrest-him",
         "被告人柴某的哥哥得知柴某伤人后报警，并带领民警到柴某藏身的出租屋将其抓获，柴某未抗拒，归案后如实供述。", "confession"),
    case("not-surrender-tied-up-by-father-and-delivered",
         "被告人庞某行凶后拒不投案，其父亲与邻居将其捆绑后送到派出所，庞某到案后如实供述了犯罪事实。", "confession"),
    case("surrender-dialled-110-named-himself-and-waited",
         "被告人闫某持棍将邻居打伤后，自己拨打110电话称打伤了人，随后在家中等候民警上门，到案后如实供述。", "surrender"),
    case("not-surrender-oral-summons",
         "被告人戚某经公安机关口头传唤到案，到案后如实交代了其收购赃车的事实。", "confession"),
    case("surrender-went-to-peoples-court",
         "被告人在取得被害人谅解后，自行到某县人民法院投案，并如实供述了自己的罪行。", "forgiveness", "surrender"),
    # 坦白 and 当庭认罪 (刑法第67条第3款; 2021量刑指导意见 三(7)(8))
    case("court-confession-admitted-only-at-trial",
         "被告人鲁某在侦查阶段一直辩称其未动手，直至开庭审理时才承认了起诉书指控的全部犯罪事实。", "court_confession"),
    case("confession-owned-up-to-all-his-crimes",
         "被告人段某被抓获后，能够主动交代自己的全部罪行，认罪态度较好。", "confession"),
    # 立功 (刑法第68条; 法释〔1998〕8号第五条; 法发〔2010〕60号 二: not the accomplice's address known from the crime)
    case("meritorious-reported-cellmate-lead-checked-true",
         "被告人羁押期间检举同监室人员邹某曾持刀抢劫一事，公安机关经侦查后查证该线索属实，并将邹某的同伙抓获。", "meritorious"),
    case("not-meritorious-reported-but-unverifiable",
         "被告人揭发他人吸毒贩毒，但因其提供的信息不具体，公安机关未能查证。"),
    case("meritorious-helped-catch-drug-supplier",
         "被告人到案后配合民警在其住处附近蹲守，协助将前来交易的毒品上家陆某抓获。", "meritorious"),
    case("not-meritorious-gave-accomplice-address-known-from-crime",
         "被告人到案后如实供述了犯罪事实，并提供了同案犯熊某作案前告诉他的藏身地址，公安机关据此将熊某抓获。", "confession"),
    # 谅解 given by the victim's family, or only demanded (三(11))
    case("forgiveness-parents-pardon-in-writing",
         "被害人王某的父母代表其全家出具书面意见，对被告人的行为予以宽宥，请求法院从轻判处。", "forgiveness"),
    case("not-forgiveness-price-demanded",
         "被害人家属提出须赔偿30万元方能出具谅解书，双方未能达成一致。"),
    case("not-forgiveness-conditional-never-met",
         "被害人表示如被告人赔偿其全部损失则可以谅解，但被告人至今未作任何赔偿。"),
    # 退赃退赔 in part (三(10))
    case("restitution-handed-back-two-of-the-phones",
         "被告人案发后将所窃手机中的两部交还给了被害人，其余已销赃。", "restitution"),
    case("restitution-part-handed-over-rest-owed",
         "被告人在审查起诉期间退出赃款2万元，尚有6万元未退出。", "restitution"),
    # 认罪认罚 at each stage (刑事诉讼法第15条、第174条), and a co-defendant's
    case("plea-signed-at-the-procuratorate",
         "2022年3月15日，被告人在检察机关签署了认罪认罚具结书，值班律师在场见证。", "plea", stage="prosecution_review"),
    case("plea-at-first-police-interview",
         "被告人在公安机关第一次讯问时即表示认罪认罚。", "plea", stage="investigation"),
    case("not-plea-co-defendant-pleaded",
         "同案被告人乙某自愿认罪认罚，被告人甲某对指控的犯罪事实提出异议。"),
    # 未遂 and 中止 told without the word (刑法第23条、第24条)
    case("attempt-burglar-cornered-took-nothing",
         "被告人撬开被害人家的防盗门进入室内翻找财物时，被回家的被害人堵在屋内，未能拿走任何财物。", "attempt"),
    case("attempt-rape-victim-cried-out-passers-by-came",
         "被告人将被害人拖至路边草丛欲行强奸，因被害人大声呼救引来路人，被告人弃之逃跑。", "attempt",
         xfail="a rape stopped from outside is read by its facts only for a killing (crime_stage_facts.killing_not_completed): no rule yet tells a completed rape from one stopped"),
    case("attempt-fraud-money-never-sent",
         "被告人冒充被害人的儿子索要钱款，被害人察觉有诈后报警，钱款没有被骗走。", "attempt"),
    case("discontinuation-left-out-of-pity",
         "被告人将被害人按倒在地欲行强奸，见被害人哭泣求饶，心生怜悯，遂放开被害人离开。", "discontinuation",
         xfail="a rape given up of the defendant's own will (心生怜悯，遂放开) is read by its facts only for a killing: no rule yet"),
    # 从犯 named only in the court's reasons (刑法第27条)
    case("accessory-reasons-role-relatively-secondary",
         "本院认为，被告人陶某受他人雇佣参与作案，在共同犯罪中地位、作用相对次要，依法应当减轻处罚。", "accessory"),
    case("accessory-reasons-lookout",
         "本院认为，被告人邬某在共同犯罪中仅负责望风，起次要作用，系从犯，依法应当从轻处罚。", "accessory"),
    # the defence's claim the court rejects or accepts
    case("not-confession-claim-rejected-repeated-retractions",
         "辩护人提出被告人有坦白情节的辩护意见，经查，被告人到案后多次翻供，不能如实供述，对该意见本院不予采纳。"),
    case("not-accessory-claim-rejected-role-not-minor",
         "关于辩护人提出被告人系从犯的意见，经查，被告人积极参与预谋并分得赃款，作用并非次要，该意见与查明的事实不符，本院不予采纳。"),
    case("surrender-claim-accepted-on-inquiry",
         "辩护人提出被告人具有自首情节的意见，经查属实，本院予以采纳。", "surrender"),
    case("surrender-claim-partly-accepted-no-exemption",
         "辩护人提出被告人系自首、应免除处罚的意见，经查，被告人确系自首，但其犯罪情节恶劣，不宜免除处罚，对该意见部分采纳。", "surrender"),
    # circumstances of a co-defendant
    case("not-surrender-accomplice-introduced-by-huotong",
         "被告人甲某伙同丙某（另案处理）盗窃电动车两辆。案发后，丙某主动到公安机关投案，甲某被民警抓获。"),
    case("not-minor-co-defendant-under-eighteen",
         "同案犯丙某作案时未满十八周岁，被告人甲某作案时已年满二十二周岁。"),
]  # fmt: skip


def codes_found(text: str, charges=()) -> tuple[frozenset[str], str | None]:
    findings, _ = find_circumstances(text, charges=charges)
    found = frozenset(f.code for f in findings if f.code not in IGNORED)
    stage = next((f.value for f in findings if f.code == "plea"), None)
    return found, stage


@pytest.mark.parametrize(("text", "expected", "stage", "charges"), THIRD_CASES)
def test_third_batch_as_a_court_would_read_it(text, expected, stage, charges):
    found, found_stage = codes_found(text, charges)
    assert found == expected
    if stage is not None:
        assert found_stage == stage
