"""Injuries the crime caused, read from the text: the grades of 《人体损伤程度鉴定标准》 (轻微伤 … 重伤一级) and deaths,
killings told by their verb, never a death or injury intended, feared or escaped, a co-offender's status, nor the
defendant's own; and how many persons suffered them (`injured_persons`). Moved out of quantities.py (E56) with no
change of behaviour."""

from __future__ import annotations

import re

from leniency.sentencing.extraction.numbers import NUMBER, bounds, parse_number, span
from leniency.sentencing.extraction.parties import DEFENDANT_WORDS
from leniency.sentencing.extraction.victims import (
    FREE_NAME,
    LETTERED_RE,
    MASKED_NAME,
    NAME_GROUP_RE,
    VICTIM,
    defendant_names,
    lettered_victims,
    person_named,
)
from leniency.sentencing.facts import Finding, InjuryGrade

SENTENCE_BREAK = "。；;\n"

# the grades of 《人体损伤程度鉴定标准》(2014; recalled): 重伤一级/二级, 轻伤一级/二级, also written 轻伤（一级） and with
# the financial numerals (轻伤壹级)
INJURY_LEVEL = r"[（(]?[一二12壹贰]级[）)]?"
INJURY_RE = re.compile(rf"轻微伤|轻伤(?P<light>{INJURY_LEVEL})?|重伤(?P<serious>{INJURY_LEVEL})?|(?<!非)死亡")
FIRST_LEVEL = re.compile("[一1壹]")
INJURY_NEGATION = re.compile(
    r"(?:未达到?|不构成|不属于|尚不构成|未构成|未造成|没有造成|无(?!效))[^，,。；;]{0,4}$"
)  # "经抢救无效死亡" is a death
INJURY_ORDER = list(InjuryGrade)
# a death or serious injury intended, feared, possible or escaped, not one the crime caused: 意图致李某死亡, 明知可能导致
# 被害人死亡, 足以致人重伤(的凶器), 以为被害人已经死亡, 幸免于死亡, 未致被害人重伤 (nothing is aggravated by it)
NOT_CAUSED = re.compile(
    r"(?:意图|企图|欲|想要|追求|希望|可能|足以|害怕|担心|唯恐|以为|幸免于?|险些|差点|未致|未能致|没有致|不致)[^，,。；;]{0,10}$"
)
# A killing told by its verb, not by 死亡 (将徐某杀害, 李某被其刺死, 杀害了王某): a death. Said of one threatened,
# intended or tried (以杀害人质相威胁, 扬言要将其打死, 欲杀害灭口, 杀害未遂) it is none: the threat and intent words
# before it in its clause, and an attempt or failure after it. 杀害 is said of persons only; 打死, 刺死 … of an
# animal too (将其饲养的狗打死), so those need a person in the clause and no animal.
KILLED_RE = re.compile(
    r"(?:(?:将|把)[^，,。；;]{1,12}?|被(?!告|害人|执行人)[^，,。；;]{0,8}?)(?:(?P<murder>杀害)|(?P<verb>[杀打砍刺捅勒掐扼闷溺烧撞致]死))"
    r"|(?P<murder_of>杀害)了"
)
KILL_NOT_DONE = re.compile(
    r"(?:扬言|威胁|恐吓|声称|要(?!求)|欲|想|企图|意图|意欲|预谋|准备|计划|密谋|商议|商量|否则|如不|不然|试图)"
    r"[^，,。；;]*$"
)
KILL_FAILED = re.compile(r"^[^，,。；;]{0,4}?(?:未遂|未果|未得逞|未成|相威胁|为由|作为要挟)")
PERSON_RE = re.compile(r"某|被害人|受害人|其|人|[妻夫儿女父母兄弟姐妹]")
ANIMAL_RE = re.compile(r"[狗犬猫牛羊猪鸡鸭鹅马驴骡鱼兔禽畜]")
# a death said of a person's status, not caused by the crime (see _status_death)
STATUS_WINDOW = 24
HARM_RE = re.compile(r"致|抢救|当场|伤|鉴定|击|砍|刺|捅|打|杀|勒|掐|溺|撞")
CO_OFFENDER_DEAD_RE = re.compile(
    r"(?:同案人|同案犯|同伙|另案处理|犯罪嫌疑人)[^，,。；;]{0,16}已(?:于[^，,。；;]{0,14})?(?:因病)?$"
)
# The persons an injury is told of where the text names no one (injured_persons): victims lettered (被害人甲、乙), a
# number of them (两名被害人, 致二被害人均轻伤, 致三人轻伤), a new one (一名男子, 另一名男子), or one told before
# (该男子, 被害人, 其). Those brought along by the defendant (伙同两名男子, 与一名男子) are no victims. A number of persons
# told of a part (造成三人受伤，其中二人轻伤二级) or told right before their grade (乘客三人受轻伤) is the number hurt.
PERSON_NOUN = r"(?:被害人|受害人|男子|女子|妇女|老人|儿童|行人|路人|村民)"
NUMBERED_PERSONS_RE = re.compile(
    rf"(?P<another>另(?:外)?一?)?(?P<num>{NUMBER})(?:名|位|个)?{PERSON_NOUN}"
    rf"|(?:(?<=[致将把])|(?<=造成))(?P<num2>[两二三四五六七八九十]|\d{{1,2}})(?:名|位|个)?人"
    rf"|(?<=其中)(?P<num4>[一两二三四五六七八九十]|\d{{1,2}})(?:名|位|个)?(?:人|被害人)"
    rf"|(?P<num3>[两二三四五六七八九十]|\d{{1,2}})(?:名|位|个)?人(?=(?:均|都)?(?:受|被|构成|系|为)?(?:轻微伤|轻伤|重伤|死亡))"
    rf"|(?P<other>另(?:外)?(?:一)?(?:名|位|个)?){PERSON_NOUN}"
)
TOLD_BEFORE_RE = re.compile(rf"该{PERSON_NOUN}|{PERSON_NOUN}|其")
# A summary of the harm by kind (造成一人轻伤、一人死亡; 致一人死亡、二人轻伤): each item is persons of its own, so the
# persons of a grade are its item's number and those of several grades the sum of their items
SUMMED_GRADE = r"(?:轻微伤|轻伤(?:[一二12]级)?|重伤(?:[一二12]级)?|死亡)"
SUMMED_NUMBER = r"[一两二三四五六七八九十]{1,3}|\d{1,3}"
SUMMED_PERSONS = r"(?:名|位|个)?(?:人|被害人|受害人)"
SUMMED_ITEM_RE = re.compile(rf"(?P<num>{SUMMED_NUMBER}){SUMMED_PERSONS}")
SUMMED_ITEM = rf"(?:{SUMMED_NUMBER}){SUMMED_PERSONS}(?:均|都)?{SUMMED_GRADE}"
# the persons told after their grade, a summary by kind the other way round (轻伤二级二人、轻微伤一人)
PERSONS_AFTER_GRADE_RE = re.compile(rf"(?:各|均|共)?(?P<num>{SUMMED_NUMBER})(?:名|位|个)?人")
SUMMARY_RE = re.compile(rf"(?:致使?|造成)了?{SUMMED_ITEM}(?:[、，,和及]{SUMMED_ITEM})*")
# a lettered victim told again by the letter alone (经鉴定，甲的损伤程度为轻伤二级), once the text has lettered the victims
LETTER_AGAIN_RE = re.compile(r"(?:(?<=[，,。；;：:、将把致和与及])|^)([甲乙丙丁戊己])(?=[的、和及与被受系])")
ACCOMPLICE_BEFORE = re.compile(r"(?:伙同|纠集|带领|邀约|叫上|与|和|同|及)$")
# The defendant's own injury (被告人刘某的损伤程度为轻伤二级, 被告人亦受轻微伤): the crime's harm is the harm done to
# another (刑法第234条 "伤害他人身体", 第232条 "杀人"), so it grades nothing. Told as the defendant's: the defendant is
# the person told last before the grade in its clause chain, and what lies between says the defendant suffered it
# (的/之 + 损伤, 伤情, 伤势; 亦受, 也受), with no act on anyone (致, 将, 把, 打 …) nor another person in between.
DEFENDANT_TOLD_RE = re.compile(rf"{DEFENDANT_WORDS}(?:{MASKED_NAME})?")  # the word, with his name
SUFFERED_RE = re.compile(
    r"^(?:亦|也|同时|本人)?(?:(?:的|之)[^，,。；;]{0,4}?(?:损伤|伤情|伤势)[^，,。；;致将把对向打砍刺捅撞]{0,10}|(?:亦|也)?受(?:到|了)?)$"
)
OTHER_PERSON_RE = re.compile(rf"{FREE_NAME}|被害人|受害人|其|他人|对方|男子|女子")


def find_injuries(text: str) -> list[Finding]:
    findings: list[Finding] = []
    for match in INJURY_RE.finditer(text):
        lo, _ = bounds(text, match.start(), match.start(), "，,。；;\n")
        if INJURY_NEGATION.search(text[max(lo, match.start() - 10) : match.start()]):
            continue
        word = match.group()
        if word == "死亡" and _status_death(text, match.start()):
            continue
        if _defendants_own(text, match.start()):
            continue
        if (word == "死亡" or word.startswith("重伤")) and NOT_CAUSED.search(
            text[max(lo, match.start() - 12) : match.start()]
        ):
            continue
        if word == "轻微伤":
            grade = InjuryGrade.MINOR
        elif word.startswith("轻伤"):
            grade = (
                InjuryGrade.LIGHT_1
                if match.group("light") and FIRST_LEVEL.search(match.group("light"))
                else InjuryGrade.LIGHT_2
            )
        elif word.startswith("重伤"):
            grade = (
                InjuryGrade.SERIOUS_1
                if match.group("serious") and FIRST_LEVEL.search(match.group("serious"))
                else InjuryGrade.SERIOUS_2
            )
        else:
            grade = InjuryGrade.DEATH
        findings.append(Finding("injury", grade, span(text, match.start(), match.end())))
    findings += _killings(text)
    return sorted(findings, key=lambda finding: finding.span.start)


def _defendants_own(text: str, at: int) -> bool:
    """Whether the injury grade at `at` is told of the defendant's own body (see SUFFERED_RE)."""
    lo, _ = bounds(text, at, at, SENTENCE_BREAK)
    told = list(DEFENDANT_TOLD_RE.finditer(text, lo, at))
    if not told:
        return False
    defendant = told[-1]
    names = {person_named(n) for n in defendant_names(text)}
    # 经鉴定田某的损伤程度…: the defendant told again by name alone, in a later clause of the sentence
    again = [m for m in NAME_GROUP_RE.finditer(text, defendant.end(), at) if person_named(m.group()) in names]
    start = again[-1].end() if again else defendant.end()
    clause = re.split("[，,]", text[start:at])[-1] if again else text[start:at]
    return not OTHER_PERSON_RE.search(clause) and bool(SUFFERED_RE.search(clause))


def _killings(text: str) -> list[Finding]:
    """The deaths told by a killing verb (see KILLED_RE), each at its verb so that the person named before it is
    the one killed (injured_persons)."""
    found = []
    for match in KILLED_RE.finditer(text):
        verb = next(group for group in ("murder", "verb", "murder_of") if match.group(group))
        lo, hi = bounds(text, match.start(), match.end(), "，,。；;\n")
        if KILL_NOT_DONE.search(text[lo : match.start()]) or KILL_FAILED.search(text[match.end(verb) : hi]):
            continue
        told = text[lo : match.start(verb)]
        if verb == "verb" and (not PERSON_RE.search(told) or ANIMAL_RE.search(told)):
            continue
        found.append(Finding("injury", InjuryGrade.DEATH, span(text, match.start(verb), match.end(verb))))
    return found


def injured_persons(text: str, findings: list[Finding]) -> int:
    """How many persons the injury mentions `findings` are of: each mention is of the persons told last before it in
    its sentence (经鉴定，周某的损伤程度为轻伤二级 / 将周某、王某打致轻伤 / 将一名男子砍致轻伤，又将另一名男子砍致轻伤 /
    致二被害人均轻伤), so a victim's injury told twice (致其轻伤 … 经鉴定…轻伤二级) is one person; the guideline adds
    punishment per person (每增加一人: 2021量刑指导意见 四(七), 四(十); issue 16 class 3). Persons named or lettered
    are counted once each, a new unnamed one (一名男子, 另一名男子) once each besides them, and a number of persons told
    at once (两名被害人) is a floor. Mentions telling of no one new count as one person together, only where nothing
    else is counted; a defendant is no victim. A finding not read from `text` (no span there: given by a person) is
    a person of its own."""
    defendants = {person_named(n) for n in defendant_names(text)}
    persons: set[str] = set()
    # unnamed persons told as new: 一名男子 once however often, each 另一名… by its place
    new: set[tuple] = set()
    floor = 0
    given = 0
    unnamed = False
    summaries: dict[int, dict[int, int]] = {}  # the items of each summary the findings are of (SUMMARY_RE)
    for finding in findings:
        at = finding.span
        if at is None or text[at.start : at.end] != at.quote:
            given += 1
            continue
        lo, _ = bounds(text, at.start, at.start, SENTENCE_BREAK)
        kind, told = _told_last(text, lo, at.start)
        if after := PERSONS_AFTER_GRADE_RE.match(text, at.end):
            kind, told = "summed", (-1 - lo, at.start, int(parse_number(after.group("num")) or 1))
        if kind == "names":
            names = {person_named(n) for n in told} - defendants
            persons |= names
            unnamed = unnamed or not names
        elif kind == "number":
            floor = max(floor, told)
        elif kind == "summed":
            summary, item, number = told
            summaries.setdefault(summary, {})[item] = number
        elif kind == "new":
            new |= {(told, i) for i in range(told[1] if isinstance(told, tuple) else 1)}
        else:
            unnamed = True
    floor = max([floor, *(sum(items.values()) for items in summaries.values())])
    counted = max(len(persons) + len(new), floor)
    return given + (counted or int(unnamed))


def _told_last(text: str, lo: int, hi: int) -> tuple[str, object]:
    """Who text[lo:hi] tells of last (see injured_persons): ("names", [names]), ("number", n), ("new", key),
    ("summed", (summary, item, n)) for an item of a summary by kind, or ("before", None) for one told before or no
    one."""
    told: list[tuple[int, int, str, object]] = []  # (end, priority, kind, what)
    for match in NAME_GROUP_RE.finditer(text, lo, hi):
        told.append((match.end(), 2, "names", re.findall(FREE_NAME, match.group())))
    for match in LETTERED_RE.finditer(text, lo, hi):
        told.append((match.end(), 2, "names", re.split("[、和及与]", match.group(1))))
    lettered = lettered_victims(text)
    for match in LETTER_AGAIN_RE.finditer(text, lo, hi):
        if match.group(1) in lettered:
            told.append((match.end(), 1, "names", [match.group(1)]))
    _, end = bounds(text, hi, hi, SENTENCE_BREAK)
    for match in NUMBERED_PERSONS_RE.finditer(text, lo, end):  # to its end: num3 looks at the grade after it
        if match.end() > hi:
            break
        if ACCOMPLICE_BEFORE.search(text, max(lo, match.start() - 2), match.start()):
            continue
        raw = match.group("num") or match.group("num2") or match.group("num3") or match.group("num4")
        number = parse_number(raw) if raw else 1
        if number is None or number < 1:
            continue
        # a number of persons; one after 致 or 造成 (致1人轻微伤, 造成一名被害人轻伤) sums up and names no one new
        summed_up = text[match.start() - 1 : match.start()] == "致" or text.endswith("造成", 0, match.start())
        told_as_number = match.group("num2") or match.group("num3") or match.group("num4")
        if (number >= 2 and not match.group("another")) or told_as_number or summed_up:
            told.append((match.end(), 1, "number", int(number)))
        elif match.group("another") or match.group("other"):
            told.append((match.end(), 1, "new", (match.start(), int(number))))
        else:
            told.append((match.end(), 1, "new", match.group()))
    for summary in SUMMARY_RE.finditer(text, lo, end):
        if summary.start() >= hi:
            break
        for item in SUMMED_ITEM_RE.finditer(text, summary.start(), summary.end()):
            number = parse_number(item.group("num"))
            if item.end() <= hi and number is not None and number >= 1:
                told.append((item.end(), 2, "summed", (summary.start(), item.start(), int(number))))
    for match in TOLD_BEFORE_RE.finditer(text, lo, hi):
        told.append((match.end(), 0, "pronoun" if match.group() == "其" else "before", None))
    # one told before is the person told last before it (将周某砍伤，致其轻伤 / 将一名男子砍倒，致该男子轻伤), except
    # that one person after a number of them is no longer that number (两名男子上前劝阻，张某将被害人砍伤)
    kind, what = "before", None
    for _, _, told_kind, told_what in sorted(told, key=lambda t: (t[0], t[1])):
        if told_kind == "pronoun" or (told_kind == "before" and kind in ("names", "new")):
            continue
        kind, what = told_kind, told_what
    return kind, what


def _status_death(text: str, at: int) -> bool:
    """Whether the 死亡 at `at` says that someone is dead, not that the crime killed anyone: a co-offender's status
    in parentheses (伙同李某（已死亡）, 张某（另案处理，已病故死亡）) or said of a co-offender (同案人李某已于2019年死亡).
    Counted as the crime's harm, it put a kidnapping into 刑法第239条第2款 (life or death) and a robbery into its
    aggravated bracket (issue 16, classes 3 and 6). A victim's death in parentheses (被害人李某（已死亡）) stays."""
    opened = max(text.rfind("（", 0, at), text.rfind("(", 0, at))
    closed = max(text.rfind("）", 0, at), text.rfind(")", 0, at))
    if opened > closed and at - opened <= STATUS_WINDOW:
        inside = text[opened + 1 : at]
        named = VICTIM.search(text[max(0, opened - STATUS_WINDOW) : opened])
        return "已" in inside and not HARM_RE.search(inside) and named is None
    lo, _ = bounds(text, at, at, "，,。；;\n")
    return bool(CO_OFFENDER_DEAD_RE.search(text[lo:at]))


def worst_injury(findings: list[Finding]) -> InjuryGrade | None:
    grades = [f.value for f in findings if isinstance(f.value, InjuryGrade)]
    return max(grades, key=INJURY_ORDER.index) if grades else None
