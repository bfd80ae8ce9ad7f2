"""A crime found after an earlier judgment, before its sentence is served out (漏罪, Criminal Law art. 70).

Art. 70: "判决宣告以后，刑罚执行完毕以前，发现被判刑的犯罪分子在判决宣告以前还有其他罪没有判决的，
应当对新发现的罪作出判决，把前后两个判决所判处的刑罚，依照本法第六十九条的规定，决定执行的刑罚。
已经执行的刑期，应当计算在新判决决定的刑期以内。" It differs from art. 71 (a new crime committed while
serving, 先减后并) by when the crime was committed: before the earlier judgment was pronounced. So a text
is read as art. 70 when

- it says so in the statute's or the courts' words (漏罪, 判决宣告以前还有其他罪没有判决, 第七十条), or
- it reports an earlier judgment (…被…法院判处…, or 因犯…罪…被判处… without the court) that the defendant is serving (服刑, 刑期…至…止), the
  facts' first date is before that judgment's date, and nothing in it speaks of art. 71 (又犯, 假释考验期内,
  余刑, 尚未执行的刑期) or of that sentence served out (刑满释放).

The judgment being served is not one the text says was served (刑满释放, 执行完毕: earlier_convictions), and another,
older conviction served out before the crime (曾因…被判处…，2009年刑满释放) says nothing of it: its release neither
makes the text an art. 71 one nor is its judgment the one to combine with.

What it reads, each with its source sentence: the earlier sentence (its term written out, or, when CAIL
masks it as ××, from the dates of the term, "刑期自2011年10月1日起至2026年3月31日止", which every
judgment states), and the part of it already served (已执行 / 已服刑 …) when the text states it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from leniency.sentencing.extraction.earlier_convictions import EarlierConviction, conviction_at
from leniency.sentencing.extraction.numbers import (
    DATE,
    DATE_RE,
    PENALTY,
    PENALTY_CODES,
    TERM,
    bounds,
    date_of,
    span,
    term_months,
)
from leniency.sentencing.facts import PriorJudgment, SentenceMention, Span

ART70_WORDS_RE = re.compile(
    r"漏罪|判决宣告[以之]前(?:还|尚)?有其他(?:犯)?罪(?:行)?(?:没有|未(?:被|经)?)判决"
    r"|刑罚执行完毕[以之]前[^。；]{0,30}发现|刑法》?第七十条"
    # the courts' own wording of a crime found later: 在判决宣告以前还犯有诈骗罪 / 判决宣告前尚有盗窃犯罪
    # (not art. 69's "判决宣告以前一人犯数罪", which needs no 还/尚/另 before it)
    r"|判决宣告[以之]?前(?:还|尚|另)(?:犯有|有)[^。；，]{0,20}罪"
    # a crime the text tells as done before the judgment being served (其于判决宣告以前实施的盗窃犯罪): art. 70's own
    # condition, 在判决宣告以前还有其他罪没有判决
    r"|(?:于|在)判决宣告[以之]?前(?:实施|所犯|犯下)的?[^。；，]{0,20}罪"
)
# art. 71 (a crime while serving) or a sentence served out: never art. 70 by the dates alone
NOT_ART70_RE = re.compile(
    r"又犯|再犯|假释考验期|余刑|尚未执行|未执行完毕|刑满释放|执行完毕后|刑法》?第七十一条"
)
RELEASE_WORDS = ("刑满释放", "执行完毕后")
# another person's judgment: an accomplice tried apart
OTHERS_RE = re.compile(r"同案|另案|同伙|共犯|同犯")
SERVING_RE = re.compile(r"服刑|刑期自|刑期从|执行期间|正在执行")
# by a court it names (被某区人民法院判处…), or without one: "因犯诈骗罪于2019年10月被判处有期徒刑二年" (the court is
# often left out where the earlier judgment is told in passing)
JUDGED_RE = re.compile(
    r"(?:被|经)[^。；]{0,40}?(?:法院|本院)[^。；]{0,40}?判处|因犯?[^。；，]{0,20}?罪[^。；]{0,30}?被判处"
)
JUDGED_TERM_RE = re.compile(rf"{PENALTY}\s*(?:{TERM})?|(?P<mask>[×X]{{2,}})")
TERM_DATES_RE = re.compile(rf"自\s*(?P<start>{DATE})\s*起?至\s*(?P<end>{DATE})\s*止")
# the part served, the penalty named or not: 已服刑八个月 / 已执行刑期六个月 / 已执行有期徒刑六个月
SERVED_RE = re.compile(
    rf"已(?:经)?(?:实际)?(?:执行|服刑)(?:了)?(?:刑期|刑罚|有期徒刑|拘役)?(?:为|了)?\s*{TERM}"
)


def find_undiscovered(text: str) -> PriorJudgment | None:
    """The earlier judgment of an art. 70 text, with its sentence and the part served; None otherwise."""
    words = ART70_WORDS_RE.search(text)
    judged = _own_judgment(text)
    if judged is None:
        return None
    sentence_span = _sentence_span(text, judged.start(), judged.end())
    if words is None and not _by_dates(text, judged, sentence_span):
        return None
    basis = _sentence_span(text, words.start(), words.end()) if words else sentence_span
    return PriorJudgment(
        sentence=_judged_sentence(text, judged, sentence_span),
        served=_served(text),
        basis="words" if words else "dates",
        basis_span=basis,
    )


def undiscovered_conviction(text: str) -> EarlierConviction | None:
    """The earlier conviction (earlier_convictions) that tells the judgment an art. 70 text combines with: for the
    crime found later it is neither a recidivism nor a prior record (刑法第65条 needs a crime after the sentence was
    served; a 漏罪 was committed before the judgment). None where the text is no art. 70 one or tells that judgment
    in words no conviction opens with (被某区人民法院判处… without 因犯…罪)."""
    judged = _own_judgment(text)
    if judged is None or find_undiscovered(text) is None:
        return None
    return conviction_at(text, judged.end() - 1)  # its verdict (判处) is what the conviction tells


def _own_judgment(text: str) -> re.Match | None:
    """The first earlier judgment whose sentence is not about an accomplice tried apart (同案人…被判处, …另案处理):
    art. 70 combines the defendant's own sentences; and that the text does not say was served (art. 70: 刑罚执行完毕
    以前)."""
    for judged in JUDGED_RE.finditer(text):
        sentence = _sentence_span(text, judged.start(), judged.end())
        told = conviction_at(text, judged.end() - 1)
        if not OTHERS_RE.search(sentence.quote) and not (told is not None and told.served):
            return judged
    return None


def _speaks_of_art71(text: str, judged: re.Match) -> bool:
    """Words of art. 71 or of a sentence served out (NOT_ART70_RE), but a release that belongs to another of the
    defendant's judgments (an older conviction served before the crime)."""
    for words in NOT_ART70_RE.finditer(text):
        told = conviction_at(text, words.start())
        another = told is not None and told.judgment and not told.holds(judged.end() - 1)
        if not (another and words.group() in RELEASE_WORDS):
            return True
    return False


def _by_dates(text: str, judged: re.Match, sentence: Span) -> bool:
    """The acts precede the earlier judgment, which the defendant is serving (art. 70's own condition)."""
    if _speaks_of_art71(text, judged) or not SERVING_RE.search(text, sentence.start):
        return False
    pronounced = _last_date(text, sentence.start, judged.end())
    first = next(
        (d for m in DATE_RE.finditer(text) if _is_act_date(text, m, sentence) and (d := date_of(m))), None
    )
    return pronounced is not None and first is not None and first < pronounced


def _is_act_date(text: str, match: re.Match, sentence: Span) -> bool:
    """A date of the facts: not in the earlier judgment's sentence, nor in another earlier conviction
    (earlier_convictions: 曾因犯盗窃罪于2010年2月被判处…), not a birth date."""
    return (
        not sentence.start <= match.start() < sentence.end
        and conviction_at(text, match.start()) is None
        and not text.startswith(("出生", "生"), match.end())
    )


def _judged_sentence(text: str, judged: re.Match, sentence: Span) -> SentenceMention:
    match = JUDGED_TERM_RE.search(text, judged.end(), min(sentence.end, judged.end() + 30))
    penalty = PENALTY_CODES.get(match.group("penalty") or "") if match else None
    months = term_months(match) if match else None
    masked = bool(match and match.group("mask"))
    if months is None and penalty in (None, "imprisonment", "detention", "surveillance"):
        dates = TERM_DATES_RE.search(text, judged.end(), sentence.end)
        if dates and (months := _months_between(dates.group("start"), dates.group("end"))) is not None:
            penalty = penalty or ("imprisonment" if months > 6 else None)
    return SentenceMention(penalty, months, masked, sentence)


def _served(text: str) -> SentenceMention | None:
    match = SERVED_RE.search(text)
    if match is None:
        return None
    return SentenceMention(
        "imprisonment", term_months(match), False, _sentence_span(text, match.start(), match.end())
    )


def _months_between(start: str, end: str) -> int | None:
    """Whole months of a term "自 start 起至 end 止" (both days served: the end's next day closes it)."""
    first, last = date_of(DATE_RE.fullmatch(start)), date_of(DATE_RE.fullmatch(end))
    if first is None or last is None or last < first:
        return None
    after = last + timedelta(days=1)
    return (after.year - first.year) * 12 + after.month - first.month + round((after.day - first.day) / 30)


def _last_date(text: str, start: int, end: int) -> date | None:
    dates = [d for m in DATE_RE.finditer(text, start, end) if (d := date_of(m))]
    return dates[-1] if dates else None


def _sentence_span(text: str, start: int, end: int) -> Span:
    """The whole sentence [start, end) is in: the source a reader checks."""
    return span(text, *bounds(text, start, end, "。；;\n"))
