"""The farmland occupied, in mu (亩): what 非法占用农用地 (刑法第342条) is measured by, read by
charge_amounts.measured_amount for the amount_brackets.yaml `measure: occupied_farmland`.

法释〔2000〕14号第三条 sizes 数量较大 of farmland by its area (基本农田五亩以上, 其他耕地十亩以上) and 法释〔2005〕15号第一条
that of woodland (防护林地、特种用途林地五亩以上, 其他林地十亩以上). Counted: an area told where the land is occupied or
destroyed (非法占用基本农田8亩, 造成林地30亩毁坏), in 亩, 公顷 (15 mu) or 平方米 (1 mu = 666.7 m²). Not the area: land
leased, contracted or approved (租用…土地50亩, 经批准使用…), a part graded by an assessment (…3224平方米破坏程度为重度:
the total destroyed is told beside it), a threshold the text quotes (十亩以上). Several plots are
added; a total restating them is not (told_sums.py).
"""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.numbers import NUMBER, clause_after, clause_before, parse_number
from leniency.sentencing.extraction.told_sums import summed_once, told_figures

# mu per unit: 1 公顷 = 15 亩, 1 亩 = 2000/3 平方米
MU_PER_UNIT = {"亩": Decimal(1), "公顷": Decimal(15), "平方米": Decimal(3) / Decimal(2000)}
AREA_RE = re.compile(rf"(?P<num>{NUMBER})余?(?P<unit>亩|公顷|平方米)(?!以上|以下|的标准|为起点)")
# occupying or destroying, and the uses 法释〔2000〕14号第三条第(二)项 names (建窑、建坟、建房、挖沙、采石、采矿、取土、堆放固体废弃物)
OCCUPIED = re.compile(
    r"占用|侵占|占地|毁坏|破坏|损毁|毁损|改变[^，,。；;]{0,6}用途|开垦|硬化|建窑|建坟|建房|修建|挖沙|挖砂|采石|取土|堆放"
)
# the grade of a part's destruction in an assessment (面积3224平方米破坏程度为重度): a part of the area, not an act
GRADED = re.compile(r"破坏程度|毁坏程度")
CLAUSE_END = re.compile(r"[，,。；;]")
NOT_OCCUPIED = re.compile(r"租用|租赁|承包|流转|批准|审批|许可|规划|复垦|恢复")


def occupied_farmland(text: str) -> Decimal | None:
    """The mu of farmland or woodland the text says was occupied (None where it says none)."""
    return summed_once(told_figures(text or "", AREA_RE, _occupied_mu))


def _occupied_mu(text: str, area: re.Match, start: int, end: int) -> Decimal | None:
    """The mu of the area told in the sentence [start, end) where its clause occupies or destroys the land."""
    number = parse_number(area.group("num"))
    # the destruction may come after the figure ("造成林地30亩种植条件严重毁坏")
    after = clause_after(text[area.end() : end], 0, breaks=CLAUSE_END)
    clause = GRADED.sub("", clause_before(text, area.start(), start) + after)
    if number and OCCUPIED.search(clause) and not NOT_OCCUPIED.search(clause):
        return (number * MU_PER_UNIT[area.group("unit")]).quantize(Decimal("0.01"))
    return None
