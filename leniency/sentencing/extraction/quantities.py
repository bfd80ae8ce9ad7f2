"""Quantities other than money: drugs (read in drug_quantities.py), injuries, disability, blood alcohol, age, counts and
victims."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import lru_cache

from leniency.sentencing.extraction.drug_quantities import (
    find_drugs as find_drugs,  # imported from here by others
)
from leniency.sentencing.extraction.earlier_convictions import earlier_convictions
from leniency.sentencing.extraction.numbers import (
    DATE_RE,
    NUMBER,
    bounds,
    date_of,
    parse_number,
    span,
)
from leniency.sentencing.extraction.parties import DEFENDANT_WORD_RE, DEFENDANT_WORDS, bare_defendant_names
from leniency.sentencing.extraction.parties import MASKED_NAME as BARE_MASKED_NAME
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

# 伤残等级 as 《人体损伤致残程度分级》(2016, in force 2017-01-01; recalled, unconfirmed) names it: 致残程度 一级 to 十级,
# and as older opinions wrote it (伤残等级, 伤残程度), in Roman numerals too (Ⅸ级伤残)
ROMAN_GRADES = dict(zip("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ", range(1, 11), strict=True))
GRADE_NUMBER = rf"{NUMBER}|[{''.join(ROMAN_GRADES)}]"
DISABILITY_RE = re.compile(
    rf"(?P<a>{GRADE_NUMBER})级(?:伤残|致残)|(?:伤残|致残)(?:等级|程度)?(?:评定|鉴定)?(?:为|属|系|构成|达到?)?"
    rf"(?P<b>{GRADE_NUMBER})级"
)
BAC_RE = re.compile(
    rf"(?:乙醇|酒精)(?:定量)?(?:含量|浓度)?(?:检测|检验)?(?:结果)?(?:为|是|达|：|:)?\s*(?P<num>{NUMBER})\s*"
    r"(?:mg|ｍｇ|㎎|毫克)\s*[/／每]\s*(?:100|１００)\s*(?:ml|mL|ML|ｍｌ|㎖|毫升)"
)  # "乙醇定量检测为286.85mg／100ml", "酒精含量194.33㎎／100ml" as courts write them
BREATH_RE = re.compile(r"呼气|呼吸")  # a breath test, before the reading's own words
BREATH_WINDOW = 6
DATE = r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?"
DATE_B = r"(?P<y2>\d{4})年(?P<m2>\d{1,2})月(?:(?P<d2>\d{1,2})日)?"
BIRTH_RE = re.compile(rf"{DATE}(?:出生|生)|出生(?:日期|年月日|于)?(?:为|是|：|:)?{DATE_B}")
BIRTH_BEFORE = re.compile(r"(?:出生|生于|出生日期|出生于)[为是：:]?$")
AGE_RE = re.compile(rf"(?P<num>{NUMBER})(?:周)?岁")
DEFENDANT_NAME_RE = re.compile(
    DEFENDANT_WORDS + r"([\u4e00-\u9fff](?:某某|某[甲乙丙丁\d]*|[X×]{1,3}\d*|[\u4e00-\u9fff]某\d?))"
)
VICTIM = re.compile(r"被害人|受害人|失主|妇女|女子|男子|老人|儿童")

COUNTS_RE = re.compile(
    rf"(?:作案|盗窃|诈骗|抢劫|抢夺|先后|共计?|累计|合计|分别)(?P<num>{NUMBER})(?:次|起)(?!.{{0,2}}取)"
)
# The number told before the act (两次盗窃, 3次入户盗窃, 分三次向张某贩卖): as many acts. Not an earlier conviction's
# (曾两次盗窃), an ordinal (第二次) nor instalments of something else (分三次退赔).
CRIME_VERB = r"(?:入户盗窃|盗窃|扒窃|窃取|抢劫|抢夺|诈骗|骗取|敲诈勒索|贩卖|出售|猥亵|强奸)"
TIMES_BEFORE_VERB_RE = re.compile(
    rf"(?<![曾第0-9０-９一二两三四五六七八九十])(?:(?<=分)(?P<split>{NUMBER})次[^，,。；;]{{0,12}}?"
    rf"|(?<!分)(?P<num>{NUMBER})次(?:在[^，,。；;]{{0,10}}?)?){CRIME_VERB}"
)
# "多次抢劫" with no number: the law reads 多次 as three times or more (盗窃、敲诈勒索: 法释〔2013〕8号 art. 3,
# 法释〔2013〕10号 art. 3; 抢劫: 法发〔2005〕8号 item 3), so it is three acts at least.
REPEATED_RE = re.compile(
    r"(?<!曾)多次(?:实施|进行|在[^，,。；;]{0,12})?(?:入户盗窃|盗窃|扒窃|抢劫|抢夺|诈骗|敲诈勒索|聚众斗殴|猥亵|贩卖)"
)
REPEATED_MIN = 3
MASKED_NAME = r"[\u4e00-\u9fff](?:某某|某[甲乙丙丁\d]*|[X×]{1,3}\d*|[\u4e00-\u9fff]某\d?)"
VICTIM_NAME_RE = re.compile(rf"(?:被害人|受害人|失主)({MASKED_NAME})")
# A masked name found where nothing marks its start (郭某某停放的, 将侯某乙打伤): the one character before 某 or X
# and what follows it, so that the word before is not taken in and a name's letter not left out (将侯某 | 乙).
FREE_NAME = r"[\u4e00-\u9fff](?:某(?:某|[甲乙丙丁戊己]|\d)*|[X×]{1,3}\d*)"
# a person's particulars in parentheses after the name (王某（女，1998年出生）、赵某（女）): not names of their own
PARTICULARS = r"(?:（[^（）。；;]{0,40}）|\([^()。；;]{0,40}\))"
PARTICULARS_RE = re.compile(PARTICULARS)
NAME_LIST = rf"{MASKED_NAME}{PARTICULARS}?(?:、{MASKED_NAME}{PARTICULARS}?)*"
# Who was wronged, as theft and fraud facts tell it: the one named after a victim word, those listed
# with them (被害人严某、肖某; 被害人王某（女）、赵某（女）), the one a thing was taken from or money paid back to
# (窃得戚某某电动车, 退赔郭某某损失), and the owner of what was taken (郭某某停放的, 吴某某经营的, 王某某被盗).
VICTIM_LIST_RE = re.compile(rf"(?:被害人|受害人|失主)({NAME_LIST})")
# a number of victims told: 三名被害人, 被害人共5人, or after those named (被害人张某某、李某等三人)
VICTIMS_RE = re.compile(
    rf"(?P<a>{NUMBER})(?:名|位|个|户)(?:被害人|受害人|失主|被害单位|集资参与人|投资人)|"
    rf"(?:被害人|受害人|失主)(?:{NAME_LIST}[等共]|共计?|合计|等)?(?P<b>{NUMBER})(?:人|名)|"
    rf"(?:被骗|受骗|受害)(?:群众|人员|者)(?:共计?|达|计)?(?P<c>{NUMBER})(?:人|名)"
)  # 被骗群众二十余人: those defrauded, told as people
TAKEN_FROM_RE = re.compile(
    rf"(?:窃得|盗走|盗得|偷走|窃取|骗取|抢走|抢得|夺走|退赔|赔偿|返还给?|发还给?)({NAME_LIST})"
)
OWNER_RE = re.compile(rf"({FREE_NAME})(?=的?(?:停放|经营|所有|放在|家中|住处|被盗|被骗|被抢))")
NAME_SPLIT = re.compile("、")
NAME_GROUP_RE = re.compile(rf"{FREE_NAME}(?:[、和及与]{FREE_NAME})*")
# The persons an injury is told of where the text names no one (injured_persons): victims lettered (被害人甲、乙), a
# number of them (两名被害人, 致二被害人均轻伤, 致三人轻伤), a new one (一名男子, 另一名男子), or one told before
# (该男子, 被害人, 其). Those brought along by the defendant (伙同两名男子, 与一名男子) are no victims. A number of persons
# told of a part (造成三人受伤，其中二人轻伤二级) or told right before their grade (乘客三人受轻伤) is the number hurt.
PERSON_NOUN = r"(?:被害人|受害人|男子|女子|妇女|老人|儿童|行人|路人|村民)"
LETTERED_RE = re.compile(
    r"(?:被害人|受害人)([甲乙丙丁戊己](?:[、和及与][甲乙丙丁戊己])*)(?![某X×]|[\u4e00-\u9fff]某)"
)  # not a masked name (被害人甲某, 丁×)
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
    names = {_person(n) for n in _defendant_names(text)}
    # 经鉴定田某的损伤程度…: the defendant told again by name alone, in a later clause of the sentence
    again = [m for m in NAME_GROUP_RE.finditer(text, defendant.end(), at) if _person(m.group()) in names]
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
    defendants = {_person(n) for n in _defendant_names(text)}
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
            names = {_person(n) for n in told} - defendants
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
    lettered = _lettered_victims(text)
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


@lru_cache(maxsize=8)
def _lettered_victims(text: str) -> frozenset[str]:
    return frozenset(c for m in LETTERED_RE.finditer(text) for c in re.split("[、和及与]", m.group(1)))


def _person(name: str) -> str:
    """A masked name without the word the pattern may take in before it (将周某 -> 周某)."""
    at = name.find("某")
    return name[at - 1 :] if at > 0 else name


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


def find_disability(text: str) -> int | None:
    grades = []
    for match in DISABILITY_RE.finditer(text):
        told = match.group("a") or match.group("b")
        value = ROMAN_GRADES.get(told) or parse_number(told)
        if value is not None and 1 <= value <= 10:
            grades.append(int(value))
    return min(grades) if grades else None


def find_blood_alcohol(text: str) -> tuple[Decimal | None, Finding | None]:
    """The blood alcohol the conviction rests on: a blood test's reading over a breath test's (the blood test
    is the basis of 醉酒; the breath test only where no blood was taken: 两高一部《关于办理醉酒驾驶机动车刑事
    案件适用法律若干问题的意见》（2013）第六条, recalled, not read here), and with several readings of one kind (several acts) the highest."""
    blood, breath = [], []
    for match in BAC_RE.finditer(text):
        value = parse_number(match.group("num"))
        if value is None:
            continue
        kind = (
            breath if BREATH_RE.search(text[max(0, match.start() - BREATH_WINDOW) : match.start()]) else blood
        )
        kind.append((value, match))
    readings = blood or breath
    if not readings:
        return None, None
    value, match = max(readings, key=lambda reading: reading[0])
    return value, Finding("blood_alcohol", value, span(text, match.start(), match.end()))


def age_on(born: date, day: date) -> int:
    """The age in 周岁 on `day` of a person born on `born`: 法释〔2006〕1号第二条 counts a 周岁 from the day after the
    birthday, so on the eighteenth birthday itself the person is still seventeen (刑法第17条)."""
    return day.year - born.year - ((day.month, day.day) <= (born.month, born.day))


def find_age(text: str) -> tuple[int | None, Finding | None]:
    """The defendant's age at the offence: a birth date against the first offence date, or a stated age."""
    offence = _first_offence_date(text)
    for match in BIRTH_RE.finditer(text):
        if not _about_defendant(text, match.start()):
            continue
        y = int(match.group("y") or match.group("y2"))
        m = int(match.group("m") or match.group("m2"))
        d = int(match.group("d") or match.group("d2") or 1)
        if offence is None or not (1900 < y <= offence.year):
            continue
        try:
            born = date(y, m, d)
        except ValueError:
            continue
        age = age_on(born, offence)
        if 0 <= age < 120:
            return age, Finding("age", age, span(text, match.start(), match.end()))
    for match in AGE_RE.finditer(text):
        # "不满十四周岁", "十六周岁以上": a legal threshold, not someone's age
        if text[match.start() - 1 : match.start()] in ("满", "于") or text.startswith(
            ("以", "之"), match.end()
        ):
            continue
        if not _about_defendant(text, match.start()):
            continue
        value = parse_number(match.group("num"))
        if value is not None and 10 <= value < 120:
            return int(value), Finding("age", int(value), span(text, match.start(), match.end()))
    return None, None


def _first_offence_date(text: str) -> date | None:
    """The first date of the facts: not a birth date, nor a date of an earlier conviction (earlier_convictions, with the
    clause it opens in: "被告人李某于2004年6月4日因犯盗窃罪被…判处"), whose date would give the age at that judgment."""
    told = earlier_convictions(text)
    for match in DATE_RE.finditer(text):
        if any(c.clause <= match.start() < c.end for c in told):
            continue
        before = text[max(0, match.start() - 6) : match.start()]
        if BIRTH_BEFORE.search(before) or text.startswith(("出生", "生"), match.end()):
            continue
        # numbers.DATE_RE: the facts' dates as judgments write them (二〇一六年元月, 5月3号, 5月下旬), as the
        # recidivism and art. 70 readers read them
        if (day := date_of(match)) is not None:
            return day
    return None


def _about_defendant(text: str, pos: int) -> bool:
    """Whether the nearest person named before `pos` in its sentence is the defendant."""
    lo, _ = bounds(text, pos, pos, SENTENCE_BREAK)
    window = text[max(lo, pos - 16) : pos]
    defendant = [m.end() for m in DEFENDANT_WORD_RE.finditer(window)]
    # a text with no word for him: the name it gives the person tried (parties.bare_defendant_names), when it is the
    # last person named ("徐某见本村小女孩华某乙（女，2007年4月15日生）" is the girl's birth)
    named = list(re.finditer(BARE_MASKED_NAME, window))
    if named and named[-1].group() in bare_defendant_names(text):
        defendant = sorted([*defendant, named[-1].end()])
    victim = [m.end() for m in VICTIM.finditer(window)]
    if not defendant:
        return False
    return not victim or defendant[-1] > victim[-1]


def find_counts(text: str) -> tuple[int | None, Finding | None]:
    best: tuple[int, re.Match] | None = None
    for match in COUNTS_RE.finditer(text):
        value = parse_number(match.group("num"))
        if value is None or not 1 <= value < 1000:
            continue
        if best is None or value > best[0]:
            best = (int(value), match)
    for match in TIMES_BEFORE_VERB_RE.finditer(text):
        value = parse_number(match.group("split") or match.group("num"))
        if value is not None and 1 <= value < 1000 and (best is None or value > best[0]):
            best = (int(value), match)
    if best:
        return best[0], Finding("counts", best[0], span(text, best[1].start(), best[1].end()))
    if match := REPEATED_RE.search(text):
        return REPEATED_MIN, Finding("counts", REPEATED_MIN, span(text, match.start(), match.end()))
    return None, None


def find_victims(text: str) -> tuple[int | None, Finding | None]:
    for match in VICTIMS_RE.finditer(text):
        value = parse_number(match.group("a") or match.group("b") or match.group("c"))
        if value is not None and 0 < value < 100_000:
            return int(value), Finding("victims", int(value), span(text, match.start(), match.end()))
    names = victim_names(text)
    return (len(names), None) if names else (None, None)


def victim_names(text: str) -> set[str]:
    """The masked names of those the facts say were wronged, each person once (王某乙 told as 被害人王某乙 and as
    王某乙停放的); never a defendant's."""
    listed = [*VICTIM_LIST_RE.finditer(text), *TAKEN_FROM_RE.finditer(text)]
    names = [n for m in listed for n in NAME_SPLIT.split(PARTICULARS_RE.sub("", m.group(1)))]
    names += [m.group(1) for m in OWNER_RE.finditer(text)]
    defendants = {_person(n) for n in _defendant_names(text)}
    persons = {}
    for name in names:
        if _person(name) not in defendants:
            persons.setdefault(_person(name), name)
    # 被害人甲（女，2010年出生）、被害人乙: minors are lettered, not masked
    return set(persons.values()) | _lettered_victims(text)


def _defendant_names(text: str) -> set[str]:
    return {m.group(1) for m in DEFENDANT_NAME_RE.finditer(text)} | bare_defendant_names(text)
