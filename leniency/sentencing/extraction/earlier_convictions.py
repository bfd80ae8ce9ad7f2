"""Earlier convictions told in a fact text (前科): one reading that every extractor shares.

A judgment tells the defendant's earlier convictions among the facts of this case: "曾因犯盗窃罪于2014年5月被某区
人民法院判处有期徒刑六个月，2014年11月刑满释放", "有盗窃前科", "1、2016年3月因犯盗窃罪被判处有期徒刑一年；2、因盗窃被
行政拘留十日". They are circumstances of this case (刑法第65条 累犯; 2021量刑指导意见 三(15)(16)), not its conduct
(charge_inference), not its counts (document), not the sentence under appeal (procedure); one of them may be the
judgment an undiscovered crime is combined with (漏罪, 刑法第70条: undiscovered), which for that crime is neither a
recidivism nor a prior record (circumstances). Each of those places used to tell an earlier conviction with its own
words; they now ask `earlier_convictions`.

A conviction is told from its opening words (OPENING: 曾因 / 曾犯 / 曾被, 因犯…罪 with its sentence, 因…被…判处 / 行政拘留 …,
有…前科, 刑满释放) through the clauses that go on telling its sentence and release (TELLING: 判处, 刑满释放 …), up to the
first clause of anything else or the end of its sentence. A second judgment opening inside (…，2016年又因犯诈骗罪被判处…)
starts a conviction of its own, with its clause; a release or a 前科 inside belongs to the one it follows. A 前科 that
opens one tells no more than its words (有盗窃前科的被告人甲在某小区窃得…: the act goes on), nor does one that heads a list
(有如下前科：1、…；2、…), each item of which is a conviction of its own, with the date told in its own clause before it
(2、2016年8月，因犯抢劫罪…) or after its mark or 又 (又于2016年8月被某区人民法院以抢劫罪判处…). A heading whose items
are read tells no conviction of its own (`heading`, not `criminal`): 有如下前科：1、…；2、… is two convictions, not three,
and a heading over administrative punishments alone (有如下前科劣迹：1、因盗窃被行政拘留十日…) no criminal record at all.
What each tells: whether it is a criminal conviction at all (a court's sentence, not only an administrative
punishment: 行政拘留, 劳动教养, 罚款 are no 前科), its sentence, the date it was pronounced, whether it was served (刑满释放, 执行完毕) and when it was released.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from leniency.sentencing.extraction.numbers import (
    DATE_RE,
    PENALTY,
    PENALTY_CODES,
    TERM,
    date_of,
    sentence_start,
    term_months,
    written_dates,
)
from leniency.sentencing.extraction.parties import DEFENDANT_WORDS
from leniency.sentencing.facts import SentenceMention, Span

# The mark of an item in a numbered list: 1、 / 1. / 1． / （1） / (1)
ITEM_MARK = r"(?:\d{1,2}[、.．]|[（(]\d{1,2}[）)])"
# A clause that tells only a date, with its item mark: it belongs to the clause after it ("2、2016年8月，因犯抢劫罪被…")
DATE_ONLY = re.compile(rf"\s*{ITEM_MARK}?\s*(?:又|另|曾经?)?于?\s*(?:{DATE_RE.pattern})\s*$")
# A 前科 that heads a list ("有如下前科：1、…", "前科情况：…") tells no conviction of its own beyond its words
LIST_HEAD = re.compile(r"(?:劣迹)?(?:情况|如下|记录)?(?:[一二两三四五六七八九十\d]{1,2}[次起个])?\s*[：:]")
CLAUSE_BREAKS = "，,。；;：:\n"
# The words that open a judgment of the defendant's: 曾因 / 曾犯 / 曾被 / 曾于2010年被 (with a crime, a sentence or a
# punishment in its clause), 因犯…罪 with its sentence after it (in its clause, or passive in the next),
# 因(犯|涉嫌)…被…判处 / 行政拘留 / 劳动教养 / 罚款 / 行政处罚
JUDGMENT_OPENING = (
    r"曾经?(?:于[^。；，,]{0,14}?)?(?:因|犯|被)(?=[^。；，,]{0,40}(?:罪|判|刑|拘留|处罚|劳动教养))"
    r"|因犯[^。；，,]{0,30}罪(?=[^。；，,]{0,30}(?:判处|判刑|判决))"
    # its verdict after a comma, passive: "又因犯抢劫罪、敲诈勒索罪，于1997年9月2日被本院数罪并罚决定执行有期徒刑七年六个月"
    # (not the sentence under appeal: "上诉人张某因犯诈骗罪，一审被判处有期徒刑三年", procedure.BELOW_PASSIVE_RE)
    r"|因犯[^。；，,]{0,30}罪(?=[，,](?!(?:一审|原审)被)[^。；，,]{0,20}被[^。；，,]{0,20}(?:判处|判刑|判决|决定执行))"
    r"|因(?:犯|涉嫌)?[^。；;，,]{0,15}?被[^。；;，,]{0,15}?(?:判处|行政拘留|劳动教养|罚款|行政处罚)"
    # an item of a list of convictions, passive with the crime after 以: "；又于2016年8月被某区人民法院以抢劫罪判处…",
    # "：1.2014年5月被某区人民法院以盗窃罪判处…" (the item's mark or 又 opens it: alone, 被…以…罪判处 may be the case's own)
    rf"|(?:(?<=[；;：:，,\s])|^)(?:又|另|{ITEM_MARK})于?[^。；;，,]{{0,14}}?被(?!告|害)[^。；;，,]{{0,20}}?以[^。；;，,]{{1,30}}?罪"
    r"(?=[^。；;，,]{0,6}?(?:判处|判刑|判决))"
)
# The words that tell a record without opening a judgment: 有盗窃前科, 前科 (无前科 is a negation, for the reader to
# weigh), 刑满释放. Not the papers that prove one (前科查询, 前科劣迹证明; 刑满释放证明 in an evidence list is still 刑满释放).
RECORD_WORDS = r"(?<!没)有[^。；，,、]{0,12}前科(?!(?:劣迹)?(?:材料|查询|证明))|前科(?!(?:劣迹)?(?:查询|证明|材料))|刑满释放"
OPENING = re.compile(rf"(?P<judgment>{JUDGMENT_OPENING})|(?P<record>{RECORD_WORDS})")
# The clauses that go on telling a conviction: its sentence, its release, its punishment, and the revocation of its
# probation or parole with the execution that follows (刑法第77条、第86条: 撤销缓刑 / 撤销假释, 收监执行 / 执行原判刑罚),
# so that "…缓刑二年，后被撤销缓刑，收监执行，2019年4月刑满释放" is one conviction, released in 2019, and its
# commutation
TELLING = re.compile(
    r"判处|判刑|判决|刑满|释放|假释|缓刑|有期徒刑|拘役|管制|罚金|执行完毕|服刑|拘留|劳动教养|处罚|前科|累犯"
    r"|收监执行|收监服刑|(?:被|予以|决定)收监|执行原判|执行剩余刑期"
    # its commutation (刑法第78条: 减刑), part of its execution: "…无期徒刑，经多次减刑，于2018年9月12日刑满释放"
    r"|减刑"
)
# A criminal conviction (前科 in 三(16)'s sense): a court's sentence or a crime named as committed, not an arrest
# (因涉嫌盗窃罪被刑事拘留) nor an administrative punishment alone (因盗窃被行政拘留十日)
CRIMINAL = re.compile(
    r"判处|判刑|判决|刑满释放|有期徒刑|拘役|缓刑|刑事处罚|前科(?!劣迹)|(?<!涉嫌)犯[^。；，,]{1,12}?罪"
)
# Whose conviction: its opening follows an accomplice or several persons named, and its clause does not name the
# defendant ("证实潘某、贾某、冯某2因虚开增值税专用发票罪被判处刑罚", "同案人李某因犯盗窃罪被判处…"): another person's,
# no record of the defendant's. A single masked name is the defendant's as often as not (葛某因犯罪被判处××刑罚…是累犯).
DEFENDANT = re.compile(DEFENDANT_WORDS + r"|罪犯|本人")
SOMEONE = re.compile(r"(?:同案|另案|同伙|共犯|同犯)[^，,。；;]{0,8}$|某\d?(?:、[\u4e00-\u9fff]{1,3}某\d?)+$")
# Whose conviction, by the last person the sentence names before it: a victim, a witness, a co-defendant, a cellmate or
# a person the defendant reported ("被害人丙曾因犯故意伤害罪被判处…", "证人丁曾因…", "同案被告人乙曾因…", "检举同监室人员
# 己曾抢劫他人财物，己已因该罪被判处…": 立功 by 检举, 刑法第68条), not the defendant's record; 被告人 after them
# names the defendant again ("…与被害人乙发生争执。被告人甲曾因…"). A role that names a paper, not a person (被害人陈述,
# 证人刘某的证言, 被害人报案材料 in an evidence list before 刑满释放证明书), names no one.
PAPERS = r"(?![的及和与、，,]|[^，,。；;]{0,16}?(?:陈述|陈X|证言|证词|报案|笔录|辨认|材料))"
PERSONS = re.compile(
    rf"(?P<other>(?:被害人|受害人|证人|同案(?:被告人|犯罪嫌疑人|人|犯)?|同监(?:室|舍)(?:人员|在押人员)?){PAPERS}"
    r"|另案(?:处理的?)?(?:被告人|人员)?|被(?:检举|举报|揭发)(?:人|的)|(?:检举|举报|揭发)(?:了)?他人)"
    r"|(?P<defendant>" + DEFENDANT_WORDS + r"|罪犯|本人)"
)
# served (刑法第65条: 刑罚执行完毕): not "尚未执行完毕" / "没有执行完毕", the remainder of one still to serve
# nor "刑罚执行完毕以前" (刑法第70条's words for a sentence still being served: 判决宣告以后，刑罚执行完毕以前，发现…)
SERVED = re.compile(r"刑满释放|(?<!未)(?<!没有)执行完毕(?![以之]?前)|释放")
# a part after a semicolon that goes on telling the same conviction (刑法第77条、第86条: its revocation and execution; its
# release)
# (its release in a word of its own: "…判处有期徒刑三年；2018年7月释放"; its revocation with the reason before it: "；2018年1月
# 因违反监督管理规定被撤销缓刑")
GOES_ON = re.compile(
    r"(?:后|并|又|其)?[^，,。；;]{0,24}?(?:撤销(?:缓刑|假释)|收监执行|刑满释放|执行完毕|(?<!假)释放(?!后))"
)
AFTER_RELEASE = re.compile(r"(?:刑满释放|执行完毕|(?<!假)释放)(?:之?后|以后)")
SENTENCE_RE = re.compile(rf"{PENALTY}\s*(?:{TERM})?")
VERDICT = re.compile(r"判处|判决|判刑|决定执行")
CLAUSE_END = re.compile(r"[，,]")
SENTENCE_END = re.compile(r"[。；;]")


@dataclass(frozen=True)
class EarlierConviction:
    """One earlier conviction (or punishment) told in the text: text[start:end], opened by text[start:opening_end]."""

    start: int
    opening_end: int
    end: int
    # where the clause it opens in begins: its date stands before its opening as often as after it ("被告人李某于
    # 2004年6月4日因犯盗窃罪被…判处"), so a date from here to `end` is the conviction's, not the facts'
    clause: int
    judgment: bool  # opened by a judgment's words (曾因…, 因犯…罪…判处); False: by 前科 / 刑满释放 alone
    criminal: bool  # a criminal conviction (CRIMINAL), not only an administrative punishment or an arrest
    others: bool  # told of someone else (DEFENDANT, SOMEONE)
    served: bool  # the text says its sentence was served (刑满释放, 执行完毕)
    sentence: SentenceMention | None  # the penalty and term it states, when it states one
    pronounced: date | None  # the last date before its verdict (判处 / 判决)
    released: date | None = None  # the date of its release (2014年11月刑满释放), where it states one
    # heads a list whose items are convictions of their own (有如下前科：1、…), and is then no criminal one itself
    heading: bool = False

    def holds(self, pos: int) -> bool:
        return self.start <= pos < self.end


def earlier_convictions(text: str) -> tuple[EarlierConviction, ...]:
    """The earlier convictions `text` tells, in reading order, none overlapping."""
    return _read(text)


def conviction_at(text: str, pos: int) -> EarlierConviction | None:
    """The earlier conviction whose told span holds position `pos`, or None."""
    return next((c for c in _read(text) if c.holds(pos)), None)


def told_within(text: str, start: int, end: int) -> tuple[EarlierConviction, ...]:
    """The earlier convictions told in part within text[start:end]."""
    return tuple(c for c in _read(text) if c.start < end and c.end > start)


def without_earlier_convictions(text: str) -> str:
    """`text` with every earlier conviction it tells blanked out; same length, so that positions stay."""
    out = list(text)
    for conviction in _read(text):
        out[conviction.start : conviction.end] = " " * (conviction.end - conviction.start)
    return "".join(out)


@lru_cache(maxsize=64)
def _read(text: str) -> tuple[EarlierConviction, ...]:
    found: list[EarlierConviction] = []
    at = 0
    while (opening := OPENING.search(text, at)) is not None:
        sentence = SENTENCE_END.search(text, opening.end())
        stop = sentence.start() if sentence else len(text)
        end = _clause_end(text, opening.end(), stop)  # the clause the conviction opens goes in any case
        heads_list = False
        if opening.group("record") and not opening.group().startswith("刑满释放"):
            # …but 有盗窃前科的被告人甲在某小区窃得… goes on with the act: 前科 tells no more
            end = opening.end()
            # 有如下前科：1、2014年5月因犯…: the heading takes nothing of the items, each is a conviction of its own
            heads_list = bool(LIST_HEAD.match(text, end))
        while not heads_list:
            if end == stop and (begin := _goes_on(text, stop, opening.group("judgment") is not None)):
                # "…缓刑二年；后被撤销缓刑，收监执行；2019年4月刑满释放"
                sentence = SENTENCE_END.search(text, stop + 1)
                stop = sentence.start() if sentence else len(text)
                end = begin - 1  # a clause telling only a date goes with it
            if not (end < stop and TELLING.search(text, end, _clause_end(text, end + 1, stop))):
                break
            end = _clause_end(text, end + 1, stop)
        # "刑满释放后心怀怨恨，…": what follows the release is the new story (its motive, its act), not the conviction
        if after := AFTER_RELEASE.search(text, opening.start(), end):
            end = after.end()
        # a second judgment opening inside starts a conviction of its own
        inner = next(
            (m for m in OPENING.finditer(text, opening.end(), end) if m.group("judgment")),
            None,
        )
        if inner is not None:  # up to the clause it opens in ("…刑满释放，2015年又因犯诈骗罪…")
            end = max([opening.end()] + [text.rfind(c, opening.end(), inner.start()) for c in "，,"])
            end = end if end > opening.end() else max(inner.start(), opening.end())
        found.append(_conviction(text, opening, end))
        at = max(end, opening.end())
    return tuple(_headings_marked(text, found))


def _headings_marked(text: str, found: list[EarlierConviction]) -> list[EarlierConviction]:
    """`found` with each list heading whose first item is read as a conviction marked as one (`heading`), no criminal
    conviction of its own: its items are (有如下前科：1、2014年5月因犯…; 2021量刑指导意见 三(16) weighs each 前科, so the
    heading must not count as one more)."""
    marked = []
    for i, c in enumerate(found):
        if i + 1 < len(found) and c.end == c.opening_end and _first_item(text, c.end, found[i + 1]):
            c = dataclasses.replace(c, heading=True, criminal=False)
        marked.append(c)
    return marked


def _first_item(text: str, end: int, item: EarlierConviction) -> bool:
    """Whether `item` is the first item of a list headed at text[:end] (有如下前科：, 前科情况：, 有三次前科：): its clause
    opens right after the heading's colon."""
    head = LIST_HEAD.match(text, end)
    return head is not None and item.judgment and not text[head.end() : item.clause].strip()


def _conviction(text: str, opening: re.Match, end: int) -> EarlierConviction:
    start = opening.start()
    told = text[start:end]
    sentence = None
    if match := SENTENCE_RE.search(text, start, end):
        sentence = SentenceMention(
            PENALTY_CODES.get(match.group("penalty")),
            term_months(match),
            False,
            Span(start, end, told),
        )
    verdict = VERDICT.search(text, start, end)
    clause = _clause_start(text, start)
    dates = [
        d for m in DATE_RE.finditer(text, clause, verdict.start() if verdict else clause) if (d := date_of(m))
    ]
    return EarlierConviction(
        start=start,
        opening_end=opening.end(),
        end=end,
        clause=clause,
        judgment=bool(opening.group("judgment")),
        criminal=bool(CRIMINAL.search(told)),
        others=_of_someone_else(text, clause, start),
        served=bool(SERVED.search(told)),
        sentence=sentence,
        pronounced=dates[-1] if dates else None,
        released=_released(text, start, end),
    )


def _of_someone_else(text: str, clause: int, start: int) -> bool:
    """Whether the conviction opening at `start` is told of someone else: an accomplice or a list of names in its
    clause (SOMEONE) with no word for the defendant, or another person the last one its sentence names (PERSONS)."""
    if SOMEONE.search(text, clause, start) and not DEFENDANT.search(text, clause, start):
        return True
    named = list(PERSONS.finditer(text, sentence_start(text, start), start))
    return bool(named) and named[-1].group("other") is not None


def _clause_start(text: str, start: int) -> int:
    """Where the clause the conviction opens in begins ("2014年5月因犯盗窃罪被判处…"), a list's colon or item mark
    included as a break, and a clause before it that tells only a date taken in ("2、2016年8月，因犯抢劫罪被判处…")."""
    clause = max(text.rfind(c, 0, start) for c in CLAUSE_BREAKS) + 1
    while clause > 0 and text[clause - 1] in "，,":
        before = max(text.rfind(c, 0, clause - 1) for c in CLAUSE_BREAKS) + 1
        if not DATE_ONLY.match(text[before : clause - 1]):
            break
        clause = before
    return clause


def _released(text: str, start: int, end: int) -> date | None:
    """The date told right before its release in its own clause: "2014年11月刑满释放", "于2015年3月2日刑满释放", and
    one told relative to the date before it (…于2014年5月被判处有期徒刑六个月，同年11月刑满释放: numbers.written_dates);
    a year alone (2014年) is no release date, its end (2014年底) is."""
    release = SERVED.search(text, start, end)
    if release is None:
        return None
    clause = max([start] + [text.rfind(c, start, release.start()) + 1 for c in "，,"])
    dates = [
        d
        for found in written_dates(text[: release.start()])
        if found.span.start >= clause and (found.month or found.part) and (d := found.as_date())
    ]
    return dates[-1] if dates else None


def _goes_on(text: str, stop: int, judgment: bool) -> int | None:
    """After a semicolon, the conviction goes on where the next part opens with its revocation, its execution or its
    release and no judgment of its own (…；后被撤销缓刑，收监执行；2019年4月刑满释放; not …；2、因犯诈骗罪被判处…); after a
    full stop too where a judgment's sentence was told before it (…缓刑二年。2017年10月，该院裁定撤销缓刑，收监执行原判刑罚。
    2019年3月刑满释放。: 刑法第77条, the same conviction executed), a clause telling only a date taken in. Where it goes on:
    the start of the clause that tells it; else None."""
    if stop >= len(text) or text[stop] not in ("；;。" if judgment else "；;"):
        return None
    sentence = SENTENCE_END.search(text, stop + 1)
    hi = sentence.start() if sentence else len(text)
    begin = stop + 1
    clause = _clause_end(text, begin, hi)
    if DATE_ONLY.match(text[begin:clause]) and clause < hi:
        begin = clause + 1
        clause = _clause_end(text, begin, hi)
    first = GOES_ON.match(text, begin, clause)
    if first is None or any(m.group("judgment") for m in OPENING.finditer(text, begin, clause)):
        return None
    return begin


def _clause_end(text: str, at: int, stop: int) -> int:
    clause = CLAUSE_END.search(text, at, stop)
    return clause.start() if clause else stop
