"""A judgment read once: its counts (一、二、… / 1、2、… / 第一起 …), their sentences, the money mentions.

Extractors work on this one structure instead of each scanning the raw text and deciding for itself
which count a figure belongs to (issue 16, failure class 3). `parse(text)` is cached, so the amount,
count and per-charge code of one recommendation share one reading of the text.

Counts are the numbered items of the facts. Numbering styles nest: a style not open yet numbers inside
the open item ("一、盗窃事实 … 1、… 2、…", "二、诈骗事实 … ①… ②…"), so each section may number its acts
its own way (1、 / 1. / （1） / ①); a marker is taken only where it continues its sequence (an item
numbered 1, or one more than the last of its style under the same parent), at the start of a line or a
sentence, and a style must reach item 2 to count. The items of the innermost level are the counts. A
sentence that sums the whole case up ("上述事实…", "综上", "公诉机关认为…", "本院认为") closes the last
count: what follows belongs to no count. Things listed inside an act (窃得：1、手机一部；2、现金500元) are
no counts (_lists_a_thing), unless the words that open the list announce acts (先后实施盗窃三起： / 作案多次：,
ACTS_LEAD_RE); an item that names no time of its own is an act where those words name one (`acts`). The items
of a record (1、2014年因犯盗窃罪被判处…, earlier_convictions) are no counts either. An act told after another without a
number (另查明，2020年5月… / 此外，被告人甲还… / 同年7月，甲又…: sentence_acts.opens_apart) is an act of its own for the
charges and their scoping (`acts`, Document.apart), not a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from leniency.sentencing.extraction.amounts import Mention, find_money, sentence_spans
from leniency.sentencing.extraction.earlier_convictions import earlier_convictions
from leniency.sentencing.extraction.numbers import sentence_end
from leniency.sentencing.extraction.others_acts import in_others_act
from leniency.sentencing.extraction.parties import DEFENDANT_WORD_RE, DEFENDANT_WORDS
from leniency.sentencing.extraction.sentence_acts import EVENT_RE, RELATIVE_TIME_RE, opens_apart, tells_again

CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
# The words that open the facts ("经审理查明，1、…", "检察院指控，一、…"): a marker after their comma starts
# the facts as one after a colon does. After any other comma a number is inside a sentence.
OPENING = ("查明", "指控", "如下")
MARKER_RE = re.compile(
    r"(?:^|(?<=[。；;\n：:])|" + "|".join(f"(?<={w}[，,])" for w in OPENING) + r")[ \t\r\u3000]*"
    r"(?:(?P<cn>[一二三四五六七八九十]{1,2})、"
    r"|[（(](?P<paren>[一二三四五六七八九十]{1,2})[）)]"
    r"|[（(](?P<paren_arabic>\d{1,2})[）)]"
    r"|(?P<circled>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"
    r"|第(?P<ordinal>[一二三四五六七八九十\d]{1,3})[起次笔宗](?![的])"
    r"|(?P<arabic>\d{1,2})(?:、|[.．](?!(?!\d{4}年)[\d．.])))"  # "1.2019年" numbers a date; "1.5万" is a figure
)
CLOSING_RE = re.compile(
    r"[ \t\r\u3000]*(?:上述|以上|综上|另查明|公诉机关|检察院认为|本院认为|"
    + DEFENDANT_WORDS
    + r"[\u4e00-\u9fff×某]{0,4}到案后)"
)

# The head of an evidence item ("1、被害人王某的陈述", "3、价格认定结论书"): a list of proof, not of acts.
EVIDENCE_RE = re.compile(
    r"证言|陈述|笔录|鉴定意见|鉴定结论|认定结论|证明|证实|供述|辩解|书证|物证|照片|视听|记录(?!仪)|记录仪(?:视频|录像|资料)"
    r"|清单|情况说明|户籍"
    r"|登记表|确认表|决定书|判决书|裁定书|凭证|材料|资料|截图|光盘|复印件|证书"
)
EVIDENCE_HEAD = 40
# An item that opens with a date tells what happened on it (一、2018年4月2日，被告人甲以将乙的不雅照片发给其家人相威胁…):
# its evidence words are read only before its first comma, where an item of proof names itself (1、2019年3月5日的监控
# 录像，证实…), not in the act told after it (照片, 材料 … are often things of the act).
DATED_HEAD_RE = re.compile(r"[^，,。；;\n]{0,5}?(?:\d{4}|[〇零一二三四五六七八九]{4})年[^，,。；;\n]*[，,]")
HEADING = 30  # characters of a section's heading read with each of its acts
# A colon that opens a list of things inside an act (窃得：1、手机一部；2、现金500元 / 包括：（1）… / 分别为：①…),
# unless its clause opens facts (经审理查明： / 盗窃事实如下：). The list's items name no time (EVENT_RE) and no
# defendant (ACTOR_RE); an item that does is an act told under the one before (…先后实施盗窃：1、2019年3月… /
# 具体如下：1、被告人夏某参加…), and an item of proof (1、书证：…) stays an evidence item.
LIST_COLON_RE = re.compile(r"[：:][ \t\r\n\u3000]*$")
FACTS_CLAUSE_RE = re.compile(r"查明|指控|事实|经过")
# Words that announce acts, not things (先后实施盗窃三起： / 作案多次： / 实施了以下行为：): a list they open numbers acts,
# and its items need not name a time of their own, the lead's time is theirs ("2019年4月至6月间，被告人甲先后
# 实施盗窃：1、在某超市窃得…；2、…"). 窃得： / 查获： / 包括： announce things.
ACTS_LEAD_RE = re.compile(r"实施|作案|多次|[一二三四五六七八九十两\d]{1,3}[起次]")
# where a telling of the facts begins (公诉机关指控：… / 经审理查明：…), not 另查明, which tells more of the same
FACTS_OPENING_RE = re.compile(r"指控|(?<!另)查明")
# An item that tells the defendant's record (前科: 1、2014年5月因犯盗窃罪被判处有期徒刑六个月；2、…刑满释放 / 因盗窃被行政
# 拘留十日) is no count of this case: an earlier sentence or punishment (earlier_convictions), not an act judged here.
ACTOR_RE = DEFENDANT_WORD_RE
# An act told after the record in the item's first sentence ("1、甲曾因犯盗窃罪…2019年1月刑满释放后仍不思悔改，于2019年5月3日
# 在某菜市场窃取…"): the record is the time the act came after (后, then a day), and the item is a count of this case
# (E67). A record item tells no day after its release or sentence.
ACT_AFTER_RECORD_RE = re.compile(r"[^。；;\n]{0,3}?(?:后|之后|以后)[^。；;\n]{0,20}?\d{1,2}月\d{1,2}日")
RECORD_TAIL = 3  # the record's span may end with its 后 (刑满释放后)


@dataclass(frozen=True)
class Count:
    """One numbered item of the facts: `path` ("一/2") names it, text[start:end] is what it tells."""

    number: int  # 1-based, in reading order
    path: str
    start: int
    end: int
    evidence: bool = False  # an item of the evidence list (证人证言, 鉴定意见 …), not an act
    section: int = -1  # where its outermost item begins ("一、盗窃事实" over "1、…"); its own start if none
    # the words that open its list (2019年4月至6月间，被告人甲先后实施盗窃三起：): from the item above, or from the
    # start of the sentence, to the list's item 1
    lead: tuple[int, int] = (0, 0)
    # an act told without a number after another (sentence_acts.opens_apart), its path "另1", "另2" …
    apart: bool = False


@dataclass
class Document:
    text: str
    sentences: list[tuple[int, int, bool]]  # (start, end, repeated) as amounts.sentence_spans gives them
    counts: list[Count] = field(default_factory=list)
    apart: list[Count] = field(default_factory=list)  # the acts told without a number (`_apart_acts`)
    money: list[Mention] = field(default_factory=list)

    def count_at(self, pos: int) -> Count | None:
        """The count whose text holds position `pos`, or None (the preamble, a summary)."""
        for count in self.counts:
            if count.start <= pos < count.end:
                return count
        return None

    def sentence_text(self, index: int) -> str:
        start, end, _ = self.sentences[index]
        return self.text[start:end]

    def sentence_count(self, index: int) -> Count | None:
        return self.count_at(self.sentences[index][0])

    def money_in(self, count: Count) -> list[Mention]:
        return [m for m in self.money if count.start <= m.span.start < count.end]


@lru_cache(maxsize=8)
def parse(text: str) -> Document:
    """The judgment's structure; the same object for the same text (do not mutate it)."""
    sentences = sentence_spans(text)
    counts = _counts(text, sentences)
    document = Document(
        text=text, sentences=sentences, counts=counts, apart=_apart_acts(text, sentences, counts)
    )
    document.money = find_money(text, sentences)
    return document


def _value(match: re.Match) -> tuple[str, int] | None:
    for style in ("cn", "paren", "paren_arabic", "circled", "ordinal", "arabic"):
        raw = match.group(style)
        if raw is None:
            continue
        if style == "circled":
            return style, ord(raw) - ord("①") + 1
        if raw.isdigit():
            return style, int(raw)
        if len(raw) == 1:
            return style, CN_DIGITS[raw]
        if raw[0] == "十":  # 十一 .. 十九
            return style, 10 + CN_DIGITS.get(raw[1], 0)
        if raw[1] == "十":  # 二十
            return style, CN_DIGITS[raw[0]] * 10
        return None
    return None


def _counts(text: str, sentences: list[tuple[int, int, bool]]) -> list[Count]:
    path: list[tuple[str, int]] = []  # the open item at each level
    items: list[tuple[int, list[tuple[str, int]]]] = []  # (position, path down to the item)
    listed: tuple[str, int] | None = None  # the last item of a list of things inside the open act
    closing = _closing_starts(text, sentences, 0)
    for match in MARKER_RE.finditer(text):
        found = _value(match)
        if found is None:
            continue
        style, number = found
        if _tells_a_record(text, match.end()):
            continue
        restarts = number == 1 and style in (step[0] for step in path)
        if path and _lists_a_thing(text, match, found, listed, restarts):
            listed = found
            continue
        listed = None
        styles = [step[0] for step in path]
        # a style not on the path numbers inside the open item
        depth = styles.index(style) if style in styles else len(path)
        if depth == len(path) and items and any(items[-1][0] < c < match.start() for c in closing):
            continue  # numbered below a summing-up sentence ("上述事实，有下列证据证实：1、…"): evidence
        if depth < len(path):
            accepted = number == path[depth][1] + 1
        else:
            accepted = number == 1
        if not accepted:
            continue
        path = path[:depth] + [(style, number)]
        items.append((match.start(), list(path)))
    # a style that never reaches its item 2 numbers nothing (a lone "一、" heading)
    reached = {style for _, p in items for style, number in p if number >= 2}
    kept = [(pos, [step for step in p if step[0] in reached]) for pos, p in items if p[-1][0] in reached]
    if not kept:
        return []
    closing = _closing_starts(text, sentences, kept[0][0])
    counts: list[Count] = []
    section = kept[0][0]
    heads: list[int] = []  # where each item on the path down to this one begins
    firsts: list[int] = []  # where the list of each item on the path begins (its item 1)
    for i, (pos, p) in enumerate(kept):
        if len(p) == 1:
            section = pos
        heads = heads[: len(p) - 1] + [pos]
        if p[-1][1] == 1 or len(firsts) < len(p):
            firsts = firsts[: len(p) - 1] + [pos]
        else:
            firsts = firsts[: len(p)]
        opening = heads[-2] if len(p) > 1 else max(text.rfind(c, 0, firsts[0]) for c in "。\n") + 1
        if i + 1 < len(kept) and len(kept[i + 1][1]) > len(p):
            continue  # a heading over numbered items: the items are the counts
        end = kept[i + 1][0] if i + 1 < len(kept) else len(text)
        end = next((c for c in closing if pos < c < end), end)
        label = "/".join(_label(style, number) for style, number in p)
        # an item under an evidence heading ("1.证人证言\n（1）陈某的证言…") is evidence as well
        evidence = any(
            EVIDENCE_RE.search(text, head, min(end, _head_end(text, head), *(h for h in heads if h > head)))
            for head in heads
        )
        counts.append(Count(len(counts) + 1, label, pos, end, evidence, section, (opening, firsts[-1])))
    return counts


def _apart_acts(text: str, sentences: list[tuple[int, int, bool]], counts: list[Count]) -> list[Count]:
    """The acts told without a number of their own (sentence_acts.opens_apart), each from the sentence that opens it to
    the next such sentence, a sentence summing up (CLOSING_RE) or the next telling of the facts (指控 / 查明). Where no
    numbered count comes before it in its telling, the narrative from that telling's start is the first act.
    Inside a numbered count, a further act is that count's (`told_acts`)."""
    parts = [0] + [m.start() for m in FACTS_OPENING_RE.finditer(text)]
    openings = [
        lo
        for lo, hi, _ in sentences
        if not any(c.start <= lo < c.end for c in counts) and opens_apart(text, lo, hi)
    ]
    if not openings:
        return []
    closing = [c for c in _closing_starts(text, sentences, 0) if c not in openings]
    found: list[tuple[int, int]] = []
    for i, at in enumerate(openings):
        part = max(p for p in parts if p <= at)
        earlier = found[-1][0] if found else -1
        if earlier < part and not any(part <= c.start < at for c in counts):
            found.append((part, at))  # the first act of this telling
        stop = min(
            [p for p in parts if p > at]
            + [c for c in closing if c > at]
            + openings[i + 1 : i + 2]
            + [len(text)]
        )
        found.append((at, stop))
    return [
        Count(len(counts) + n, f"另{n}", lo, hi, section=lo, lead=(lo, lo), apart=True)
        for n, (lo, hi) in enumerate(found, start=1)
    ]


def _head_end(text: str, head: int) -> int:
    """Where the head of the item at `head` ends, for its evidence words: EVIDENCE_HEAD characters on, or its first
    comma where it opens with a date (DATED_HEAD_RE)."""
    dated = DATED_HEAD_RE.match(text, head)
    return min(head + EVIDENCE_HEAD, dated.end()) if dated else head + EVIDENCE_HEAD


def _lists_a_thing(
    text: str, match: re.Match, found: tuple[str, int], listed: tuple[str, int] | None, restarts: bool
) -> bool:
    """Whether the marker `match` numbers a thing listed inside an act, not an act: the first item right after a
    colon that opens no facts, an item 1 of a numbering already open (窃得以下物品。1、手机一部；2、…: no act
    restarts its level's count), or the next item of such a list; any of them an item that names no time, no
    defendant and no proof."""
    style, number = found
    if listed is not None and listed[0] == style and number == listed[1] + 1 or restarts:
        opens = True
    elif number == 1 and LIST_COLON_RE.search(text, 0, match.start()):
        clause = max(text.rfind(c, 0, match.start()) for c in "。；;\n，,")
        colon = max(text.rfind("：", 0, match.start()), text.rfind(":", 0, match.start()))
        opens = not (
            FACTS_CLAUSE_RE.search(text, clause + 1, colon) or ACTS_LEAD_RE.search(text, clause + 1, colon)
        )
    else:
        opens = False
    if not opens:
        return False
    end = sentence_end(text, match.end())
    return not (
        EVENT_RE.search(text, match.end(), end)
        or RELATIVE_TIME_RE.search(text, match.end(), end)
        or ACTOR_RE.search(text, match.end(), end)
        or EVIDENCE_RE.search(text, match.end(), min(end, match.end() + EVIDENCE_HEAD))
    )


def _tells_a_record(text: str, start: int) -> bool:
    """Whether the item that starts at `start` tells a record (an earlier judgment or a release opens in its first
    sentence: earlier_convictions; an act that names the defendant's 前科 in passing is still an act), not being an
    item of proof (1、刑事判决书、刑满释放证明 … stays in its evidence list). An item whose first sentence goes on after
    the record to a day the act was done on (刑满释放后…于2019年5月3日窃取…) is a count (ACT_AFTER_RECORD_RE)."""
    end = sentence_end(text, start)
    records = [
        c
        for c in earlier_convictions(text)
        if start <= c.start < end and (c.judgment or text.startswith("刑满释放", c.start))
    ]
    if not records or ACT_AFTER_RECORD_RE.match(text, max(c.end for c in records) - RECORD_TAIL, end):
        return False
    return not EVIDENCE_RE.search(text, start, min(end, start + EVIDENCE_HEAD))


def _closing_starts(text: str, sentences: list[tuple[int, int, bool]], first: int) -> list[int]:
    return [start for start, _, _ in sentences if start > first and CLOSING_RE.match(text, start)]


def _label(style: str, number: int) -> str:
    if style == "cn":
        return f"{_cn(number)}、"
    if style == "paren":
        return f"（{_cn(number)}）"
    if style == "paren_arabic":
        return f"（{number}）"
    if style == "circled":
        return chr(ord("①") + number - 1)
    if style == "ordinal":
        return f"第{_cn(number)}起"
    return f"{number}、"


def _cn(number: int) -> str:
    names = "一二三四五六七八九十"
    if number <= 10:
        return names[number - 1]
    if number < 20:
        return "十" + names[number - 11]
    return names[number // 10 - 1] + "十" + (names[number % 10 - 1] if number % 10 else "")


def acts(document: Document) -> list[Count]:
    """The counts that tell an act (`numbered_acts`), then the acts told without a number (`_apart_acts`)."""
    return numbered_acts(document) + document.apart


def numbered_acts(document: Document) -> list[Count]:
    """The counts that tell an act: not evidence items, and with a time in them or in the words that open
    their list as a list of acts (ACTS_LEAD_RE: "2019年4月至6月间，被告人甲先后实施盗窃三起：1、…")."""
    text = document.text
    return [
        c
        for c in document.counts
        if not c.evidence
        and (
            EVENT_RE.search(text, c.start, c.end)
            or EVENT_RE.search(text, *c.lead)
            and ACTS_LEAD_RE.search(text, *c.lead)
        )
    ]


def told_acts(document: Document, start: int, end: int) -> int:
    """The acts one numbered act text[start:end] tells: itself, and each later sentence of it that tells another
    act done again (AGAIN_RE, after a time of its own)."""
    return 1 + sum(
        1 for lo, hi, _ in document.sentences if start < lo < end and tells_again(document.text, lo, hi)
    )


def numbered_counts(document: Document, charges: list[str], stated: int | None) -> int | None:
    """The number of criminal acts: the larger of a stated figure ("作案三次") and the numbered acts, each
    with the acts it tells again inside it (`told_acts`).

    Numbered acts count only for a case of one charge (with several, the items may be one act of
    each charge) and only from two up.
    """
    # a count a co-offender did without the defendant is not one of his acts (others_acts.py, task E60)
    # acts told without a number are read for their charge, not counted here (`dated_acts` counts a charge's dates)
    own = [a for a in numbered_acts(document) if not in_others_act(document.text, a.start)]
    numbered = sum(told_acts(document, a.start, a.end) for a in own) if len(charges) <= 1 else 0
    if numbered < 2:
        return stated
    return max(stated or 0, numbered)


def acts_by_charge(document: Document, charges: list[str], tells_of) -> list[tuple[str, Count]]:
    """Each numbered act of a case of several charges with the charge it tells of (class 3: scoping).

    `tells_of(text, charges)` names the charge a piece of text tells of (ChargeModel.best_of): each act
    is read with the heading of its section ("一、盗窃事实 … 1、…"). Empty when the text numbers no acts.
    """
    found: list[tuple[str, Count]] = []
    for act in acts(document):
        heading = (
            document.text[act.section : min(act.section + HEADING, act.start)] if 0 <= act.section else ""
        )
        charge = tells_of(heading + document.text[act.start : act.end], charges)
        if charge is not None:
            found.append((charge, act))
    return found
