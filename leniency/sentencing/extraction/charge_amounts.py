"""The amount of each charge when a case has several (数罪并罚): the money named where its conduct is told.

"利用职务便利，收受他人财物28900元……虚构事实，骗取王某甲30万元" is 28,900 yuan of bribery and 300,000 yuan of
fraud, not 328,900 yuan of each. Each money mention goes to the charge whose conduct words come nearest
before it in its sentence; a sentence that names no charge's conduct continues the one before it (a
charge's counts are often told over several sentences). Money in a sentence about a charge that is not
measured by an amount (伪造居民身份证, 滥用职权's losses) belongs to no measured charge. Each charge's
figure is then the total of its own mentions, by the rules of the whole case's total (`total_amount`).

Task E38 (written multi-charge passages): a count under a heading that names a charge ("二、合同诈骗事实") is that
charge's whatever words its sentences use; a conduct word two charges of the case share (侵吞 for 职务侵占 and 贪污)
decides nothing; a loss a 滥用职权 / 玩忽职守 count caused is no money taken; with one charge measured by money, money
no other charge claims is its own; a concealment (刑法第312条) is valued at what the predicate crime took where the
text tells that value once, or tells no value of its own.

Task E46 (a second round of written passages): a total that is the sum of figures told of two charges (两起共计, 综上…
共计) is neither's; a charge's word naming a crime's proceeds (明知系盗窃所得) or inside a longer word (募集资金) tells no
act; the price a concealer paid or got is no value of the proceeds; a loss caused may be what others took through the
duty (致使乙骗取…); an act another, tried elsewhere, did alone is no charge's; and a numbered count naming no conduct
takes the charges of its list's lead, not of the count before it. The statutes' words for each conduct are in the
standards' `conduct_words`.

Task E95 (counts under masked headings): a count headed "一、××" / "（二）××。" / "1、××：", or a paragraph opening
"××：", is one count of one charge, the one whose conduct words it uses (a consequence caused is 滥用职权's and the
like), else the one charge no other count tells (`_counts_told`); its money is that charge's or, for 滥用职权 and the
like, no charge's (刑法第69条); a consequence told as what was not done or recovered (致使…未…到位, 未能收回) is the
loss of 刑法第397条 / 第168条; "利用职务便利" tells no 滥用职权; and where every figure told is such a loss or such a
count's, the measured charges have no figure rather than the case's total.

A charge measured by another sum than its money taken (amount_brackets.yaml `measure`: 虚开增值税专用发票 by the tax on
the invoices, 法释〔2024〕4号第十一条; 逃税 by the tax evaded, unpaid_amounts.py;
假冒注册商标 by the illegal business volume, business_volume.py; the counterfeit money crimes by the notes' total face value,
face_value.py; 盗伐林木 and 滥伐林木 by the timber's standing volume in cubic metres, timber_volume.py; 走私普通货物 by the duty evaded,
unpaid_amounts.py; 非法占用农用地 by the mu occupied, farmland_area.py; the production-safety crimes by the deaths,
accident_harm.py) is given that sum
(`measured_amount`), read from its own sentences where the case has several charges.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from decimal import Decimal

from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extraction.accident_harm import accident_harm
from leniency.sentencing.extraction.amounts import Mention, total_amount
from leniency.sentencing.extraction.business_volume import business_volume
from leniency.sentencing.extraction.caused_loss import caused_loss
from leniency.sentencing.extraction.counterfeit_notes import face_value_or_notes
from leniency.sentencing.extraction.document import CLOSING_RE, HEADING, Count, Document, parse
from leniency.sentencing.extraction.face_value import face_value
from leniency.sentencing.extraction.farmland_area import occupied_farmland
from leniency.sentencing.extraction.hazardous_waste import hazardous_waste
from leniency.sentencing.extraction.numbers import clause_after, clause_before
from leniency.sentencing.extraction.obscene_items import obscene_items
from leniency.sentencing.extraction.others_acts import in_others_act
from leniency.sentencing.extraction.parties import DEFENDANT_WORD_RE, DEFENDANT_WORDS
from leniency.sentencing.extraction.personal_records import personal_records
from leniency.sentencing.extraction.precious_trees import precious_trees
from leniency.sentencing.extraction.pyramid_members import pyramid_members
from leniency.sentencing.extraction.tax_amounts import tax_amount
from leniency.sentencing.extraction.timber_volume import timber_volume
from leniency.sentencing.extraction.unpaid_amounts import evaded_duty, evaded_tax
from leniency.sentencing.extraction.young_trees import felled_timber_measure, stolen_timber_measure

# amount_brackets.yaml `measure` -> the reader of that sum
MEASURES = {
    "tax": tax_amount,
    "evaded_tax": evaded_tax,
    "evaded_duty": evaded_duty,
    "business_volume": business_volume,
    "face_value": face_value,
    "timber_volume": timber_volume,
    # the face value, or the count of notes (币量) where it reaches further (counterfeit_notes.py, E48)
    "face_value_or_notes": face_value_or_notes,
    # the standing volume, or the young trees (幼树株数) where they reach further (young_trees.py, E48)
    "stolen_timber": stolen_timber_measure,
    "felled_timber": felled_timber_measure,
    # the farmland occupied in mu (farmland_area.py) and an accident's deaths (accident_harm.py), E88
    "occupied_farmland": occupied_farmland,
    "accident_harm": accident_harm,
    # precious trees felled or their cubic metres, whichever is more (precious_trees.py), E88
    "precious_trees": precious_trees,
    # the tons of hazardous waste disposed of (hazardous_waste.py), E88
    "hazardous_waste": hazardous_waste,
    # the obscene items made, sold or spread, as a multiple of 法释〔2004〕11号第一条's figures (obscene_items.py), E96
    "obscene_items": obscene_items,
    # the members a pyramid scheme's leader led (pyramid_members.py) and the personal information records, each kind
    # at the general kind's scale (personal_records.py, a crime file's measure_at_least), E100
    "pyramid_members": pyramid_members,
    "personal_records": personal_records,
    # the economic loss an act caused (caused_loss.py), E107
    "caused_loss": caused_loss,
}

# Charges measured by the loss they cause, not by money taken: 刑法第397条 (滥用职权、玩忽职守，致使公共财产、国家和人民
# 利益遭受重大损失), 第168条 (国有公司、企业、事业单位人员失职、滥用职权，造成…重大损失). A figure told as such a loss
# (致使价值1200余万元的储备粮霉变损失, 致使国家补助资金160万元被他人骗取) is that charge's consequence, no money a
# measured charge of the case took.
LOSS_CHARGES = (
    "滥用职权",
    "玩忽职守",
    "国有公司、企业、事业单位人员失职",
    "国有公司、企业、事业单位人员滥用职权",
)
CAUSED = re.compile(r"致使|造成|导致")
# (and what others took or drew through the duty abused or neglected: 致使乙骗取国家补贴资金120万元, 导致不符合条件的人员
# 领取低保金56万元, E46)
# (and a consequence told as what was not done or not recovered: 致使价值650余万元的救灾帐篷未在规定期限内调拨到位,
# 致使…土地出让金2300万元未缴纳到位, 致使…未能收回, 导致税款450万元至今无法征收入库; 法释〔2012〕18号第八条: a debt
# that can no longer be recovered through the duty neglected is its 经济损失, recalled; E95)
LOST = re.compile(
    r"损失|流失|被[^，,。；;]{0,6}骗|无法追回|无法收回|骗取|骗领|套取|冒领|领取"
    r"|未[^，,。；;]{0,12}到位|未能?(?:收回|追回|追缴|缴纳|上缴|征收)|无法[^，,。；;]{0,2}(?:征收|追缴|入库|挽回)"
)
# 刑法第312条 (and its name before Amendment 6): measured by the value of the proceeds it concealed (法释〔2015〕11号,
# 2021年修正, 第一条、第三条: 价值总额; recalled), which is the value of what the predicate crime took where the text tells
# that value once, after both acts ("…将该车盗走…蒋以600元的低价将该车收购。经鉴定：该被盗电动车价值为2300元")
PROCEEDS_CHARGES = ("掩饰、隐瞒犯罪所得、犯罪所得收益", "窝藏、转移、收购、销售赃物")
# A charge's word that names the proceeds of a crime, not an act ("明知系盗窃所得", "骗来的", "盗窃的赃物"), and a
# word inside a longer one that names no conduct ("募集资金" holds 集资): not the conduct of that charge (E46)
PROCEEDS_OF = re.compile(r"所得|来的|得来|的?赃[物款车]")
# ("利用职务便利" holds 用职, the pieces of 滥用职权's name: the post 贪污, 受贿 and 挪用 are committed through, 刑法第382条,
# 第384条, 第385条, not an abuse of it; E95)
INSIDE_OTHER_WORD = {"集资": ("募集资金",), "用职": ("利用职务", "利用职权"), "职权": ("利用职权",)}
# The price the concealer paid or got ("仍以6000元收购", "以9000元转卖"): 刑法第312条 is measured by the value of the
# proceeds (法释〔2015〕11号, 2021年修正, 第一条; recalled), never the price of the deal (E46)
PRICE_OF_DEAL = re.compile(
    r"^(?:[、和及][\d.]+万?元)*(?:的)?(?:价格|价钱|低价|高价)?(?:予以|将其|将该\S{0,4})?(?:收购|购买|买下|转卖|转售|卖给|出售|销售|卖出|变卖)"
)
# An act a person tried elsewhere did alone ("乙另单独窃取…价值2600元（另案处理）"): not the defendant's (刑法第25条,
# each answers for the crime he took part in; E46)
ELSEWHERE = re.compile(r"另案|另行处理")
ALONE = re.compile(r"单独|独自")
# the end of a count's heading ("一、盗窃事实\n", "二、被告人钱某掩饰、隐瞒犯罪所得事实\n", "一、××：")
HEADING_END = re.compile(r"[\n：:，,。；;]")
# a paragraph that opens with a masked charge's name ("××：2012年3月14日，被告人甲…"), one for each charge of the case
MASKED_PARAGRAPH = re.compile(r"(?:^|(?<=\n))[ \t\r\u3000]*××[：:]")
# the charge each masked section tells: numbered sections by where they begin, masked paragraphs by their span
CountCharges = tuple[dict[int, str], dict[tuple[int, int], str]]
# a heading whose charge's name CAIL masks ("一、××\n", "（二）××。", "1、××：", "二、××事实"), not a masked figure in an
# item ("46.账号为62×××32")
MASKED_HEADING = re.compile(
    r"[ \t\r\u3000]*[（(]?[一二三四五六七八九十\d]{1,2}[、.．）)][ \t\r\u3000]*××(?!×)"
)


def measured_amount(text: str, measure: str) -> Decimal | None:
    """The sum `measure` names (a MEASURES key) as the text states it, or None where it states none."""
    return MEASURES[measure](text)


# amount_brackets.yaml `measure` -> the reader of the sum a judgment names as the case's amount, where it is not the
# money told first: the tax on the invoices (虚开增值税专用发票, 法〔2018〕226号 and 法发〔1996〕30号 read the tier from the
# 税款数额, never from 价税合计), the total face value of counterfeit notes (法释〔2000〕26号第一条、第三条、第五条: 总面额,
# the notes used and those held added), never the count's yuan equivalent, which only places the tier (E100)
CASE_AMOUNT_MEASURES = {"tax": tax_amount, "face_value": face_value, "face_value_or_notes": face_value}


def measured_case_amount(text: str, charge: str) -> Decimal | None:
    """The case's amount as a judgment calls it where the charge is measured by another sum than the money told first
    (CASE_AMOUNT_MEASURES), as the text states it; None for another charge or where the text names no such sum. The
    other measures stay the calculator's, beside the total the text names first (E84's examiner, E90, E100)."""
    # imported here: the standard loads the catalogue's data, not extraction's
    from leniency.sentencing.standards import load_standard

    info = find_charge(charge)
    entry = load_standard().amount_brackets.get("charges", {}).get(info.name if info else charge) or {}
    reader = CASE_AMOUNT_MEASURES.get(entry.get("measure", ""))
    return reader(text) if reader else None


def amounts_by_charge(
    text: str,
    conduct: Mapping[str, Sequence[str]],
    measured: Collection[str],
    measures: Mapping[str, str] | None = None,
) -> dict[str, Decimal | None]:
    """Each charge in `measured` -> its amount (None when no money is told of it).

    `conduct` maps every charge of the case to the words naming its conduct; `measures` a charge to the sum it is
    measured by (`measured_amount`), read from the sentences about it. Empty when no mention could be given to a
    measured charge and some figure was left to none: the case's total is then the best figure for each.
    """
    conduct = _distinct(conduct)
    document = parse(text)
    spans = document.sentences
    sentences = [text[start:end] for start, end, _ in spans]
    named = [[c for c, words in conduct.items() if any(_uses(s, w) for w in words)] for s in sentences]
    about = _carried(named, [document.count_at(end - 1) for _, end, _ in spans])
    own: dict[str, list[Mention]] = {c: [] for c in measured}
    # with one charge measured by money, what no other charge's conduct or loss claims is its own (money told before any
    # conduct word: "将收取的货款30万元转入其个人银行卡，用于炒股" beside a 滥用职权 count)
    sole = next(iter(measured)) if len(measured) == 1 else None
    count_charges = _counts_told(document, conduct)
    given: list[tuple[str, Decimal]] = []  # the figures given to a charge so far, in the order told
    unplaced = False  # a figure of the case's total given to no charge nor set aside as another's
    for mention in document.money:
        if mention.sentence >= len(sentences):
            continue
        sentence = sentences[mention.sentence]
        at = mention.span.start - spans[mention.sentence][0]
        if (
            _a_loss(sentence, at, conduct)
            or _done_alone_by_another(sentence, text)
            or in_others_act(
                text, mention.span.start
            )  # a co-offender's act without him (others_acts.py, E60)
        ):
            continue
        scope = _count_scope(document, mention.span.start, count_charges)
        if scope is not None:
            charge = scope if scope in measured else None
        elif mention.total and _sums_several(sentence, at, mention.value, conduct, given):
            continue
        else:
            charge = _owner(sentence, at, about[mention.sentence], conduct, measured)
            if charge is None and sole is not None and not about[mention.sentence] and not mention.excluded:
                charge = sole
            if charge is None and not named[mention.sentence]:
                for shared in _valued_for_both(about[mention.sentence], measured):
                    own[shared].append(mention)
        if charge in PROCEEDS_CHARGES and PRICE_OF_DEAL.match(
            sentence[mention.span.end - spans[mention.sentence][0] :]
        ):
            continue
        if charge is not None:
            own[charge].append(mention)
            if not mention.excluded:
                given.append((charge, mention.value))
        elif scope is None and not mention.excluded:
            unplaced = True
    if not any(own.values()):
        # every figure told is a loss caused or a count of a charge no amount measures: the case's total is no money of
        # the measured charges (刑法第69条: each crime on its own facts), which are then told without a figure (E95)
        return {} if unplaced or not document.money else {c: None for c in measured}
    amounts = {c: total_amount(mentions, text, c) if mentions else None for c, mentions in own.items()}
    _proceeds_valued_as_taken(amounts, {c for names in named for c in names})
    for charge, measure in (measures or {}).items():
        if charge in amounts:
            told = "".join(s for s, names in zip(sentences, about, strict=True) if charge in names)
            amounts[charge] = measured_amount(told, measure)
    return amounts


def _carried(named: Sequence[list[str]], counts: Sequence[Count | None]) -> list[list[str]]:
    """The charges each sentence is about: those it names, else those of the sentence before in its count. A numbered
    count is another act: one naming nothing takes the charges of its list's lead ("（1）职务侵占…分述如下：1.…2.…"),
    not those of the count before it ("（三）…先后收下乙给的现金共计2万元" after a 贪污 count is no 贪污) (E46)."""
    about: list[list[str]] = []
    lead: list[str] = []  # the charges of the last sentence outside any count
    for i, names in enumerate(named):
        if i == 0:
            carried = []
        elif counts[i] is None or counts[i] == counts[i - 1] or counts[i - 1] is None:
            carried = about[-1]
        else:
            carried = lead
        about.append(names or carried)
        if counts[i] is None:
            lead = about[-1]
    return about


def _owner(
    sentence: str,
    at: int,
    charges: Sequence[str],
    conduct: Mapping[str, Sequence[str]],
    measured: Collection[str],
) -> str | None:
    """The measured charge whose conduct word comes nearest before position `at` of the sentence; None where the
    nearest tells a charge no amount measures ("将俞某关在…限制其人身自由，直至其家属送来1万元": the sum a detention
    was to collect is no money of the gambling den told before it, 刑法第69条, E92)."""
    candidates = [c for c in charges if c in measured]
    best: tuple[int, int] | None = None
    owner = candidates[0] if len(candidates) == 1 else None
    for charge in charges:
        for word in conduct.get(charge, ()):
            found = max((i for i in _uses(sentence, word) if i + len(word) <= max(at, 0)), default=-1)
            if found >= 0 and (best is None or (found + len(word), len(word)) > best):
                best, owner = (found + len(word), len(word)), charge
    return owner if owner in measured else None


def _uses(sentence: str, word: str) -> list[int]:
    """Where `word` tells an act in the sentence: not where it names a crime's proceeds ("系盗窃所得") or stands
    inside a longer word that names no conduct ("募集资金" holds 集资)."""
    found = []
    start = sentence.find(word)
    while start >= 0:
        end = start + len(word)
        inside = any(
            sentence.find(longer, max(0, end - len(longer)), start + len(longer)) >= 0
            for longer in INSIDE_OTHER_WORD.get(word, ())
        )
        if not inside and not PROCEEDS_OF.match(sentence, end):
            found.append(start)
        start = sentence.find(word, start + 1)
    return found


def _sums_several(
    sentence: str,
    at: int,
    value: Decimal,
    conduct: Mapping[str, Sequence[str]],
    given: Sequence[tuple[str, Decimal]],
) -> bool:
    """Whether a total at `at` sums several charges' figures ("两起犯罪数额共计1万元", "侵吞公款20万元，收受贿赂30万元，
    涉案金额合计50万元", "综上，被告人甲涉案金额共计10200元"): its clause tells no charge's conduct, and it is the sum of
    the last figures given (`given`, in the order told), which belong to two charges or more. Each crime of 数罪并罚 is
    sentenced on its own amount before the combined sentence (刑法第69条; FACTS.md 数罪: each crime's baseline first), so a
    total of several is none of them (E46)."""
    clause = clause_before(sentence, at)
    if any(_uses(clause, w) for words in conduct.values() for w in words):
        return False
    summed, charges = Decimal(0), set()
    for charge, figure in reversed(given):
        summed += figure
        charges.add(charge)
        if summed >= value:
            return summed == value and len(charges) >= 2
    return False


def _done_alone_by_another(sentence: str, text: str) -> bool:
    """Whether the sentence tells an act another person, tried elsewhere, did alone: ELSEWHERE and ALONE, no word for
    the person tried here, and the one who acted alone (the name before 单独) is no one the text calls by a word for
    the person tried (parties.DEFENDANT_WORDS: "甲单独窃取…" where the text has 被告人甲 or 犯罪嫌疑人甲 is the
    defendant's own act)."""
    alone = ALONE.search(sentence)
    if not (alone and ELSEWHERE.search(sentence)) or DEFENDANT_WORD_RE.search(sentence):
        return False
    actor = re.sub(r"(?:另外|另|又|则)$", "", sentence[max(0, alone.start() - 5) : alone.start()])
    return not any(
        re.search(DEFENDANT_WORDS + re.escape(actor[-n:]), text) for n in range(1, min(3, len(actor)) + 1)
    )


def _a_loss(sentence: str, at: int, conduct: Mapping[str, Sequence[str]]) -> bool:
    """Whether the figure at `at` is told as the loss a LOSS_CHARGES charge of the case caused (its clause says
    致使/造成/导致 … 损失), not money taken."""
    if not any(c in LOSS_CHARGES for c in conduct):
        return False
    clause = clause_before(sentence, at) + clause_after(sentence, at)
    return bool(CAUSED.search(clause) and LOST.search(clause))


def _count_scope(document: Document, pos: int, count_charges: CountCharges) -> str | None:
    """The charge the numbered count or masked paragraph holding `pos` tells (`_counts_told`), None outside them or
    where its charge is not known: its sentences' conduct words then decide."""
    sections, paragraphs = count_charges
    count = document.count_at(pos)
    if count is not None:
        return sections.get(count.section if 0 <= count.section else count.start)
    return next((charge for (start, end), charge in paragraphs.items() if start <= pos < end), None)


def _counts_told(document: Document, conduct: Mapping[str, Sequence[str]]) -> CountCharges:
    """The charge each section of numbered counts tells, by where the section begins (Count.section): the charge its
    heading names ("一、盗窃事实", "二、被告人钱某掩饰、隐瞒犯罪所得事实", "（三）贪污罪。"), the longest where several do
    ("合同诈骗事实" names 诈骗 too); and the charge each paragraph headed "××：" tells, by its span (`_masked_paragraphs`).

    A section under a heading CAIL masks ("一、××\n", "（一）××。", "1、××：", a paragraph "××：2012年3月，…") is one
    count of one charge too (E95): the one charge whose conduct words its text uses (a consequence it tells caused is
    a LOSS_CHARGES charge's: `_tells_a_consequence`), else, where every other section is claimed so and one charge of
    the case is left, that charge ("二、××\n…擅自决定推迟调拨，致使价值650余万元的救灾帐篷未在规定期限内调拨到位"
    beside a 挪用公款 count is the 滥用职权 count). Each crime of 数罪并罚 is sentenced on its own facts (刑法第69条), so the money of such a count is its
    charge's or, for a charge no amount measures, no charge's; never another count's. Elsewhere a count's text is not
    read for conduct words: a section with no heading may tell acts of several charges, and a last item may run on past
    its act (to a next heading the reader does not take for one)."""
    grouped: dict[int, list[Count]] = {}
    for count in document.counts:
        if not count.evidence:
            grouped.setdefault(count.section if 0 <= count.section else count.start, []).append(count)
    # (start, end, heading, masked) of each section
    sections = [
        (start, counts[-1].end, heading, bool(MASKED_HEADING.match(heading)))
        for start, counts in grouped.items()
        for heading in [_heading(document, counts[0])]
    ]
    sections += [(start, end, "", True) for start, end in _masked_paragraphs(document)]
    told: dict[int, str] = {}
    using: dict[int, list[str]] = {}  # the charges whose conduct words each masked section uses
    # sections whose heading neither names a charge nor masks one: their charge is not known here
    unmasked = 0
    for start, end, heading, masked in sections:
        named = [c for c in conduct if c.split("、")[0] in heading]
        if named:
            told[start] = max(named, key=len)  # 合同诈骗 over 诈骗 in "合同诈骗事实"
        elif masked:
            text = document.text[start:end]
            using[start] = [
                c
                for c, words in conduct.items()
                if any(_uses(text, w) for w in words) or c in LOSS_CHARGES and _tells_a_consequence(text)
            ]
        else:
            unmasked += 1
    told.update({start: charges[0] for start, charges in using.items() if len(charges) == 1})
    silent = [start for start, charges in using.items() if not charges]
    mixed = [start for start, charges in using.items() if len(charges) > 1]
    left = [c for c in conduct if c not in told.values()]
    if len(silent) == 1 and not mixed and not unmasked and len(left) == 1:
        told[silent[0]] = left[0]  # the one count telling no conduct word, the one charge no count tells
    paragraphs = {(start, end): told[start] for start, end, _, _ in sections[len(grouped) :] if start in told}
    return {start: c for start, c in told.items() if start in grouped}, paragraphs


def _masked_paragraphs(document: Document) -> list[tuple[int, int]]:
    """The paragraphs outside any numbered count that open with a masked charge's name ("××：2012年3月14日，被告人甲…"),
    where two or more do: each runs to its line's end, the next such paragraph, or a sentence summing up (CLOSING_RE)."""
    text = document.text
    starts = [m.start() for m in MASKED_PARAGRAPH.finditer(text) if document.count_at(m.start()) is None]
    if len(starts) < 2:
        return []
    closing = [lo for lo, _, _ in document.sentences if CLOSING_RE.match(text, lo)]
    spans = []
    for i, start in enumerate(starts):
        line_end = text.find("\n", start)
        ends = (
            [line_end if line_end >= 0 else len(text)]
            + starts[i + 1 : i + 2]
            + [c for c in closing if c > start]
        )
        spans.append((start, min(ends)))
    return spans


def _tells_a_consequence(text: str) -> bool:
    """Whether the text tells a consequence caused (致使 / 造成 / 导致 …: 致使价值650余万元的救灾帐篷未在规定期限内调拨到位,
    致使…被违规异地存放): what 刑法第397条 and 第168条 name a LOSS_CHARGES charge by (致使公共财产、国家和人民利益遭受重大
    损失), whatever words tell the duty abused or neglected."""
    return bool(CAUSED.search(text))


def _heading(document: Document, count: Count) -> str:
    """The heading of the count's section, up to its first line break or punctuation (empty where the count opens
    with its facts: "1、2019年3月，…" has the heading "2019年3月" of no charge)."""
    start = count.section if 0 <= count.section else count.start
    head = document.text[start : start + HEADING]
    end = HEADING_END.search(head)
    return head[: end.start()] if end else head


def _distinct(conduct: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Each charge's conduct words less those another charge of the case lists too: 职务侵占 and 贪污 both tell
    侵吞 / 截留 / 占为己有 (刑法第271条, 第382条), which then say nothing of which of them a sentence tells. A charge left
    with no word of its own keeps all of its words (挪用公款 beside 挪用资金: the same list)."""
    out = {}
    for charge, words in conduct.items():
        others = {w for c, ws in conduct.items() if c != charge for w in ws}
        out[charge] = [w for w in words if w not in others] or list(words)
    return out


def _valued_for_both(charges: Sequence[str], measured: Collection[str]) -> list[str]:
    """The charges a value told after a taking and its concealment (a sentence naming neither) is the amount of:
    both, where they are a PROCEEDS_CHARGES charge and the one other charge measured by money; else none."""
    candidates = [c for c in charges if c in measured]
    if len(candidates) == 2 and any(c in PROCEEDS_CHARGES for c in candidates):
        return candidates
    return []


def _proceeds_valued_as_taken(amounts: dict[str, Decimal | None], told: Collection[str]) -> None:
    """A PROCEEDS_CHARGES charge whose act the text tells (`told`: its conduct words stand in a sentence) with no value
    of its own (only the price paid or got for the things: "明知该钢筋系王某甲盗窃所得，仍以3000元的价格予以收购")
    takes the value of what the one other charge took: the proceeds it concealed, where the text tells no other part
    of them. A text that tells no act of concealment gives it nothing."""
    for charge in [c for c in amounts if c in PROCEEDS_CHARGES and c in told and amounts[c] is None]:
        others = [a for c, a in amounts.items() if c != charge and a is not None]
        if len(amounts) == 2 and len(others) == 1:
            amounts[charge] = others[0]
