"""The volume of timber felled (立木蓄积, in cubic metres): what 盗伐林木 and 滥伐林木 (刑法第345条第1、2款) are measured by,
read by charge_amounts.measured_amount for the amount_brackets.yaml `measure: timber_volume`.

法释〔2000〕36号 counts the timber by its standing volume (林木数量以立木蓄积计算; the volume of the logs, 原木材积, is that
divided by the species' yield rate, 出材率). So a figure the text names 蓄积 (立木蓄积, 蓄积量, 折合立木蓄积), or the volume
told with the felling itself (共盗伐林木32立方米), is the measure; the logs' volume (材积, 出材量) is read only where no
standing volume is told, as the least the felling can have been. Not the measure: the money the timber is worth (价值…元,
no volume at all), the volume a felling permit allowed (许可证, 批准), a forest or lot described by its volume without a
felling in its clause (购买…蓄积10立方米的杂木林), a threshold the text quotes (10立方米以上). Several lots are added; a
total restating lots told before (共计, 合计, 上述) is not added to them again.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import partial

from leniency.sentencing.extraction.numbers import NUMBER, clause_after, clause_before, parse_number
from leniency.sentencing.extraction.told_sums import summed_once, told_figures

VOLUME_RE = re.compile(rf"(?P<num>{NUMBER})(?:立方米|立方(?![米厘分毫])|m³|M³|㎥)(?!以上|以下|的标准|为起点)")
STANDING = re.compile(r"蓄积")
LOGS = re.compile(r"材积|出材")
FELLING = re.compile(r"伐|砍")
# the volume a permit allowed is no felling beyond it (滥伐: 超过许可证规定的数量 is what counts)
PERMIT = re.compile(r"许可|批准|获准|准予|审批|采伐证|采伐指标")


def timber_volume(text: str) -> Decimal | None:
    """The cubic metres of timber felled that the text states (None where it states none)."""
    text = text or ""
    standing = told_figures(text, VOLUME_RE, partial(_volume_told_as, "standing"))
    return summed_once(standing or told_figures(text, VOLUME_RE, partial(_volume_told_as, "logs")))


def _volume_told_as(kind: str, text: str, volume: re.Match, start: int, _end: int) -> Decimal | None:
    """The cubic metres of the volume where its clause tells it as `kind` ('standing' or 'logs': _kind)."""
    value = parse_number(volume.group("num"))
    return value if value and _kind(text, volume, start) == kind else None


def _kind(text: str, match: re.Match, sentence_start: int) -> str | None:
    """'standing', 'logs', or None where the figure is not a volume felled."""
    clause = clause_before(text, match.start(), sentence_start)
    whole = clause + clause_after(text, match.end())
    if PERMIT.search(whole):
        return None
    felled = bool(FELLING.search(whole))
    if text.startswith("的", match.end()) and not felled:
        return None  # a forest or lot described by its volume: 林地内蓄积10立方米的杂木阔叶林
    named = clause[-12:]
    if STANDING.search(named):
        return "standing"
    if LOGS.search(named):
        return "logs"
    return "standing" if FELLING.search(clause) else None
