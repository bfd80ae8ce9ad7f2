"""Quantities other than money, drugs and injuries: the disability grade, blood alcohol, the defendant's age at the
offence and the number of acts. Drugs are read in drug_quantities.py, injuries in injuries.py and victims in
victims.py (split out of this module by E56)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from leniency.sentencing.extraction.earlier_convictions import earlier_convictions
from leniency.sentencing.extraction.numbers import DATE_RE, NUMBER, bounds, date_of, parse_number, span
from leniency.sentencing.extraction.parties import DEFENDANT_WORD_RE, bare_defendant_names
from leniency.sentencing.extraction.parties import MASKED_NAME as BARE_MASKED_NAME
from leniency.sentencing.extraction.victims import VICTIM
from leniency.sentencing.facts import Finding

SENTENCE_BREAK = "。；;\n"
# 伤残等级 as 《人体损伤致残程度分级》(2016, in force 2017-01-01; recalled, unconfirmed) names it: 致残程度 一级 to 十级,
# and as older opinions wrote it (伤残等级, 伤残程度), in Roman numerals too (Ⅸ级伤残)
ROMAN_GRADES = dict(zip("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ", range(1, 11), strict=True))
GRADE_NUMBER = rf"{NUMBER}|[{''.join(ROMAN_GRADES)}]"
DISABILITY_RE = re.compile(
    rf"(?P<a>{GRADE_NUMBER})级(?:伤残|致残)|(?:伤残|致残)(?:等级|程度)?(?:评定|鉴定)?(?:为|属|系|构成|达到?)?"
    rf"(?P<b>{GRADE_NUMBER})级"
)
ML = r"(?:ml|mL|ML|ｍｌ|㎖|毫升)"
MG = r"(?:mg|ｍｇ|㎎|毫克)"
BAC_RE = re.compile(
    # the substance found, then its amount after a comma: 血液中检出乙醇，含量为181毫克/100毫升; 检出乙醇成分，其含量为
    rf"(?:乙醇|酒精)(?:成分)?(?:[，,](?=其?(?:含量|浓度))其?)?(?:定量)?(?:含量|浓度)?(?:检测|检验)?(?:结果)?(?:为|是|达)?[：:]?\s*"
    rf"(?:(?P<num>{NUMBER})\s*{MG}\s*[/／每]\s*(?:100|１００|一百|百)\s*{ML}"
    # per millilitre (1.85mg/ml): a hundredth of the per-100-ml figure the law's threshold is in (GB 19522: mg/100mL)
    rf"|(?P<per_ml>{NUMBER})\s*{MG}\s*[/／每]\s*{ML}"
    # the volume told after the verb: 乙醇含量为每百毫升一百五十毫克
    rf"|每(?:百|一百|100|１００)\s*{ML}(?:血液|血样|血)?(?:中|内)?(?:含有?)?\s*(?P<after>{NUMBER})\s*{MG}(?!以上))"
    # the volume told first, as the national standard (GB 19522) words it: 每百毫升血液中乙醇含量为212毫克
    rf"|每(?:百|一百|100|１００)\s*{ML}(?:的)?(?:血液|血样|血)?(?:中|内)?(?:的)?(?:含有?)?"
    rf"(?:乙醇|酒精)(?:含量|浓度)?(?:为|是|达|：|:)?\s*(?P<per>{NUMBER})\s*{MG}"
)  # "乙醇定量检测为286.85mg／100ml", "酒精含量194.33㎎／100ml" as courts write them
ML_PER_READING = 100  # the law's figure is per 100 ml
BREATH_RE = re.compile(r"呼气|呼吸")  # a breath test, before the reading's own words
BREATH_WINDOW = 6
DATE = r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?"
DATE_B = r"(?P<y2>\d{4})年(?P<m2>\d{1,2})月(?:(?P<d2>\d{1,2})日)?"
BIRTH_RE = re.compile(rf"{DATE}(?:出生|生)|出生(?:日期|年月日|于)?(?:为|是|：|:)?{DATE_B}")
BIRTH_BEFORE = re.compile(r"(?:出生|生于|出生日期|出生于)[为是：:]?$")
AGE_RE = re.compile(rf"(?P<num>{NUMBER})(?:周)?岁")
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
        value = parse_number(
            match.group("num") or match.group("per") or match.group("after") or match.group("per_ml")
        )
        if value is None:
            continue
        if match.group("per_ml"):
            value *= ML_PER_READING
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
