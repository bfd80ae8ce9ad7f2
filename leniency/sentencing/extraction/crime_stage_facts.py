"""The stage of a crime told by its facts, without the word: a killing attempted (刑法第23条) or given up (第24条), a
taking that could not be completed (第23条), and whether a discontinued crime caused harm (第24条第2款)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from leniency.sentencing.extraction.amount_context import UNMET_WORD
from leniency.sentencing.extraction.circumstance_denials import negated
from leniency.sentencing.extraction.injuries import find_injuries
from leniency.sentencing.extraction.money_mention import Mention
from leniency.sentencing.extraction.numbers import bounds, span
from leniency.sentencing.facts import Circumstance, Finding, InjuryGrade

# A killing that did not happen, told without 未遂 (刑法第23条、第24条): an intent to kill the text states, nobody dead,
# and after it either a cause outside the defendant's will (制止, 抓获, the victim's resistance or escape, a rescue by
# others) or the defendant's own giving up or rescue. A threat (扬言要杀死) is no intent; a death anywhere in the
# text is a completed killing.
INTENT_TO_KILL = re.compile(
    r"(?:欲|意图|企图|想要?|蓄意|决意|意欲)(?:将[^，,。；;]{1,6}?)?"
    r"(?:杀死|杀害|掐死|勒死|扼死|砍死|捅死|刺死|毒死|烧死|淹死|打死|闷死|致[^，,。；;]{0,6}死亡|置[^，,。；;]{0,6}于死地)"
)
KILL_WINDOW = 160  # characters after the intent in which what stopped it is told
OWN_STOP = re.compile(
    r"(?:自动|主动|自行)(?:放弃|停止|停手|住手)|(?:主动|自行|自己)(?:将[^，,。；;]{1,8}?)?(?:送(?:往|至|到)?医|拨打(?:了)?120)"
)
STOPPED_FROM_OUTSIDE = re.compile(
    r"被(?!告)[^，,。；;]{0,10}?(?:制止|拉开|拦下|拦住|阻止|夺下|抓获|扭送)"
    r"|(?:被害人|受害人|[\u4e00-\u9fa5]某[甲乙丙丁]?)[^，,。；;]{0,8}?(?:反抗|挣脱|逃脱|呼救)"
    r"|抢救[^，,。；;]{0,6}?(?:脱离(?:生命)?危险|脱险|生还|存活|转危为安)|幸免于(?:难|死)"
)
# 刑法第24条第2款: a discontinuance that caused no harm is exempt (应当免除处罚), one that caused harm mitigated. The
# finding's value says which the text tells: "harm" (轻伤 or worse, a death), "no_harm" (stated: 未造成任何伤害,
# 未受伤, 毫发无损), None where it tells neither (轻微伤 among them: whether it is 损害 in art. 24's sense is the court's).
NO_HARM = re.compile(
    r"未(?:对[^，,。；;]{1,8})?造成(?:任何)?(?:人身)?(?:伤害|损害|损伤|损失|后果)|未受(?:到)?(?:任何)?(?:伤害|损伤)|未受伤"
    r"|毫发无损|安然无恙"
)
HARM = {
    InjuryGrade.LIGHT_2,
    InjuryGrade.LIGHT_1,
    InjuryGrade.SERIOUS_2,
    InjuryGrade.SERIOUS_1,
    InjuryGrade.DEATH,
}


def killing_not_completed(text: str) -> Finding | None:
    """An attempted (刑法第23条) or discontinued (第24条) killing its facts tell without naming it: "欲杀死李某，…后被他人
    制止", "…李某挣脱后呼救", "…李某经抢救脱离危险" are attempts; "…见李某求饶，遂主动停手" and "…后自行将李某送医" are the
    defendant's own giving up. None where anyone died or no intent to kill is stated."""
    intent = INTENT_TO_KILL.search(text)
    if intent is None or any(f.value == InjuryGrade.DEATH for f in find_injuries(text)):
        return None
    after = text[intent.end() : intent.end() + KILL_WINDOW]
    told = [
        (match.start(), match.end(), code)
        for code, pattern in (
            (Circumstance.DISCONTINUATION, OWN_STOP),
            (Circumstance.ATTEMPT, STOPPED_FROM_OUTSIDE),
        )
        for match in pattern.finditer(after)
        if not negated(after, match.start(), match.end())
    ]
    if not told:
        return None
    start, end, code = min(
        told, key=lambda t: t[0]
    )  # what stopped it first: a later rescue does not undo an attempt
    return Finding(code.value, None, span(text, intent.end() + start, intent.end() + end))


def discontinuance_harm(text: str) -> str | None:
    """Whether a discontinued crime caused harm (刑法第24条第2款), as the text tells it: see NO_HARM."""
    if any(f.value in HARM for f in find_injuries(text)):
        return "harm"
    return "no_harm" if NO_HARM.search(text) else None


# 刑法第23条 told of a taking: the thing the crime was after could not be taken (未能拿走任何财物, 未能骗得钱款) or was
# not taken from the victim (钱款没有被骗走). 未能 says the cause was outside the defendant's will; a bare 未拿走 may be
# his own choice (第24条) and is not read, save in a robbery (未劫得财物), where force or threat was already used.
NOTHING_TAKEN = re.compile(
    r"(?:未能|没能|没有能)(?:拿走|取走|盗走|窃走|窃得|盗得|骗得|骗走|骗取|劫得|劫取|劫走|抢得|抢走)(?:到)?(?:任何)?"
    r"(?:财物|钱款|钱财|款项|物品|现金)"
    r"|(?:钱款|财物|款项|现金)(?:没有|未)被(?:骗走|盗走|取走|拿走|抢走|劫走)"
    # a robbery told as nothing got (未劫得财物): the force was used, the victim kept his goods
    r"|(?<![是并])未(?:劫得|劫取到|抢得|抢到)(?:任何)?(?:财物|钱款|钱财|现金)"
)
ROBBED = re.compile(r"劫|抢")


def taking_attempted(text: str, match: re.Match) -> bool:
    """A match of NOTHING_TAKEN is an attempt unless it tells a robbery that injured someone: a robbery that caused a
    light injury or worse is complete though nothing was taken (法发〔2005〕8号 十: 既未劫取财物，又未造成他人人身伤害后果
    的，属抢劫未遂 — recalled, unconfirmed)."""
    if not ROBBED.search(match.group()):
        return True
    return not any(f.value in HARM for f in find_injuries(text))  # 轻伤 or worse, as 第24条第2款's harm


# A taking that failed told beside one that succeeded (法释〔2011〕7号第六条 诈骗, 法释〔2013〕8号第十二条第二款 盗窃): the sum
# the defendant set out to take (欲窃取柜内现金4万元, 企图骗取王某6万元) and the failure told after it, before any other
# figure (…被当场抓获，未得逞 / 盗窃未遂 / 未能抢走 / 未被骗走); or the failure told first and the sum after it, nothing
# taken between (…因无法打开而未得逞，经查，该保险柜内存放现金5万元); or a part a summary labels 未遂 (共计4.5万元，其中既遂
# 1.5万元，未遂3万元). A figure taken (窃得, 骗得, 转账) between the aim and the figure is money obtained: "欲骗取钱财，遂谎称
# …，骗得李某5000元" is a fraud done; a payment asked for (要求谢某转账8万元) is not.
SOUGHT = re.compile(
    r"(?:欲|企图|意图|试图|准备|想要?|打算)[^，,。；;\d]{0,10}?(?:窃|盗|偷|骗|抢|夺|勒索|索要|索取|敲诈)"
)
NOT_OBTAINED = re.compile(
    r"未遂|未(?:能)?得逞|没有得逞|未(?:能)?得手|未果|未被(?:骗走|盗走|窃走|取走|拿走|抢走|夺走)"
    r"|(?:未能|没能|没有能)(?:抢走|抢得|抢到|骗得|骗到|窃得|盗得|偷得|取走|拿走|得到)|"
    + NOTHING_TAKEN.pattern
)
TAKEN = re.compile(
    r"窃得|盗得|偷得|骗得|抢得|抢走|夺得|劫得|得款|获款|勒索得|收到|转账|转给|交付|给付|支付|汇款"
)
ASKED = re.compile(r"要求|让|令|逼|催|索要")  # a payment asked for before the taking word: 要求谢某转账
ANOTHER_TAKING = re.compile(r"窃取|盗窃|盗走|偷走|骗取|抢夺|夺走|抢走|勒索|索要")
ATTEMPTED_LABEL = re.compile(r"未遂(?:部分)?(?:的)?(?:数额|金额|价值)?(?:为|计|共计|达)?(?:人民币)?$")
FAILURE_REACH = 60  # characters after the figure in which its failure is told


def sought_not_obtained(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The figures told as money sought and not obtained (see SOUGHT above), and a further demand the victim refused
    after money obtained (amount_context.unmet_demand, E92)."""
    told = [
        m
        for m in mentions
        if not m.repeated and m.value > 0 and (m.excluded is None or m.excluded.startswith(UNMET_WORD))
    ]
    sought = [m for m in mentions if m.excluded == "其中" and _labelled_attempted(text, m)]
    for i, m in enumerate(told):
        start, end = m.span.start, m.span.end
        lo = max(told[i - 1].span.end if i else 0, bounds(text, start, start, "。\n")[0])
        hi = min([n.span.start for n in mentions if n.span.start >= end] + [len(text), end + FAILURE_REACH])
        if m.excluded is not None or _failed_after(text, lo, m, hi) or _failed_before(text, lo, start):
            sought.append(m)
    return sought


def _failed_after(text: str, lo: int, m: Mention, hi: int) -> bool:
    """An aim before the figure, or a failure in its sentence, with the failure told after it and nothing taken."""
    after = text[m.span.end : hi].split("\n")[0]
    failure = NOT_OBTAINED.search(after)
    aim = SOUGHT.search(text, lo, m.span.start)
    if failure is None or _taken(
        text, aim.end() if aim else _clause_opening(text, m.span.start), m.span.start
    ):
        return False
    return aim is not None or not re.search(r"[。；;]", after[: failure.start()])


def _failed_before(text: str, lo: int, start: int) -> bool:
    """A failure told earlier in the figure's sentence, with no taking, and no other act, between it and the figure."""
    failures = list(NOT_OBTAINED.finditer(text, lo, start))
    if not failures:
        return False
    between = text[failures[-1].end() : start]
    return not ANOTHER_TAKING.search(between) and not _taken(text, failures[-1].end(), start)


def _taken(text: str, lo: int, hi: int) -> bool:
    """Money told as taken in text[lo:hi]: a taking word not asked for earlier in its clause."""
    return any(
        not ASKED.search(text, _clause_opening(text, m.start()), m.start())
        for m in TAKEN.finditer(text, lo, hi)
    )


def _labelled_attempted(text: str, m: Mention) -> bool:
    return ATTEMPTED_LABEL.search(text[_clause_opening(text, m.span.start) : m.span.start]) is not None


def _clause_opening(text: str, pos: int) -> int:
    return bounds(text, pos, pos, "，,。；;\n")[0]


def stage_amounts(
    mentions: Sequence[Mention], text: str, total: Callable[[list[Mention]], Decimal | None]
) -> tuple[Decimal | None, Decimal | None]:
    """(the money obtained, the sum attempted beside it): where a sum sought and not obtained is told beside money
    obtained, the two apart, weighed by the calculator (calculator_stages); else `total` of the mentions and None (a
    crime wholly attempted is the 未遂 circumstance on its whole amount)."""
    sought = sought_not_obtained(text, mentions)
    obtained = total([m for m in mentions if m not in sought]) if sought else None
    attempted = total([replace(m, excluded=None) for m in sought]) if obtained else None
    if not attempted:
        return total(list(mentions)), None
    if any(m.excluded == "其中" for m in sought):  # a part of the total told before it (其中…未遂3万元)
        obtained -= attempted
    return (obtained, attempted) if obtained > 0 else (obtained + attempted, None)
