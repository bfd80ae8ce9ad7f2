"""Money a duty crime takes, named by the kind of payment it was (task E54, issue 16 class 4).

A cashier's 押金, the 租金 a unit collects, the 变卖款 of its scrap, a 征地补偿款 in its keeping: where the figure is then
kept by the person holding it through his post ("将收取的押金3.8万元不入账，据为己有", "将其经手的征地补偿款30万元转入其
个人账户", "将单位废旧物资变卖款1.8万元私自截留"), it is the money taken, not a payment beside the crime. 职务侵占
(刑法第271条: 将本单位财物非法占为己有), 贪污 (第382条: 侵吞、窃取、骗取或者以其他手段非法占有公共财物) and the
misappropriations (第272条, 第384条: 挪用…归个人使用) are measured by the unit's money so taken or used, whatever it was
paid to the unit as. The kind of payment is read by amount_exclusions.EXCLUDE_BEFORE elsewhere (a deposit the defendant
paid, a rent he owed), so the reading needs both a post told before the figure and the keeping told after it.
"""

from __future__ import annotations

import re

from leniency.sentencing.extraction.numbers import sentence_start

# the post the money was held through, told before the figure in the text
POST = re.compile(
    r"职务便利|职务之便|利用职务|职务上的便利|担任|负责|工作人员|出纳|会计|收银员|收费员|报账员"
)
# the keeping told after the figure, in its sentence
KEPT = re.compile(
    r"据为己有|占为己有|非法占有|归(?:其|自己|本人)?(?:个人)?(?:所有|使用)|归己|私自截留|予以截留|截留|"
    r"不入账|未入账|不上缴|未上缴|不上交|未上交|未交回|予以侵吞|侵吞|私分|转入(?:其|自己|本人)[^，,。；;]{0,8}账户|"
    r"挪作他用|挪作个人|挪用|"
    # lent or handed on to another's use: 挪用 归个人使用 (全国人大常委会关于刑法第三百八十四条第一款的解释, 2002: 将公款供本人、
    # 亲友或者其他自然人使用 / 以个人名义将公款供其他单位使用; 刑法第272条 借贷给他人; recalled; E95)
    r"(?:私自|擅自)?(?:转借|出借|借)给|(?:交给|交由|供)[^，,。；;\d]{0,12}使用"
)
KEPT_REACH = 20  # characters after the figure where its keeping is told
# money used for the holder's own ends ("将其经手的社保基金45万元用于网络赌博"): the use 刑法第384条, 第272条 name, where the
# clause says the money was held through the post (经手, 保管, 领取 …); not the proceeds of a crime told again
PERSONAL_USE = re.compile(
    r"用于(?:其)?(?:个人|本人|自己|家庭|赌博|网络赌博|炒股|购买|偿还(?:其)?(?:个人)?|消费|挥霍|投资|经营)"
)
HELD = re.compile(
    r"经手|保管|管理|收取|代收|代管|领取|掌管|发放|单位|公司|集体|公款|专款|备用金|基金|补贴|补偿款"
    r"|专户|罚没款|财政"  # public money by its account (刑法第384条 公款; E95)
)
NOT_HELD = re.compile(r"其中|赃款|所盗|所窃|所骗|骗取的|窃取的|盗窃的|骗得的|借款|借来")
# a restitution, seizure or sentence named before the figure is what it says, kept or not
RETURNED = re.compile(
    r"退赔|退赃|退清|退还|退回|退出|退缴|返还|发还|追缴|追回|扣押|查获|查扣|缴获|冻结|罚金|判处|处以"
)


# the unit's goods sold by the one holding them through his post ("利用负责保管仓库物资的职务便利，…将仓库内的铜材私自运出，
# 卖给废品收购人员，得款共计8.6万元，所得款项用于偿还个人债务"): the price is the unit's property he took (刑法第271条,
# 第382条), where the text values the goods at no other figure (E92)
DUTY = re.compile(r"职务便利|职务之便|利用职务|职务上的便利")
SOLD_FOR = re.compile(r"(?:得款|获款|卖得|售得|变卖款|销售款)[^，,。；;\d]{0,6}$")
OTHER_FIGURE = re.compile(r"[\d０-９.]+万?元")  # a value of the goods told before the price
PROCEEDS_USED = re.compile(
    r"^[，,]?(?:所得|该|上述|得来的)?(?:款项?|赃款|钱款|货款)?(?:均|全部|已)?(?:被其|由其)?"
    + f"(?:{PERSONAL_USE.pattern}|后?(?:挥霍|花光|花掉|消费))"
)


def kept_through_post(text: str, clause_start: int, start: int, end: int, sentence_end: int) -> bool:
    """Whether the figure at text[start:end] is money the defendant kept or used through his post: a post told before it,
    its keeping (or the holder's own use of money held) told after it in its sentence, and no return named before it."""
    before = text[clause_start:start]
    if RETURNED.search(before) or not POST.search(text, 0, start):
        return False
    # up to the next figure: "公司支付房租共计9.6万元，甲从中冒领3万元据为己有" keeps the 3万, not the 9.6万
    after = re.split(r"[\d０-９]", text[end : min(sentence_end, end + KEPT_REACH)])[0]
    if KEPT.search(after):
        return not NOT_HELD.search(before)
    if _unit_goods_sold_and_kept(text, start, after):
        return True
    return bool(PERSONAL_USE.match(after) and HELD.search(before) and not NOT_HELD.search(before))


def _unit_goods_sold_and_kept(text: str, start: int, after: str) -> bool:
    """Whether the figure at `start` is the price of goods sold through the holder's post and spent as his own: the
    duty told in its sentence before a sale's price, no other figure of money there, and the holder's use after it."""
    sentence = text[sentence_start(text, start) : start]
    return bool(
        DUTY.search(sentence)
        and SOLD_FOR.search(sentence)
        and not OTHER_FIGURE.search(sentence)
        and PROCEEDS_USED.match(after)
    )
