"""Why a figure of money is not the crime's amount (犯罪数额), read in its clause and its sentence: a fine, a
compensation, a return or a seizure named before it, a price or a resale after it, the yield of misappropriated money
(`find_money` gives the word that excludes it as `Mention.excluded`)."""

from __future__ import annotations

import re

from leniency.sentencing.extraction.amount_context import promised

# A payment told as the investors' return: 以返利的名义…支付, 以支付利息等方式…返还 (not the bait: 以高额返利为诱饵,
# 以高额返利的方式骗取)
PAID_AS_RETURN = r"(?:利息|本息|返利|回报|分红|红利)[^，,。；;\d]{0,4}(?:名义|方式|形式)[^，,。；;\d]{0,12}?(?:支付|返还|发放|给付)"
# Words in the clause before an amount that say it is not the crime amount.
EXCLUDE_BEFORE = re.compile(
    r"罚金|罚款|赔偿|赔付|补偿|退赔|退赃|退清|退还|退回|退出|退缴|主动交出|返还|发还|归还|还款|还给|偿还|追缴|追回|"
    r"扣押|查获|查扣|缴获|冻结|本案赃款|预缴|缴交|缴纳|预交|"
    r"卖|售得|出售给|销赃|典当|抵押|分得|分赃|分了|平分|分给|(?<!勒索)(?<!敲诈)得款|获款|余款|剩余|"
    r"保证金|押金|奖励|悬赏|诉讼费|医疗费|医药费|丧葬费|误工费|鉴定费|工资|月薪|欠条|借条|欠款|借款|"
    # (得款 after 勒索 / 敲诈 is the money the extortion obtained: "先后两次向乙勒索得款共计6000元", E92)
    # a debt the victim owed (欠下赌债3万元无力偿还, 因乙欠其赌资1万元): the motive of a detention for a debt (刑法第238条第3
    # 款), no sum anyone took (E92)
    r"赌债|欠其|欠下|欠他|"
    r"每[月天日次人克斤吨件个张]|单价|判处|处以|好处费|报酬|车费|租金|房租|生活费|手续费|谅解|"
    # a card issuer's charges are no part of a malicious overdraft (法释〔2018〕19号第九条: 恶意透支的数额…不包括利息、
    # 复利、滞纳金、手续费等发卡银行收取的费用; recalled, unconfirmed) nor of other money taken; interest the defendant
    # gained (高利转贷 获取利息收益) is that crime's 违法所得, and stays
    r"(?<!获取)(?<!获得)(?<!赚取)(?<!收取)(?<!牟取)利息|复利|滞纳金|"
    # money turned over after the crime (主动上缴涉案款229000元: 退赃, 刑法第64条) is no further amount; 截留应上缴的利润 (the
    # embezzled sum itself) stays (E38)
    r"主动上缴|上缴(?:涉案|赃款|违法所得|非法所得)|"
    # principal paid back to investors (已兑付本金210万元) is a return; the part not paid (尚未兑付, 无法兑付) is
    # unreturned_sums' (E67)
    r"(?<![未没法能])兑付|"
    # a payment told as the investors' return (以返利的名义向集资参与人支付180万元): money going back (E81)
    rf"{PAID_AS_RETURN}|"
    # a figure deducted ("已扣除其合法报销的差旅费1.5万元", "扣减其已交回公司的3万元") is taken off the amount, not part of
    # it; "扣除成本后获利5万元" (后: the figure after the deduction) stays (E43). Not 抵扣: "已认证抵扣税款X元" is the
    # input tax a false VAT invoice let its holder deduct (刑法第205条), that crime's measure
    r"(?:扣除|扣减|减去)(?![^，,。；;]*后)"
)
EXCLUDE_AFTER = re.compile(
    r"^(?:的|左右的)?(?:价格|价钱|售价|低价|高价|罚金|罚款|好处费|报酬|保证金|的?赔偿|作为|用于|欠条|借条|/|每)"
    # "退赔5000元" is restitution; "5000元（已退赔）" notes what became of money taken, still the amount taken
    # "骗取…5万元后赔偿2万元": a later payment (后) follows the money taken, which stays (E38)
    r"|^(?![（(]已)(?!后)[^，,。；;\s]{0,3}(?:退赔|退清|退还|赔偿|返还|发还|被扣押|被追回)"
    r"|^(?:的价格)?(?:销赃|卖给|卖掉|出售|变卖)|^将[^，,。；;]{0,12}(?:销赃|卖给|卖掉|出售|变卖)"
    r"|^\s*[（(]?折合"
)
MISAPPROPRIATION_YIELD = re.compile(r"利息|收益|利润|盈利")
CLOSED_BRACKETS = re.compile(r"[（(][^（）()]*[）)]")
SENTENCE_EXCLUDE = re.compile(r"发还|返还|退赔|退还|退赃|赔偿|罚金|查获|扣押|追缴|销赃|卖给|出售给|变卖")
PROCEEDS = re.compile(r"所盗|所窃|所骗|所得|骗取的|窃取的|盗窃的|涉案金额|犯罪数额")
VALUE_OR_CRIME = re.compile(r"鉴定|价值|认定|估价|价格|骗|盗|窃|抢|夺|侵占|挪用|收受|索取")
TAKEN_IN_CLAUSE = re.compile(
    r"挪用|窃取|盗窃|盗走|盗得|窃得|偷拿|偷走|偷取|偷得|扒窃|骗取|骗得|诈骗|抢走|抢得|劫取|劫得|夺取|抢夺|侵占|勒索|索要|索取"
)


def misappropriated_for(after: str, before: str) -> bool:
    """ "挪用公款X元用于…": the use is part of the offence of 挪用 (刑法第384条 挪用公款归个人使用，进行营利活动 …;
    第272条 挪用本单位资金归个人使用), so the sum misappropriated is the crime amount, not a part spent. So is a sum
    its own clause says was taken ("偷拿家中现金12000元用于赌博", "骗取被害人5万元用于还债"): what it was used for
    does not make it a part; "将其中2万元用于赌博" (将, 其中: a disposal of money told before) and "骗取的3000元用于…"
    (the proceeds told again) stay out."""
    if not after.startswith("用于"):
        return False
    return "挪用" in before or (
        TAKEN_IN_CLAUSE.search(before) is not None
        and not re.search("将|其中", before)
        and not PROCEEDS.search(before)  # "骗取的3000元用于…": the money taken, told again
    )


def misappropriation_yield(sentence_before: str, before: str) -> str | None:
    """The interest or yield the misappropriated money earned ("挪用公款…购买理财产品，获得收益X元") is not
    the sum misappropriated: 最高人民法院《关于审理挪用公款案件具体应用法律若干问题的解释》（1998）第二条第（二）项,
    所获取的利息、收益等违法所得，应当追缴，但不计入挪用公款的数额."""
    m = MISAPPROPRIATION_YIELD.search(before)
    return m.group() if m and "挪用" in sentence_before else None


def sentence_exclusion(sentence_before: str) -> str | None:
    """Restitution or seizure named earlier in the sentence, with no valuation in between.

    A note in closed brackets is about the thing it follows ("电动车一辆（经鉴定价值1200元，已发还）、现金300元"):
    the cash after it was not given back."""
    found = None
    sentence_before = CLOSED_BRACKETS.sub("", sentence_before)
    for m in SENTENCE_EXCLUDE.finditer(sentence_before):
        if not promised(sentence_before, m.start()):
            found = m
    if found and not VALUE_OR_CRIME.search(sentence_before, found.end()):
        return found.group()
    return None
