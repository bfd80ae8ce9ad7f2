"""The words each sentencing circumstance (量刑情节) is told in: (circumstance, pattern) pairs, searched on their own.
Whether a match counts (not negated, the defendant's, paid) is circumstance_checks.py's reading."""

from __future__ import annotations

import re

from leniency.sentencing.extraction.crime_stage_facts import NOTHING_TAKEN
from leniency.sentencing.extraction.merit_facts import MERIT_FACTS
from leniency.sentencing.extraction.restitution_acts import (
    REDEEMED_AND_RETURNED,
    RETURNED_TO,
    RETURNED_TO_NAMED,
)
from leniency.sentencing.extraction.surrender_facts import (
    KNOWINGLY_WAITED,
    OTHER_CRIME_UNKNOWN,
    PHONED_AND_CAME,
    QUESTIONED_WHEN_SUSPICIOUS,
    REPORTED_AND_WAITED,
    WAITED_FOR_POLICE,
)
from leniency.sentencing.facts import Circumstance

C = Circumstance
# a co-offender's record told of him (said_of_co_offender): his, not the defendant's
CO_OFFENDERS_OWN = (C.RECIDIVIST, C.PRIOR_RECORD)

RETURNED = re.compile(
    r"(?:退还|返还|归还|退回|送还|交还)(?:了)?(?:全部的?)?(?:被盗|所盗|盗得|窃得|窃取的|盗窃所得|所骗|骗得|诈骗所得|抢得|抢夺所得"
    r"|违法所得|非法所得|诈骗款|被骗款|骗取的|偷来的|盗来的|抢来的)"
    r"|(?:返还|归还|送还|交还)(?:给)?(?:了)?(?:被害人|被害单位|失主)"
    r"|(?:已|均已|全部|全额)(?:退还|返还|归还)"
    # 三(10) 退赃、退赔 told by the money the crime took: the embezzled or misappropriated sum (侵占款项, 挪用的公款), a
    # card's overdraft (透支本息: 法释〔2018〕19号第十条, 归还全部透支款息), or the whole sum (退还了全部钱款); not a part of
    # a loan repaid (归还部分借款), which a fraud's scheme may itself tell; a part of the embezzled sum named
    # (退还了部分侵占款项) is 退赃 all the same, weighed by the part (E103)
    r"|(?:退还|返还|归还|退出|退回)(?:了)?(?:全部的?|全额的?|所有的?|部分)?"
    r"(?:侵占|挪用|贪污|侵吞|骗取|诈骗|透支|勒索|敲诈)(?:的|所得的?)?(?:款项|钱款|款物|财物|公款|资金|本息|本金|款息|款)"
    # the same with the object first ("已将侵占的钱款全部退还", "把勒索所得财物退还被害人")
    r"|(?:将|把)(?:其)?(?:所)?(?:侵占|挪用|贪污|侵吞|骗取|诈骗|透支|勒索|敲诈)[^，,。；;]{0,8}?(?:全部|全额|悉数)?"
    r"(?:退还|归还|返还|退回)"
    r"|(?:退还|返还|归还|退出|退回)(?:了)?(?:全部|全额|所有)的?(?:钱款|款项|本息|款息)"
    # a card's whole debt paid back ("家属代为归还全部欠款", "已还清全部透支款"): 法释〔2018〕19号第十条's return (E90)
    r"|(?:归还|偿还|还清|缴清)(?:了)?(?:全部|全额|所有)的?(?:透支)?(?:欠款|透支款)"
)

# the civil part's settlement performed (三(11)); the heads are the material losses of 法释〔2021〕1号第一百九十二条
# (医疗费、护理费、交通费 …, recalled, unconfirmed); 未/没/不/尚 between the two words keep out one not yet paid
COST_HEADS = r"(?:医疗费|医药费|治疗费|丧葬费|误工费|抢救费|护理费|营养费|交通费|康复费)"
COSTS_PAID = re.compile(
    rf"(?:支付|垫付|给付|偿还|承担)(?:了)?(?:被害人|受害人)?[^，,。；;]{{0,6}}?{COST_HEADS}"
)
# the ecological damage a crime against the environment or resources did, paid for (生态环境损害赔偿款, 生态修复费用):
# the loss made good to the state that claims it (民法典第1234、1235条), 三(11)'s 积极赔偿…经济损失 as nearest rule;
# 法释〔2023〕7号 (环境污染) and 法释〔2023〕8号 (破坏森林资源) weigh 积极修复生态环境 in mitigation (recalled, unconfirmed).
# No 被害人 is named, so `to_victim` is not asked; a claim (请求判令…承担) or a sum not yet paid is left out by `_counts`
ECOLOGICAL_DAMAGES_PAID = re.compile(
    r"(?:缴纳|交纳|缴付|支付|赔付|预缴|缴清|交清)(?:了)?[^，,。；;]{0,8}?"
    r"(?:生态(?:环境)?损害赔偿|生态(?:环境)?修复|(?:环境|资源)修复|修复(?:生态|环境)|林地修复|渔业资源修复)"
)
CIVIL_SETTLEMENT_PAID = re.compile(
    r"调解协议[^，,。；;未没不尚]{0,4}履行(?:完毕)?|已履行(?:了)?(?:民事)?调解协议"
)
# 自动投案 told as going to an authority to explain (说明情况), or of one's own accord (主动/自动/自行) to be questioned
# (接受调查); not taken there (带至, 押至) nor summoned (传唤, `_counts`): a summons refused or obeyed is no surrender
# 法释〔1998〕8号第一条: 向公安机关、人民检察院或者人民法院投案; a brigade of the police (刑警大队, 交警大队: 公安机关交通
# 管理部门, 道路交通安全法第5条) is the 公安机关 itself
POLICE_UNIT = r"(?:刑警|刑侦|交警|交通警察|治安|禁毒|经侦)(?:大队|支队|中队|队)"
AUTHORITY = rf"(?:派出所|公安局|公安分局|公安机关|{POLICE_UNIT}|检察院|侦查机关|人民法院)"
WENT_TO_AUTHORITY = re.compile(
    rf"(?:主动|自动|自行)(?:来到|到|至|前往)[^，,。；;]{{0,20}}{AUTHORITY}(?:说明情况|接受调查|接受询问|接受处理)"
    rf"|(?<![带押送解扭唤])(?:到|至|前往)[^，,。；;]{{0,20}}{AUTHORITY}说明情况"
)
AGE_WHEN_ACTING = r"(?:作案时|犯罪时|行为时|案发时)(?:已|仅)?(?:年仅|刚满|已满|年满|年届|系|为|只有)?"
# PRIOR_RECORD's findings are the openings of `prior_records`, not a pattern's matches
PRIOR_RECORD = re.compile(r"(?!)")
DRUG_REOFFENDER_WORD = re.compile(r"毒品再犯")
# a sentence that opens on the trial ("庭审中，…", "在法庭审理过程中，…"): what follows is told at trial
TRIAL_HEADER = r"(?:^|(?<=[。；;\n]))(?:在)?(?:庭审|开庭审理|法庭审理|法庭调查)(?:中|时|过程中|期间)[，,]"
# (circumstance, pattern). Order matters only for readability; each is searched on its own.
PATTERNS: list[tuple[Circumstance, re.Pattern]] = [
    # 刑法第67条第1款, 法释〔1998〕8号第一条: 自动投案 told as going to (到/至/向) an authority, by a call (报警投案,
    # 电话投案) or as a return to justice of one's own accord (主动归案, 自动归案)
    (C.SURRENDER, re.compile(r"自首|主动投案|投案自首|主动到案|自动投案|主动(?:到|至|回到|前往|赶到|去)[^，,。；;]{0,25}投案"
                             rf"|(?<![未没不])(?:到|至)[^，,。；;]{{0,20}}(?:{AUTHORITY}|监察委员会|纪委)投案"
                             rf"|(?<![未没不])向[^，,。；;]{{0,20}}(?:派出所|公安|{POLICE_UNIT}|检察|法院|监察|纪委|纪检|侦查机关|司法机关)"
                             r"[^，,。；;]{0,8}投案"
                             r"|报警投案|电话投案|(?:主动|自动)归案")),
    (C.SURRENDER, WENT_TO_AUTHORITY),
    # 自动投案 and 特别自首 told by their facts (法发〔2010〕60号 一(一); 刑法第67条第2款): surrender_facts.py
    (C.SURRENDER, KNOWINGLY_WAITED),
    (C.SURRENDER, REPORTED_AND_WAITED),
    (C.SURRENDER, WAITED_FOR_POLICE),
    (C.SURRENDER, QUESTIONED_WHEN_SUSPICIOUS),
    (C.SURRENDER, OTHER_CRIME_UNKNOWN),
    (C.SURRENDER, PHONED_AND_CAME),
    # 刑法第67条第3款 in its own words: 如实供述自己罪行, told also as 交代(了)自己的(全部)罪行
    # 如实供述 only at trial (当庭如实供述, 庭审中供认不讳) is 三(8)'s 当庭自愿认罪, not 坦白 (`_only_at_trial`)
    (C.CONFESSION, re.compile(r"坦白|如实供述|如实交代|如实交待|如实陈述|如实供认|供认不讳"
                              r"|(?:供述|交代|交待|供认)(?:了)?(?:自己|本人)的?(?:全部|主要)?罪行")),
    (C.COURT_CONFESSION, re.compile(
        r"当庭(?:亦|也|均)?(?:表示|均)?(?:自愿)?认罪|当庭(?:如实)?供述|(?:庭审|审理)(?:中|时|过程中)(?:表示)?(?:自愿)?认罪|法庭上(?:表示)?(?:自愿)?认罪|最后陈述(?:中|时)(?:表示)?(?:自愿)?认罪|(?:开庭审理|庭审)(?:过程)?中(?:亦|均)?无异议"
        # 三(8) 当庭自愿认罪 told as the facts charged admitted at trial ("开庭审理时才承认了起诉书指控的全部犯罪事实")
        r"|(?:当庭|(?:开庭审理|庭审|审理)(?:中|时|过程中))[^，,。；;]{0,2}?(?:承认|供认)(?:了)?(?:起诉书|公诉机关)?(?:所)?指控的(?:全部)?(?:犯罪)?事实"
        # the same told as a full or truthful account at trial ("在庭审中对公诉机关指控的犯罪事实供认不讳", "至庭审时才如实
        # 交代"): 当庭认罪, whether or not a 坦白 before it is also told (`settle`)
        r"|(?:当庭|(?:开庭审理|开庭|庭审|审理|法庭)(?:中|时|过程中|上))[^，,。；;]{0,20}?"
        r"(?:供认不讳|如实(?:供述|交代|交待|供认))"
        # the trial named as the sentence's own first clause ("庭审中，被告人某某对指控的事实供认不讳")
        rf"|{TRIAL_HEADER}[^，,。；;]{{0,24}}?(?:供认不讳|如实(?:供述|交代|交待|供认)|(?:表示)?(?:自愿)?认罪)"
    )),
    (C.PLEA, re.compile(r"认罪认罚|认罪并认罚|认罪、认罚|签署了?(?:认罪认罚)?具结书|签字具结|同意量刑建议")),
    (C.MAJOR_MERITORIOUS, re.compile(r"重大立功")),
    (C.MERITORIOUS, re.compile(r"(?<!重大)立功")),
    # 刑法第68条 in its facts, without the word (merit_facts.py)
    (C.MERITORIOUS, MERIT_FACTS),
    # 刑法第65条 in its own words, without 累犯
    (C.RECIDIVIST, re.compile(
        r"累犯|刑罚执行完毕(?:或者赦免)?以后[^。；;]{0,4}五年(?:以)?内[^。；;]{0,6}再犯应当判处有期徒刑以上刑罚之罪"
    )),
    # a prior record (前科): a criminal conviction earlier_convictions reads, but the judgment a 漏罪 is combined with
    (C.PRIOR_RECORD, PRIOR_RECORD),
    # 毒品再犯 named by the court or the prosecutor ("系毒品再犯", "系累犯、毒品再犯"): 刑法第356条 needs an earlier
    # sentence for 走私、贩卖、运输、制造、非法持有毒品罪 (因…被判过刑), so the word tells a prior record where the profile
    # tells none the reader finds; the calculation weighs it as art. 356's (calculator_adjust.drug_reoffender)
    (C.PRIOR_RECORD, DRUG_REOFFENDER_WORD),
    (C.RESTITUTION, re.compile(r"退赃|退赔|退缴|(?:退还|退回)(?:了)?(?:全部|(?:绝)?大部分|部分)?(?:赃款|赃物|被害人|被害单位|所在单位|公司|单位)|退出(?:了)?(?:全部|部分)?(?:的)?赃|主动退还"
                               r"|(?:交出|上交|上缴|退出)(?:了)?[^，,。；;]{0,6}(?:赃款|赃物|违法所得|非法所得)")),
    # the same, named by what the crime took ("退还了被盗电动车", "将所骗钱款全部返还被害人", "已全部归还透支款息"): counted
    # only where the defendant is the one who gives it back (payments_made.returned_by_defendant), as police hand
    # back goods in the same words ("公安机关将赃款全部归还被害人", "该车已返还失主")
    (C.RESTITUTION, RETURNED),
    # the same, read by the verb and who receives it, whatever the object ("向被害人返还手机一部", "归还了被害公司的货款",
    # "偿还银行透支款"): restitution_acts.py, counted only after the crime and as the defendant's own act
    (C.RESTITUTION, RETURNED_TO),
    # the victim told by name ("后退还夏某某人民币3000元"): only a person the text calls 被害人 (E100)
    (C.RESTITUTION, RETURNED_TO_NAMED),
    (C.RESTITUTION, REDEEMED_AND_RETURNED),
    # a willingness or the means to pay ("虽有赔偿意愿，但无赔偿能力") is no payment
    (C.COMPENSATION, re.compile(r"赔偿(?!请求|责任|意愿|意向|能力)|赔付")),
    (C.COMPENSATION, ECOLOGICAL_DAMAGES_PAID),
    # the civil part settled and paid ("附带民事部分已调解结案，被告人已按调解协议履行完毕"): the victim's claim made
    # good (三(11)); a settlement not yet performed is no payment
    (C.COMPENSATION, CIVIL_SETTLEMENT_PAID),
    # the victim's costs paid by the defendant or the family (payments_made.returned_by_defendant: not an
    # insurer's payment)
    (C.COMPENSATION, COSTS_PAID),
    (C.FORGIVENESS, re.compile(r"谅解|(?:表示|予以|给予|获得|取得|得到)(?:了)?(?:被害人(?:家属|亲属)?的?)?(?:原谅|宽恕|宽宥)")),
    # the victim's own wish that the defendant not be prosecuted ("被害人表示不追究被告人的刑事责任"), 谅解 in substance
    (C.FORGIVENESS, re.compile(
        r"(?:被害人|被害方|被害单位)[^。；;]{0,20}?(?:表示|要求|请求|希望|同意|决定)[^。；;]{0,4}?不(?:再|予)?追究"
    )),
    (C.RECONCILIATION, re.compile(r"刑事和解|达成(?:了)?和解|和解协议")),
    # 刑法第23条 in the courts' words: 未遂, 未(能)得逞, 未(能)得手, 意志以外的原因 (an attempt told by its facts alone:
    # crime_stage_facts.killing_not_completed)
    (C.ATTEMPT, re.compile(r"未遂|未(?:能)?得逞|没有得逞|未(?:能)?得手|意志以外的原因"
                           r"|被迫(?:停止|放弃)(?:了)?(?:作案|盗窃|行窃|抢劫|抢夺|强奸|犯罪)")),
    (C.ATTEMPT, NOTHING_TAKEN),
    # 刑法第24条: 自动放弃犯罪 or 自动有效地防止犯罪结果发生, the defendant's own choice (自动/主动)
    (C.DISCONTINUATION, re.compile(
        r"犯罪中止|中止(?:了)?犯罪"
        r"|(?:自动|主动)(?:放弃|停止)(?:了)?(?:犯罪|盗窃|抢劫|抢夺|强奸|诈骗|继续|侵害|加害|杀害|行凶|作案|实施)"
        r"|自动有效地防止"
    )),
    # 刑法第22条: tools prepared, the crime not yet begun (着手 is where art. 23 starts) when the defendant was caught
    # or stopped; not a duty left undone ("企业尚未着手整改")
    (C.PREPARATION, re.compile(
        r"犯罪预备|预备犯"
        r"|(?:尚未|还未|未及|没有|未来得及)着手[^，,。；;]{0,12}?(?:被|遭)[^，,。；;]{0,12}?(?:抓获|查获|发现|制止|控制|截获)"
        r"|因[^，,。；;]{1,16}?而(?:未能|没能|无法|未及)着手(?:实施|实行|作案|犯罪)"
    )),
    (C.COERCED, re.compile(r"胁从犯|被胁迫参加")),
    # not 从 + 犯罪…: "民警从犯罪嫌疑人王某处扣押", "从犯罪现场提取" (from the suspect, from the scene)
    # 刑法第27条 (起次要或者辅助作用的) told of the role ("地位、作用相对次要")
    (C.ACCESSORY, re.compile(r"(?<!胁)从犯(?!罪(?:嫌疑人|分子|现场|所得))|次要作用|辅助作用"
                             r"|(?:地位|作用)(?:[、和及](?:地位|作用))?(?:相对|较为|较|比较)?(?:次要|辅助)")),
    # 刑法第26条: the 首要分子 of a criminal group is a principal
    (C.PRINCIPAL, re.compile(r"主犯|主要作用|首要分子|(?:组织|领导|指挥|策划)(?:、(?:组织|领导|指挥|策划))*作用")),
    (C.MINOR, re.compile(r"未成年|未满十八周岁|不满十八周岁|已满十[四六]周岁(?:不满|未满)")),
    # 刑法第17条第4款, 第17条之一: the age at the time of the crime, told as a number ("作案时年仅十七周岁")
    (C.MINOR, re.compile(AGE_WHEN_ACTING + r"(?:1[2-7]|十[二三四五六七])周?岁")),
    (C.ELDERLY, re.compile(r"已满七十五周岁|年满七十五周岁")),
    (C.ELDERLY, re.compile(AGE_WHEN_ACTING + r"(?:7[5-9]|[89]\d|七十[五六七八九]|[八九]十[一二三四五六七八九]?)周?岁")),
    # 刑法第19条: 盲人, told also as the loss of sight in both eyes
    (C.DEAF_MUTE_BLIND, re.compile(r"聋哑|又聋又哑|盲人|双(?:目|眼)(?:全盲|失明)|全盲")),
    # 又聋又哑 told as the two disabilities of the disability certificate together (听力、言语残疾); one alone is not
    (C.DEAF_MUTE_BLIND, re.compile(
        r"(?:言语|语言)[、和及与]?听力(?:[一二三四]级)?(?:多重)?残疾|听力[、和及与]?(?:言语|语言)(?:[一二三四]级)?(?:多重)?残疾"
    )),
    # 法释〔2000〕33号第五条: 因逃逸致人死亡 is 被害人因得不到救助而死亡, as judgments often write it out
    (C.FLED_DEATH, re.compile(r"因逃逸致(?:被害人|人)?[^，,。；;]{0,6}死亡|(?:得不到|未(?:能)?得到(?:及时)?)救助而死亡")),
    (C.FLED, re.compile(r"逃逸|(?:驾车|驾驶[^，,。；;]{0,8})逃离(?:事故)?现场|弃车逃离")),
    # 刑法第18条第3款; a judgment may name the other word in brackets (限定（部分）刑事责任能力)
    (C.LIMITED_CAPACITY, re.compile(
        r"限制(?:刑事)?(?:责任|行为)能力|(?:限定|部分)(?:[（(](?:限定|限制|部分)[）)])?(?:刑事)?责任能力"
        r"|尚未完全丧失辨认"
    )),
]  # fmt: skip
