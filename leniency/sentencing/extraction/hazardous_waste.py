"""The hazardous waste discharged, dumped or disposed of (危险废物, in tons): what 污染环境 (刑法第338条) is measured by where
the text tells it, read by charge_amounts.measured_amount for the amount_brackets.yaml `measure: hazardous_waste`.

法释〔2016〕29号第一条第(二)项: 非法排放、倾倒、处置危险废物三吨以上 is 严重污染环境. Counted, in a text that names the waste
as 危险废物 (or 危废): a weight (吨, or 千克 / 公斤 at a thousand to the ton) told in a sentence that disposes of it (倾倒,
排放, 处置, 填埋, 堆放, 丢弃) or names it as hazardous waste. Not counted: a lorry's load capacity (核载, 载重), a threshold
the text quotes (三吨以上). Lots are added; a total restating them is not (told_sums.py). Other measures of the
interpretation (multiples of a discharge standard, losses) are not read.
"""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.numbers import NUMBER, clause_before, parse_number
from leniency.sentencing.extraction.told_sums import summed_once, told_figures

TONS_PER_UNIT = {"吨": Decimal(1), "千克": Decimal("0.001"), "公斤": Decimal("0.001")}
WEIGHT_RE = re.compile(rf"(?P<num>{NUMBER})余?(?P<unit>吨|千克|公斤)(?!以上|以下|的标准)")
HAZARDOUS = re.compile(r"危险废物|危废")
DISPOSED = re.compile(r"倾倒|排放|处置|填埋|堆放|丢弃|抛弃|偷排|直排")
CAPACITY = re.compile(r"核载|载重|载质量|容量|容积")


def hazardous_waste(text: str) -> Decimal | None:
    """The tons of hazardous waste the text says were discharged, dumped or disposed of (None where it says none)."""
    text = text or ""
    if not HAZARDOUS.search(text):
        return None
    return summed_once(told_figures(text, WEIGHT_RE, _disposed_tons))


def _disposed_tons(text: str, weight: re.Match, start: int, end: int) -> Decimal | None:
    """The tons of the weight told in a sentence that disposes of the waste or names it hazardous; not a capacity."""
    sentence = text[start:end]
    if not (DISPOSED.search(sentence) or HAZARDOUS.search(sentence)):
        return None
    number = parse_number(weight.group("num"))
    if number and not CAPACITY.search(clause_before(text, weight.start(), start)):
        return number * TONS_PER_UNIT[weight.group("unit")]
    return None
