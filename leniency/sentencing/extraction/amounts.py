"""Money amounts in yuan and the total amount involved in the crime (犯罪数额).

Every "…元" is read with its clause. Fines, compensation, restitution and resale prices are kept out
of the total. The total is an explicit 共计/合计 figure when the text gives one; otherwise the sum of
the distinct amounts, unless one of them is itself the sum of others (an unmarked total).

A sum the text names for what it is (违法所得25万元, 销售金额30万元, 偷逃应缴税额120万元) is read apart by
`named_amount`: the statute sets some fines as multiples of such a sum, which is not the crime's amount
("贷款200万元…违法所得25万元": the loan is not the profit).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from decimal import Decimal

from leniency.sentencing.extraction.amount_context import (
    conditional_demand,
    paid_on_demand,
    payment_words_blanked,
    repaid_after_discovery,
    resale_proceeds,
    unmet_demand,
)
from leniency.sentencing.extraction.amount_exclusions import (
    EXCLUDE_AFTER,
    EXCLUDE_BEFORE,
    PROCEEDS,
    misappropriated_for,
    misappropriation_yield,
    sentence_exclusion,
)
from leniency.sentencing.extraction.amount_restatements import (
    EVIDENCE_INTRO,
    restatements_dropped,
    returned_parts_dropped,
    sentence_text,
    superseded_dropped,
)
from leniency.sentencing.extraction.duty_money import kept_through_post
from leniency.sentencing.extraction.each_sums import times_told
from leniency.sentencing.extraction.foreign_currency import converted_foreign
from leniency.sentencing.extraction.further_counts import further_sum
from leniency.sentencing.extraction.instalments import instalments_dropped
from leniency.sentencing.extraction.masked_indexes import index_digits
from leniency.sentencing.extraction.money_mention import Mention
from leniency.sentencing.extraction.net_amounts import is_net_figure
from leniency.sentencing.extraction.numbers import NUMBER, parse_number, span
from leniency.sentencing.extraction.others_acts import in_others_act, told_as_participated
from leniency.sentencing.extraction.overdraft_principal import principal_overdrawn
from leniency.sentencing.extraction.purchase_price import purchase_prices_dropped
from leniency.sentencing.extraction.raised_funds import raised_less_returned
from leniency.sentencing.extraction.sham_sales import sham_sale_price
from leniency.sentencing.extraction.total_parts import bracketed, parts_replaced_by_totals, subset_sum
from leniency.sentencing.extraction.unreturned_sums import unreturned
from leniency.sentencing.facts import Finding

MONEY_RE = re.compile(
    rf"(?:(?P<low>{NUMBER})(?P<lowunit>元|万元)?(?:至|到|-|—|~|～)(?=[0-9０-９一二三四五六七八九十]))?"
    rf"(?P<num>{NUMBER})(?P<cur>元|圆|(?<=万)某(?![某甲乙丙丁]))(?![/／]|钱)"
)  # "200万某": the published judgments' masking turned some "万元" into "万某"
CLAUSE_BREAK = re.compile(r"[，,。；;！？!?\n：:]")

TOTAL_BEFORE = re.compile(r"共计|合计|总计|累计|总价值?|总额|总金额|总共|一共|共(?!同)|计(?:人民币)?$")
# "（以下币种均为人民币）" and the like, which sit between a 共计 and its figure
CURRENCY_ASIDE = re.compile(r"[（(][^（）()]{0,12}币种[^（）()]{0,10}[）)]")
LOSS_BEFORE = re.compile(r"损失[^，,。；;\d]{0,8}$")
# The sums a statute's fine is a multiple of (statutory_brackets.yaml fine_multiple "of": 刑法第175条 违法所得, 第140条
# 销售金额, 第153条 偷逃应缴税额 …) and the words judgments name them by, just before the figure.
NAMED_SUMS = {
    "违法所得": r"违法所得|非法所得|非法获利|违法获利|获利|牟利|获取利润|赚取利润|赚取差价|非法获取利润",
    "销售金额": r"销售金额|销售总金额|销售额|销售总额|销售收入",
    "偷逃应缴税额": r"偷逃(?:应缴)?(?:税额|税款|关税|进口环节[^，,。；;\d]{0,8}税)(?:[、和及](?:增值税|消费税|关税))*",
    "骗取税款": r"骗取(?:国家)?(?:出口)?退税款|骗取(?:国家)?(?:出口退税|税款)",
    "拒缴税款": r"拒缴税款|拒不缴纳(?:的)?税款|抗缴税款",
    "欠缴税款": r"欠缴(?:的)?税款|所欠税款",
    "票证价额": r"票证价额|票面价额|票面价值|票面金额",
    "非法募集资金金额": r"非法募集资金|募集资金",
    "虚报注册资本金额": r"虚报注册资本|虚报注册资金",
}
# between the name and the figure: "违法所得数额共计人民币25万元", "销售金额达30万余元"
NAMED_FILLER = r"(?:的)?(?:数额|金额|总额)?(?:共计|合计|总计|累计|共|计|达|为|约|人民币|[：:\s])*$"
PROFIT_BEFORE = re.compile(rf"(?:{NAMED_SUMS['违法所得']}){NAMED_FILLER}")
BRACKET_TAIL = re.compile(r"^[^（(]*[）)]")
VERDICT_AFTER = re.compile(r"[，,]?(?:属于?|系)?数额(?:较大|巨大|特别巨大)")
# A sentence that restates the prosecution's or the court's view of the whole case.
SUMMARY_SENTENCE = re.compile(
    r"\s*(?:另查明|经审理查明|本院查明|经查|经鉴定|经价格鉴定|经评估)?[，,：:]?\s*(?:公诉机关认为|检察院认为|本院认为|综上|上述|以上)"
)
# An opening 共计 sentence that announces several acts or victims, detailed afterwards.
INTRO_CUE = re.compile(
    r"[\d一二两三四五六七八九十]+[次起笔](?!.{0,2}取)|多人|多名|等人|他人|多次(?:实施|作案)|先后|具体|如下|分别为|其中|分述"
)
END_CUE = re.compile(r"上述|以上|综上|累计|总计|合计|共计")
SENTENCE_RE = re.compile(r"[^。；;\n！？!?]*[。；;\n！？!?]?")
REPEATED_LINE_MIN = 20
REPEATED_SENTENCE_MIN = 40


def sentence_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, repeated) per sentence; repeated when the line or a long sentence appeared before."""
    result = []
    seen_lines: set[str] = set()
    seen_sentences: set[str] = set()
    pos = 0
    for line in text.split("\n"):
        key = line.strip()
        line_repeated = len(key) >= REPEATED_LINE_MIN and key in seen_lines
        seen_lines.add(key)
        for m in SENTENCE_RE.finditer(line):
            if m.start() == m.end():
                continue
            sentence = m.group().strip()
            repeated = line_repeated or (
                len(sentence) >= REPEATED_SENTENCE_MIN and sentence in seen_sentences
            )
            seen_sentences.add(sentence)
            result.append((pos + m.start(), pos + m.end(), repeated))
        pos += len(line) + 1
    return result


def find_money(text: str, sentences: list[tuple[int, int, bool]] | None = None) -> list[Mention]:
    """Every amount of money in the text with what its clause says about it.

    `sentences` are the text's `sentence_spans` when the caller has them already (document.parse).
    """
    mentions: list[Mention] = []
    sentences = sentence_spans(text) if sentences is None else sentences
    starts = [s[0] for s in sentences]
    for match in MONEY_RE.finditer(text):
        start, end = match.start(), match.end()
        number = match.group("num")
        low = match.group("low")
        # "骗取张某130000元" where 张某1 is named elsewhere: 30000 yuan (masked_indexes)
        if not low and (index := index_digits(text, start, number)):
            start, number = start + index, number[index:]
        value = parse_number(number)
        if value is None or not _plausible(number, text, start):
            continue
        if low:
            # a range (3000至5000元): keep the lower figure, the one certainly proved
            unit = "万" if "万" in match.group("num") and "万" not in low else ""
            low_value = parse_number(low + unit)
            if low_value is not None and low_value < value:
                value = low_value
        index = max(bisect_right(starts, start) - 1, 0)
        s_start, s_end, repeated = sentences[index] if sentences else (0, len(text), False)
        # a clause that starts inside a closed bracket ("（经鉴定价值1200元，已发还）、现金300元") starts after it
        clause_start = _clause_start(text, start)
        before = BRACKET_TAIL.sub("", CURRENCY_ASIDE.sub("", text[clause_start:start]))
        after = text[end : end + 8]
        excluded = None
        net = is_net_figure(text, clause_start, start)
        # money a post held and its holder kept (将收取的押金3.8万元不入账，据为己有): the duty crime's amount (duty_money)
        kept = kept_through_post(text, clause_start, start, end, s_end)
        if in_others_act(text, start):
            excluded = "co-offender's act without the defendant"  # others_acts.py: 刑法第26条第4款, 第27条
        elif net or kept:
            pass  # named as the amount after a deduction, or kept through a post: none of the exclusions below applies
        elif m := EXCLUDE_BEFORE.search(payment_words_blanked(before, text[s_start:start], text[end:s_end])):
            excluded = m.group()
        elif (m := EXCLUDE_AFTER.search(after)) and not misappropriated_for(m.group(), before):
            excluded = m.group()
        elif m := misappropriation_yield(text[s_start:start], before):
            excluded = m
        elif m := sentence_exclusion(text[s_start:start]):
            excluded = m
        elif m := resale_proceeds(text[s_start:start], before):
            excluded = m
        elif restated := _restated_in_sentence(text, mentions, index, start, value, before):
            excluded = restated
        elif m := conditional_demand(text[s_start:start], before) or paid_on_demand(
            text[s_start:start], before
        ):
            excluded = m
        elif m := unmet_demand(text[:clause_start], before, _answer(text, end, sentences, index)):
            excluded = m
        elif m := converted_foreign(before, text[end:s_end]) or repaid_after_discovery(
            text[s_start:start], before
        ):
            excluded = m
        if kept and (restated := _restated_in_sentence(text, mentions, index, start, value, before)):
            excluded = restated
        # "分别骗取王某、李某各5000元" / "向周某、吴某每人各收取2万元": the sum of each, told once (each_sums); a 每人
        # whose persons are named is no rate but that sum
        times = times_told(text[s_start:start], before) if not excluded or excluded.startswith("每") else 1
        if times > 1:
            excluded, value = None, value * times
        total = bool(TOTAL_BEFORE.search(before[-14:]))
        # "…共计人民币3525元，数额较大": the prosecution's or the court's figure for the whole case
        verdict = bool(VERDICT_AFTER.match(text, end))
        total = total or verdict
        # "上述事实，有下列证据证实：1、被害人乙的陈述，证实其被骗3万元": the sentence opens the evidence list, and
        # its figure is one item's proof, not the whole case restated (issue 16 class 4)
        summary = verdict or bool(
            SUMMARY_SENTENCE.match(text, s_start, start) and not EVIDENCE_INTRO.search(text, s_start, start)
        )
        approximate = "余" in number or "多" in number or text[start - 1 : start] == "约"
        mentions.append(
            Mention(
                value, span(text, start, end), total, excluded, repeated, index, summary, approximate, net
            )
        )
    return mentions


def _answer(text: str, end: int, sentences: list[tuple[int, int, bool]], index: int) -> str:
    """The rest of the figure's sentence, and the next sentence where the figure closes its own: a demand's answer
    ("…又向陶某索要人民币6万元。陶某未予理睬并报警", E97), in one paragraph."""
    s_end = sentences[index][1] if sentences else len(text)
    if text[end:s_end].strip("。；;！？!? ") or index + 1 >= len(sentences):
        return text[end:s_end]
    return text[end : sentences[index + 1][1]].split("\n")[0]


def _restated_in_sentence(
    text: str, mentions: list[Mention], sentence: int, start: int, value: Decimal, before: str
) -> str | None:
    """A figure that restates one told earlier in its sentence (issue 16, failure class 4).

    "骗取李某5万元，其中3万元用于还债": what follows 其中 is a part of the amount before it.
    "骗取租房款6000元，后将租房款6000元打入其账户": the same figure again, as the object of 将, is what
    became of the money, not a second taking.
    """
    earlier = [m for m in mentions if m.sentence == sentence and not m.excluded]
    if not earlier:
        return None
    # "其中欧元折合人民币6240元，共计价值人民币7440元": a 共计 in the figure's own clause sums the whole, not a part
    if "其中" in text[earlier[-1].span.end : start] and not TOTAL_BEFORE.search(before[-14:]):
        return "其中"
    if "将" in before and any(m.value == value for m in earlier):
        return "将"
    return None


def _clause_start(text: str, pos: int) -> int:
    lo = max(0, pos - 30)
    last = lo
    for m in CLAUSE_BREAK.finditer(text, lo, pos):
        last = m.end()
    return last


def _plausible(num: str, text: str, start: int) -> bool:
    # a lone Chinese digit before 元 is usually part of a word (统一元, 第一元)
    if len(num) == 1 and not num.isdigit():
        return start >= 1 and text[start - 1] in "币计值款为约"
    return True


def usable(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if not m.excluded and not m.repeated and m.value > 0]


def total_amount(mentions: list[Mention], text: str = "", charge: str | None = None) -> Decimal | None:
    """The total amount involved in the crime, or None when no crime amount is stated.

    `charge`, where the case has one: 集资诈骗's amount is the money raised less the principal returned before the case
    came to light (raised_funds.py); a malicious overdraft's is the principal unpaid, not the bank's interest and
    fees (overdraft_principal.py); a fraud's sham sale is measured by its price where nothing else is (sham_sales.py).
    """
    gross = principal_overdrawn(_gross_total(mentions, text), mentions, text, charge, _gross_total)
    gross = sham_sale_price(gross, mentions, text, charge, _gross_total)
    return raised_less_returned(gross, mentions, text, charge, _clause_start)


def _gross_total(mentions: list[Mention], text: str) -> Decimal | None:
    found = superseded_dropped(usable(mentions), text)
    # the defendant's part told beside the whole (其中被告人任某参与盗窃…价值9000元): his amount (others_acts.py)
    if text and (parts := [m for m in found if told_as_participated(text, m.span.start)]):
        found = parts
    # the figure named as the amount after a deduction (net_amounts), even where it restates one told before
    nets = [m.value for m in found if m.net]
    if nets and any(m.value > max(nets) for m in found if not m.net):
        return max(nets)
    items = restatements_dropped(found, text)
    if text:
        items = returned_parts_dropped(items, text)
        clause_starts = [_clause_start(text, m.span.start) for m in items]
        items, clause_starts = purchase_prices_dropped(items, text, clause_starts)
        items = instalments_dropped(items, text, clause_starts)
    # a loss told beside a larger sum taken is part of that money again, told as its harm (骗取10万元…造成被害人经济损失
    # 8万元, 非法集资3000万元，造成集资参与人损失2000万元): not a further amount (issue 16, class 4). Where no sum
    # taken is as large (标会 losses beside the 会金 of one meeting), the losses are the amount. So is the part still
    # unreturned (吸收资金520万元，尚有230万元未归还: unreturned_sums, E54).
    losses = [
        m
        for m in items
        if text
        and (
            LOSS_BEFORE.search(text, max(0, m.span.start - 10), m.span.start)
            or unreturned(text, m, _clause_start(text, m.span.start))
        )
    ]
    taken = [m.value for m in items if m not in losses]
    if losses and taken and max(taken) >= max(m.value for m in losses):
        items = [m for m in items if m not in losses]
    # so is a profit told beside a larger sum it was made on (贷款200万元…从中获利25万元, 非法经营数额52万元，违法所得6万
    # 元): the gain of that money, not more of it. A profit told alone (组织卖淫…获利5万元) stays the amount.
    profits = [
        m
        for m in items
        if text and PROFIT_BEFORE.search(text, _clause_start(text, m.span.start), m.span.start)
    ]
    rest = [m.value for m in items if m not in profits]
    if profits and rest and max(rest) > max(m.value for m in profits):
        items = [m for m in items if m not in profits]
    if not items:
        return None
    blocks = parts_replaced_by_totals(items, text)
    values = [b.value for b in blocks]
    per_sentence = Counter(b.sentence for b in blocks)

    grand: list[Mention] = []
    for i, block in enumerate(blocks):
        if not (block.total or block.summary):
            continue
        others = values[:i] + values[i + 1 :]
        smaller = [v for v in others if v < block.value * Decimal("1.01")]
        rest = sum(others, Decimal(0))
        covers = rest <= block.value * Decimal("1.01")
        sentence = sentence_text(text, block)
        if not others:
            grand.append(block)
        elif len(smaller) >= 2 and subset_sum(smaller, block.value) and (covers or block.summary or i == 0):
            grand.append(block)
        elif (
            block.summary
            and per_sentence[block.sentence] == 1
            and covers
            and max(others) * Decimal("0.99") <= block.value
        ):
            grand.append(block)
        elif block.total and i == 0 and INTRO_CUE.search(sentence) and rest <= block.value * Decimal("1.1"):
            grand.append(block)
        elif (
            block.total
            and covers
            and i == len(blocks) - 1
            and END_CUE.search(sentence)
            and not bracketed(text, block)
        ):
            grand.append(block)
    if grand:
        best = max(grand, key=lambda m: m.value)
        rest = sum((b.value for b in blocks if b is not best), Decimal(0))
        # "1600余元" with parts adding up to 1625: the parts are the precise figure
        if best.approximate and best.value < rest <= best.value * Decimal("1.2"):
            return rest
        if best is blocks[0] and best.total and not best.summary:
            return best.value + further_sum(best, blocks[1:], text)
        return best.value

    # an unmarked total: a figure stated twice that is the sum of others (4000 + 5010 = 9010)
    counts = Counter(m.value for m in usable(mentions))
    # a figure kept twice was told of two victims (amount_context.different_victims): two sums, not a total restated
    kept_twice = {v for v, n in Counter(values).items() if n >= 2}
    distinct = sorted(set(values))
    for v in reversed(distinct):
        smaller = [d for d in values if d < v]
        stated_as_total = any(m.value == v and _proceeds(text, m) for m in blocks)
        if (
            ((counts[v] >= 2 and v not in kept_twice) or stated_as_total)
            and len(smaller) >= 2
            and subset_sum(smaller, v)
        ):
            return v
    return sum(values, Decimal(0))


def _proceeds(text: str, mention: Mention) -> bool:
    """Whether the figure names the whole haul ("所盗现金4300元", "盗窃所得的3.05万元")."""
    return bool(PROCEEDS.search(text, max(0, mention.span.start - 8), mention.span.start))


def amount_findings(mentions: list[Mention]) -> list[Finding]:
    return [Finding("amount", m.value, m.span) for m in usable(mentions)]


def named_amount(text: str, of: str) -> Decimal | None:
    """The sum the text names as `of` (a NAMED_SUMS key), or None where no figure is named so.

    Its figures are totalled like the crime amount (restatements dropped, a 共计 figure kept), but a figure
    returned or seized is still the sum it names ("退缴违法所得25万元" is the 违法所得).
    """
    words = NAMED_SUMS.get(of)
    if not words or not text:
        return None
    named = re.compile(rf"(?:{words}){NAMED_FILLER}")
    mentions = [
        replace(m, excluded=None)
        for m in find_money(text)
        if named.search(text, _clause_start(text, m.span.start), m.span.start)
    ]
    return total_amount(mentions, text) if mentions else None
