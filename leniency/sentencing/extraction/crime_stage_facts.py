"""The stage of a crime told by its facts, without the word: a killing attempted (刑法第23条) or given up (第24条), a
taking that could not be completed (第23条), and whether a discontinued crime caused harm (第24条第2款)."""

from __future__ import annotations

import re

from leniency.sentencing.extraction.circumstance_denials import negated
from leniency.sentencing.extraction.injuries import find_injuries
from leniency.sentencing.extraction.numbers import span
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
