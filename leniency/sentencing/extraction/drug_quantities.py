"""Drug quantities as judgments weigh them (刑法第357条第2款: by weight, not by purity; 第347条第7款: deals added): each
weighed quantity with the substance named nearest it (known or not: drugs.py), a gross weight beside a net one, the
parts of a total and a weight told again left out, an equivalent (折合) left out where the drugs themselves are weighed,
a weight per deal times the deals, a weight told of each drug listed (各), and tablets weighed by the tablet
(drug_tablets.py). A weight told of an item before its substance is named takes the substance the report names the
item as (seized_items.py, E73); a part (其中) or a remainder (剩余) of a whole told before it, and a drug someone smoked,
are left out. Moved out of quantities.py (E48) with no change of behaviour. `read_drugs` reads the tablets once for
both the quantities and the report of tablets told with no weight (extract.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from leniency.sentencing.extraction.drug_tablets import CountedDrug, counted_drugs, per_tablet_spans
from leniency.sentencing.extraction.drugs import most_harmful, names_pattern, substance
from leniency.sentencing.extraction.numbers import (
    DIGIT_CHARS,
    NUMBER,
    SENTENCE_BREAKS,
    UNIT_CHARS,
    bounds,
    clause_before,
    parse_number,
    span,
    written_dates,
)
from leniency.sentencing.extraction.others_acts import in_others_act
from leniency.sentencing.extraction.seized_items import (
    GENERIC_ITEM,
    ITEM_RE,
    NO_DRUG,
    item_before,
    tested_substance,
)
from leniency.sentencing.facts import DrugQuantity

# A statutory threshold quoted beside the weight (十克以上不满五十克, 未达到十克: 刑法第347条's figures, which the text
# compares the weight with) is no weight; nor is the tail of such a figure (十克 of 不满五十克).
NOT_A_THRESHOLD = rf"(?<!不满)(?<!不足)(?<!未满)(?<!未达)(?<!未达到)(?<![{DIGIT_CHARS}{UNIT_CHARS}.．点])"
GRAMS_RE = re.compile(
    rf"{NOT_A_THRESHOLD}(?P<num>{NUMBER})(?P<unit>千克|公斤|毫克|克|kg|KG|g|G)(?![A-Za-z])(?!以上|以下|的标准)(?!\s*[/／每])"
)  # not a concentration (毫克/100毫升)
UNIT_GRAMS = {
    "千克": Decimal(1000),
    "公斤": Decimal(1000),
    "kg": Decimal(1000),
    "KG": Decimal(1000),
    "毫克": Decimal("0.001"),
    "斤": Decimal(500),
    "两": Decimal(50),
}
# The market units (市制: 一斤 = 500克, 一两 = 50克, as 1959 fixed them; recalled, unconfirmed) that a judgment may weigh
# a drug in (鸦片二两, 罂粟壳3斤). 两 is also a digit (两包), so only a number before it makes it a unit, and not one
# followed by another unit or a count (一两次, 一两克, 两斤: the digit of what follows).
MARKET_RE = re.compile(
    r"(?<![\d.一二三四五六七八九十百千万两])(?P<num>\d+(?:\.\d+)?|[一二三四五六七八九十]{1,3})(?P<unit>斤|两)"
    r"(?![\d一二三四五六七八九十百千万两斤克个次天年月日人包块条只件片粒瓶袋])"
)
# A gross weight (毛重: the drug with its packaging) where the text also gives a net weight (净重) of the same thing: the
# quantity is the drug's own weight (刑法第357条第2款: 以查证属实的…数量计算; the packaging is none of it), so the gross is
# left out. The net weight must be of the same thing: told after the gross before another drug or item is named (海洛因
# 毛重5.2克；另查获甲基苯丙胺一包，净重3.1克 leaves the heroin's gross as its only weight), within NET_SENTENCES.
GROSS_BEFORE = re.compile(r"毛重(?:为|约|是|共计|共|合计|：|:)?$")
NET_SENTENCES = 2
NET_RE = re.compile(r"净重")
# a gross weight told by its packaging after it (重10.5克（含包装）), left out the same way where a net weight is told
GROSS_AFTER = re.compile(r"\s*[（(]?(?:含|连同?|带|包括)(?:外)?包装")
# A total told after the quantities it adds up (分别为0.5克、1克、0.8克，共计2.3克; 综上，共计贩卖海洛因3.5克): one
# quantity told twice, so the parts it sums give way to it.
TOTAL_BEFORE = re.compile(r"(?:共计|合计|总计|累计|总重|共)[^，,。；;\d]{0,12}$")
# One weight told again (查获冰毒12克…经鉴定，该冰毒12克) is one quantity; the same weight in another deal on another
# date (3月1日…贩卖冰毒0.3克；3月9日…贩卖冰毒0.3克) is a second one (刑法第347条第7款: 累计计算).
DEAL_RE = re.compile(r"贩卖|出售|卖给|售给|销售|交易")
TOLD_AGAIN_RE = re.compile(r"该|上述|前述|涉案|所述|以上")
DRUG_WINDOW = 60
# a weight told per deal after the number of deals (贩卖海洛因4次，每次0.5克)
EACH_TIME_BEFORE = re.compile(r"每次(?:均|约|为|各|贩卖|出售|卖出|都)*$")
TIMES_RE = re.compile(rf"(?<![第每])(?P<num>{NUMBER})次")
# the weights of a list told 分别 (两块毒品净重分别为348.6克、351.2克), each joined to the one before it
EACH_LISTED = re.compile(r"分别")  # the word that opens such a list
LIST_JOIN = re.compile(r"\s*[、，,和及与]\s*")
# a weight told of each drug listed before it (冰毒、海洛因各2克)
EACH_BEFORE = re.compile(r"各(?:约|为|重|净重)?$")
# a weight told of each buyer listed before it (向王某、李某、赵某贩卖海洛因各0.1克): one deal each, added (刑法第347条第7款)
BUYERS_BEFORE = re.compile(
    r"向[^，,。；;]{0,8}?(?P<list>[\u4e00-\u9fa5]{1,2}某[甲乙丙丁]?(?:[、和及与][\u4e00-\u9fa5]{1,2}某[甲乙丙丁]?)+)"
)
# A mixture weighed once whose report names several substances (检出甲基苯丙胺和咖啡因成分): its kind is the most harmful
# substance in it, the one with the lowest threshold (《全国部分法院审理毒品犯罪案件工作座谈会纪要》法〔2008〕324号: 含有海洛因、
# 甲基苯丙胺的，以海洛因、甲基苯丙胺确定其毒品种类；不含的，以其中毒性较大的毒品成分确定; recalled, unconfirmed), not the name
# told last before the weight.
INGREDIENTS_RE = re.compile(r"(?:检出|检测出|检验出|含有|含)[^，,。；;]{0,40}?成分")
# A part of a quantity told before it (购得海洛因10克，后将其中2克贩卖给赵某，剩余8克被查获): the whole is counted once
# (刑法第347条第7款 adds quantities, not a quantity and its parts), so a part told with 其中, and a remainder told with
# 剩余 together with the parts between, give way to the whole they come out of.
PART_BEFORE = re.compile(r"其中[^，,。；;]{0,24}$")  # 其中卧室内查获30克、车内查获6.5克: both parts
REMAINDER_BEFORE = re.compile(r"(?:剩余|剩下|余下|尚余)[^，,。；;\d]{0,8}$")
# a remainder is left of a quantity the defendant came by (购得海洛因10克), not of one he sold (贩卖冰毒6克，剩余冰毒5克
# 被查获: the 5 g are a second quantity)
ACQUIRED = re.compile(r"购得|购买|购入|买得|买来|买入|取得|获取|收到|接收|运来|携带|持有")
WHOLE_WINDOW = 120
# A drug someone smoked (容留冯某在其家中吸食冯某自带的甲基苯丙胺约0.2克): consumed, not sold nor held by the defendant;
# 容留他人吸毒罪 (刑法第354条) has no quantity. Not a drug held for one's own use (用于吸食的冰毒15克: 第348条 counts it),
# nor one the defendant supplies in the same clause (贩卖/提供…供其吸食).
SMOKED_BEFORE = re.compile(r"(?<!用于)(?<!准备)(?<!以备)(?:吸食|注射)(?!的)[^，,。；;\d]{0,14}$")
SUPPLIED = re.compile(r"贩卖|出售|卖给|售给|销售|交易|提供")
# a weight told as what other quantities come to: an equivalent (折合海洛因15克) or a purity figure (折合纯甲基苯丙胺3克)
EQUIVALENT_BEFORE = re.compile(r"折合[^，,。；;\d]{0,10}$|折算[^，,。；;\d]{0,10}$")


@dataclass(frozen=True)
class DrugReading:
    """The drugs of one text: its weighed quantities, and every number of tablets told of a named drug (drug_tablets.py),
    weighed or not."""

    quantities: list[DrugQuantity]
    tablets: list[CountedDrug]


def find_drugs(text: str) -> list[DrugQuantity]:
    """Each weighed quantity with the substance named nearest it (known or not; see extraction/drugs.py), a gross
    weight beside a net one, the parts of a total and a weight told again left out."""
    return read_drugs(text).quantities


def read_drugs(text: str) -> DrugReading:
    """The text's drug quantities (`find_drugs`) with its numbers of tablets, each read once."""
    names = [(m.start(), m.end(), m.group()) for m in names_pattern().finditer(text)]
    if not names:
        return DrugReading([], [])  # no drug named: no tablets of one either (drug_tablets._named_before)
    tablets = counted_drugs(text)
    per_tablet = per_tablet_spans(text)
    weighed: list[tuple[re.Match, str, Decimal]] = []
    for match in _weights(text):
        grams = parse_number(match.group("num"))
        if grams is None or (_gross(text, match) and _netted(text, names, match)):
            continue
        if in_others_act(text, match.start()):
            continue  # a co-offender's sale without the defendant (others_acts.py, task E60): not his quantity
        if any(lo <= match.start() < hi for lo, hi in per_tablet):
            continue  # one tablet's weight: counted with the number of tablets (drug_tablets.py)
        grams *= UNIT_GRAMS.get(match.group("unit"), Decimal(1))
        grams *= _times_each(text, match.start())
        if EACH_BEFORE.search(text, max(0, match.start() - 3), match.start()):
            listed = _listed_drugs(text, names, match.start())
            if len(listed) == 1:
                grams *= _buyers(text, match.start())
            if listed:
                weighed += [(match, named, grams) for named in listed]
                continue
        if _smoked(text, match.start()):
            continue
        tested = _tested(text, names, match.start(), _place_in_list(text, match.start()))
        if tested == NO_DRUG:
            continue  # the report finds no drug in the item weighed (seized_items.py)
        named = tested or _nearest_drug(text, names, match.start(), match.end())
        if named is not None:
            weighed.append((match, named, grams))
    weighed = _without_parts_of_a_whole(text, weighed)
    weighed = _without_equivalents(text, weighed)
    weighed += _tablets_weighed(tablets)
    drugs: list[DrugQuantity] = []
    for match, named, grams in _without_parts_of_totals(text, weighed):
        found = substance(named)
        if (
            any(d.kind == found.name and d.grams == grams for d in drugs)
            and not _another_deal(text, drugs, match)
            and not _listed_apart(text, drugs, match)
        ):
            continue
        drugs.append(
            DrugQuantity(
                found.name,
                grams,
                span(text, match.start(), match.end()),
                named=named,
                heroin_grams=found.heroin_grams(grams),
                quantity_class=found.quantity_class(grams),
            )
        )
    return DrugReading(drugs, tablets)


def _tablets_weighed(tablets: list[CountedDrug]) -> list:
    """The drugs counted by tablets with a weight per tablet (drug_tablets.py), as quantities of their own; each stands
    where its count is told."""
    return [(_At(d.span.start, d.span.end), d.named, d.grams) for d in tablets if d.grams]


@dataclass(frozen=True)
class _At:
    """Where a quantity not read by GRAMS_RE is told, with a match's start() and end()."""

    at: int
    to: int

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.to


def _weights(text: str) -> list[re.Match]:
    """Every weight the text tells, in grams' units (GRAMS_RE) or the market's (MARKET_RE), in the order told."""
    return sorted([*GRAMS_RE.finditer(text), *MARKET_RE.finditer(text)], key=lambda m: m.start())


def _buyers(text: str, at: int) -> int:
    """How many buyers a weight told with 各 stands for (向王某、李某、赵某贩卖海洛因各0.1克: 3), 1 where no list of
    buyers is told in its clause."""
    found = BUYERS_BEFORE.search(clause_before(text, at))
    return len(re.findall(r"某", found["list"])) if found else 1


def _times_each(text: str, at: int) -> int:
    """How many deals a weight told per deal stands for (贩卖海洛因4次，每次0.5克: 4; 刑法第347条第7款 adds the deals):
    the number of times told last before it in its sentence; 1 for a weight not told per deal."""
    if not EACH_TIME_BEFORE.search(text, max(0, at - 6), at):
        return 1
    lo, _ = bounds(text, at, at, SENTENCE_BREAKS)
    times = [parse_number(m.group("num")) for m in TIMES_RE.finditer(text, lo, at)]
    return int(times[-1]) if times and times[-1] and times[-1] >= 1 else 1


def _listed_drugs(text: str, names: list[tuple[int, int, str]], at: int) -> list[str]:
    """The drugs named in the clause before a weight told with 各 (冰毒、海洛因各2克: each of them weighs it), each
    substance once."""
    lo = at - len(clause_before(text, at))
    listed: dict[str, str] = {}
    for start, _, named in names:
        if lo <= start < at:
            listed.setdefault(substance(named).name, named)
    return list(listed.values())


def _without_equivalents(text: str, weighed: list) -> list:
    """`weighed` without the figures told as what other quantities come to (共计折合海洛因15克, 折合纯甲基苯丙胺3克)
    where the text weighs the drugs themselves: an equivalent or a purity figure is no drug seized (刑法第357条第2款:
    not converted by purity), and counting it would add the drugs twice."""
    converted = [
        w for w in weighed if EQUIVALENT_BEFORE.search(text, max(0, w[0].start() - 12), w[0].start())
    ]
    if len(converted) == len(weighed):
        return weighed
    return [w for w in weighed if w not in converted]


def _without_parts_of_totals(text: str, weighed: list) -> list:
    """`weighed` without the weights of one substance a total after them adds up (TOTAL_BEFORE): the run of those
    weights ending just before the total whose sum is the total."""
    dropped: set[int] = set()
    for i, (match, named, grams) in enumerate(weighed):
        if not TOTAL_BEFORE.search(text, max(0, match.start() - 16), match.start()):
            continue
        kind = substance(named).name
        parts = [j for j in range(i) if j not in dropped and substance(weighed[j][1]).name == kind]
        run = Decimal(0)
        for start in range(len(parts) - 1, -1, -1):
            run += weighed[parts[start]][2]
            if run == grams and start < len(parts) - 1:
                dropped.update(parts[start:])
                break
            if run > grams:
                break
    return [w for j, w in enumerate(weighed) if j not in dropped]


def _another_deal(text: str, drugs: list[DrugQuantity], match: re.Match) -> bool:
    """Whether an equal weight at `match` is another deal's, not the same quantity told again: its own sentence tells a
    deal (DEAL_RE) with its own date, after the weight told before, and refers back to nothing (TOLD_AGAIN_RE). A
    summary restating a deal (公诉机关认为…贩卖冰毒0.3克) has no date of its own."""
    earlier = drugs[-1].span.end if drugs and drugs[-1].span else 0
    lo, _ = bounds(text, match.start(), match.start(), SENTENCE_BREAKS)
    sentence = text[lo : match.start()]
    dated = any(
        max(lo, earlier) <= d.span.start and not d.birth
        for d in written_dates(text[: match.start()])  # a relative date (同年3月9日) reads the one before
    )
    return dated and DEAL_RE.search(sentence) is not None and TOLD_AGAIN_RE.search(sentence) is None


def _listed_apart(text: str, drugs: list[DrugQuantity], match) -> bool:
    """Whether an equal weight at `match` is the next of a list told 分别 (两袋毒品净重分别为五克、五克): one weight of
    each thing listed, so a second thing, not the first told again."""
    told = drugs[-1].span if drugs else None
    if told is None or not LIST_JOIN.fullmatch(text, told.end, match.start()):
        return False
    return EACH_LISTED.search(clause_before(text, told.start)) is not None


def _mixture_kind(text: str, before: list[tuple[int, int, str]], lo: int, at: int) -> str | None:
    """The kind of a mixture whose ingredients are named before its weight (INGREDIENTS_RE): the known substance in it
    with the lowest threshold; None where no such list is told or none in it is known."""
    for found in INGREDIENTS_RE.finditer(text, lo, at):
        if not found.start() <= before[-1][0] < found.end():
            continue  # the name nearest the weight is not one of the ingredients listed
        inside = [n for n in before if found.start() <= n[0] and n[1] <= found.end()]
        known = [n for n in inside if substance(n[2]).known]
        if len({substance(n[2]).name for n in known}) > 1:
            return most_harmful([n[2] for n in known])
    return None


def _nearest_drug(text: str, names: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    s_lo, s_hi = bounds(text, start, end, SENTENCE_BREAKS)
    before = [n for n in names if s_lo <= n[0] and n[1] <= start and start - n[1] <= DRUG_WINDOW]
    if before:
        return _mixture_kind(text, before, s_lo, start) or before[-1][2]
    after = [n for n in names if end <= n[0] < s_hi and n[0] - end <= DRUG_WINDOW]
    return after[0][2] if after else None


def _smoked(text: str, at: int) -> bool:
    """Whether the weight at `at` is of a drug someone smoked (SMOKED_BEFORE) with no supply told in its clause."""
    clause = clause_before(text, at)
    return SMOKED_BEFORE.search(clause) is not None and SUPPLIED.search(clause) is None


def _tested(text: str, names: list[tuple[int, int, str]], at: int, listed: int | None = None) -> str | None:
    """The substance the report after a weight names its item as (seized_items.py), where the weight is told of an item
    (白色晶体三包，净重52.6克) after any drug named before it in its sentence; None where no report on it follows."""
    lo, _ = bounds(text, at, at, SENTENCE_BREAKS)
    named_before = [end for start, end, _ in names if lo <= start and end <= at]
    item = item_before(text, max([lo, *named_before]), at) or _item_of_the_sentence_before(
        text, names, lo, at
    )
    return tested_substance(text, at, item, listed) if item else None


def _item_of_the_sentence_before(
    text: str, names: list[tuple[int, int, str]], lo: int, at: int
) -> str | None:
    """The item the sentence before names last, where the weight's own sentence, up to it, names neither an item nor a
    drug (查获白色晶体三袋。经称量，共计净重36克；经鉴定…: the weighing is of the seizure told just before)."""
    if lo <= 0 or any(lo <= start < at for start, _, _ in names):
        return None
    before, _ = bounds(text, lo - 1, lo - 1, SENTENCE_BREAKS)
    named_after = [end for start, end, _ in names if before <= start and end <= lo]
    return item_before(text, max([before, *named_after]), lo)


def _place_in_list(text: str, at: int) -> int | None:
    """The place of the weight at `at` in a list told 分别 in its sentence (净重分别为3.2克、4.5克: 0, then 1), each weight
    joined to the one before it (LIST_JOIN); None for a weight in no such list."""
    lo, _ = bounds(text, at, at, SENTENCE_BREAKS)
    opened = text.rfind("分别", lo, at)
    if opened < 0:
        return None
    before = list(GRAMS_RE.finditer(text, opened, at))
    if not before:
        return 0
    joins = zip([m.end() for m in before], [m.start() for m in before[1:]] + [at], strict=True)
    if not all(LIST_JOIN.fullmatch(text, end, start) for end, start in joins):
        return None
    return len(before)


def _without_parts_of_a_whole(text: str, weighed: list) -> list:
    """`weighed` without a part told with 其中 of an earlier, larger weight of its substance (PART_BEFORE), and without
    a remainder told with 剩余 (REMAINDER_BEFORE) together with the weights of its substance between it and the whole
    it is left of, where they do not exceed that whole."""
    dropped: set[int] = set()
    for i, (match, named, grams) in enumerate(weighed):
        start = match.start()
        part = PART_BEFORE.search(text, max(0, start - 26), start)
        rest = REMAINDER_BEFORE.search(text, max(0, start - 10), start)
        if not (part or rest):
            continue
        kind = substance(named).name
        earlier = [
            j
            for j in range(i)
            if j not in dropped
            and substance(weighed[j][1]).name == kind
            and start - weighed[j][0].start() <= WHOLE_WINDOW
        ]
        wholes = [j for j in earlier if weighed[j][2] > grams]
        if not wholes:
            continue
        whole = wholes[-1]
        between = [j for j in earlier if j > whole]
        if part:
            dropped.add(i)
        elif (
            _acquired(text, weighed[whole][0].start())
            and sum((weighed[j][2] for j in between), grams) <= weighed[whole][2]
        ):
            dropped.update([*between, i])
    return [w for j, w in enumerate(weighed) if j not in dropped]


def _acquired(text: str, at: int) -> bool:
    """Whether the weight at `at` is told of a quantity the defendant came by (ACQUIRED in its sentence before it)."""
    lo, _ = bounds(text, at, at, SENTENCE_BREAKS)
    return ACQUIRED.search(text, lo, at) is not None


def _gross(text: str, match: re.Match) -> bool:
    """Whether the weight at `match` is a gross one: 毛重 before it, or its packaging after it (GROSS_AFTER)."""
    return bool(
        GROSS_BEFORE.search(text, max(0, match.start() - 8), match.start())
        or GROSS_AFTER.match(text, match.end())
    )


def _netted(text: str, names: list[tuple[int, int, str]], gross: re.Match) -> bool:
    """Whether a net weight (净重) is told of the same thing as the gross weight `gross`: beside it in its sentence before
    it, or after it within NET_SENTENCES sentences with no drug or item named between."""
    lo, _ = bounds(text, gross.start(), gross.start(), SENTENCE_BREAKS)
    if NET_RE.search(text, lo, gross.start()):
        return True
    end = gross.end()
    for _ in range(NET_SENTENCES):
        _, end = bounds(text, end, end, SENTENCE_BREAKS)
        end += 1
    net = NET_RE.search(text, gross.end(), end)
    if net is None:
        return False
    named = any(gross.end() <= start < net.start() for start, _, _ in names)
    # 毒品 names no other thing (海洛因一包，毛重5.2克，经称量，毒品净重4.9克)
    items = [m for m in ITEM_RE.finditer(text, gross.end(), net.start()) if m.group() != GENERIC_ITEM]
    return not named and not items
