"""Numbers as Chinese judgments write them: Arabic, Chinese, mixed ("2.6万"), terms ("一年六个月"), the kinds of
principal penalty a term goes with ("有期徒刑一年六个月") and dates ("2019年10月8日")."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from leniency.sentencing.facts import Span

CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}

DIGIT_CHARS = "0-9０-９" + "".join(CN_DIGITS)
UNIT_CHARS = "".join(SMALL_UNITS) + "".join(BIG_UNITS)
# A decimal point written in Chinese (三十六点五克, 一点五万元, 十二点五亩): 点 before digits that a unit of weight, money or
# measure follows; not a clock's (十点五十分, 晚上八点).
CN_POINT = (
    r"点(?=[零〇○一二三四五六七八九]+(?:万|亿)?(?:克|元|毫|千克|公斤|斤|两|吨|亩|立方|平方|米|公里|余|多))"
)
# A number: starts with a digit (or 十, as in 十余万), then digits, units, decimal points,
# thousands commas and the approximators 余/多 (5000余元, 十余万元).
NUMBER = (
    rf"(?:[{DIGIT_CHARS}]|[十拾])(?:[{DIGIT_CHARS}{UNIT_CHARS}]|[.．](?=[0-9０-９])|{CN_POINT}|,(?=\d{{3}})|，(?=\d{{3}}(?!\d))"
    rf"|[余多](?=[{UNIT_CHARS}元克个年次起人名]))*"
)

_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_TOKEN = re.compile(rf"\d+(?:\.\d+)?|[{''.join(CN_DIGITS)}]|[{UNIT_CHARS}]")


def span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


SENTENCE_BREAKS = "。；;\n"


def bounds(text: str, start: int, end: int, breaks: str) -> tuple[int, int]:
    """Where the stretch of `text` around [start, end) begins and ends, between the nearest of `breaks` (a clause's
    commas, a sentence's full stops) on either side."""
    return _after_last_break(text, start, breaks), _first_break(text, end, breaks)


def sentence_start(text: str, at: int) -> int:
    """Where the sentence that holds position `at` begins: right after the last full stop, semicolon or line break
    before `at` (0 where there is none)."""
    return _after_last_break(text, at, SENTENCE_BREAKS)


def sentence_end(text: str, at: int) -> int:
    """Where the sentence that holds position `at` ends: at the first full stop, semicolon or line break from `at` on
    (the text's end where there is none)."""
    return _first_break(text, at, SENTENCE_BREAKS)


def _after_last_break(text: str, at: int, breaks: str) -> int:
    return max((text.rfind(ch, 0, at) for ch in breaks), default=-1) + 1


def _first_break(text: str, at: int, breaks: str) -> int:
    return min((i for i in (text.find(ch, at) for ch in breaks) if i >= 0), default=len(text))


# The marks that end a clause: a comma, a colon, an enumeration's end, a sentence's end.
CLAUSE_BREAK = re.compile(r"[，,。；;：:\n]")


def clause_before(text: str, at: int, floor: int = 0, breaks: re.Pattern = CLAUSE_BREAK) -> str:
    """The clause that ends at position `at`: from the last of `breaks` before it, not before `floor`."""
    starts = [m.end() for m in breaks.finditer(text, floor, at)]
    return text[starts[-1] if starts else floor : at]


def clause_after(text: str, at: int, breaks: re.Pattern = CLAUSE_BREAK) -> str:
    """The clause that begins at position `at`: up to the first of `breaks` after it."""
    found = breaks.search(text, at)
    return text[at : found.start() if found else len(text)]


def parse_number(raw: str) -> Decimal | None:
    """'2.6万' -> 26000, '一万二千' -> 12000, '三千五' -> 3500, '1,234.5' -> 1234.5; None if unreadable."""
    s = raw.translate(_FULLWIDTH).replace(",", "").replace("，", "").replace("余", "").replace("多", "")
    if not s:
        return None
    if "点" in s:
        return _with_chinese_point(s)
    if s.replace(".", "", 1).isdigit():
        try:
            return Decimal(s)
        except InvalidOperation:
            return None
    total = Decimal(0)  # completed 亿 part
    section = Decimal(0)  # completed 万 part below 亿
    group = Decimal(0)  # below 万
    current: Decimal | None = None
    last_unit = 0
    for token in _TOKEN.findall(s):
        if token in CN_DIGITS:
            # consecutive bare digits (二〇一八) read positionally
            current = Decimal(CN_DIGITS[token]) if current is None else current * 10 + CN_DIGITS[token]
        elif token[0].isdigit():
            current = Decimal(token)
        elif token in SMALL_UNITS:
            unit = SMALL_UNITS[token]
            group += (current if current is not None else Decimal(1)) * unit
            current, last_unit = None, unit
        elif token in BIG_UNITS:
            unit = BIG_UNITS[token]
            group += current or 0
            if unit == 100_000_000:
                total = (total + section + group) * unit
                section = Decimal(0)
            else:
                section = (section + group) * unit
            group, current, last_unit = Decimal(0), None, unit
    if current is not None:
        # 三千五 means 3500: a trailing bare digit counts in the unit below the last one
        if last_unit >= 100 and current < 10 and len(s) >= 2 and (s[-2] in SMALL_UNITS or s[-2] in BIG_UNITS):
            current *= last_unit // 10
        group += current
    value = total + section + group
    return value if value or "零" in s or "0" in s else None


def _with_chinese_point(s: str) -> Decimal | None:
    """'三十六点五' -> 36.5, '一点五万' -> 15000, '五点五千' -> 5500: the whole part, the digits after 点 read one by
    one, then a 万 or 亿, or the 千 of a 千克 the number took (五点五千克: 5.5 thousand grams either way)."""
    whole, _, rest = s.partition("点")
    digits = re.match(rf"[{''.join(CN_DIGITS)}]+", rest)
    unit = rest[digits.end() :] if digits else rest
    head = parse_number(whole)
    units = {"千": 1000, **BIG_UNITS}
    if head is None or digits is None or (unit and unit not in units):
        return None
    value = head + Decimal("0." + "".join(str(CN_DIGITS[c]) for c in digits.group()))
    return value * units.get(unit, 1)


# A term of a penalty as judgments write it, one pattern for every reader (a quoted recommendation, the
# original or an earlier sentence, a remainder left to serve, the part served): 一年六个月, 一年零六个月 and
# 一年又六个月 (零/又 join years and months), 一年半 and 两年半 (半 after 年: half a year), 半年, 八个月,
# 三个半月 and 三个月半 (half a month), 1.5年.
TERM = (
    rf"(?:(?P<y>{NUMBER})年(?P<yh>半)?(?:又|零)?(?:(?P<ym>{NUMBER})个?月)?"
    rf"|(?P<m>{NUMBER})个(?:半月|月半?)|(?P<hy>半)年)"
)
TERM_RE = re.compile(TERM)
HALF_YEAR = 6


def term_months(match: re.Match) -> int | None:
    """Months in a TERM match: 一年六个月, 一年零六个月, 一年半 -> 18; 两年半 -> 30; 半年 -> 6; None when the match
    holds no term (a pattern with TERM optional, as 有期徒刑(?:TERM)?) or a number is unreadable.

    Terms are whole months, as CAIL records them: half a month (三个半月 -> 3) is dropped, as int() drops the
    fraction of 1.5个月."""
    groups = match.groupdict()
    if groups.get("hy"):
        return HALF_YEAR
    if groups.get("y"):
        years = parse_number(groups["y"])
        months = parse_number(groups["ym"]) if groups.get("ym") else Decimal(0)
        if years is None or months is None:
            return None
        return int(years * 12 + (HALF_YEAR if groups.get("yh") else 0) + months)
    if groups.get("m"):
        months = parse_number(groups["m"])
        return int(months) if months is not None else None
    return None


# The kinds of principal penalty as judgments name them, and the code of each (calculation.Penalty's values and
# death_suspended)
PENALTY = r"(?P<penalty>有期徒刑|拘役|管制|无期徒刑|死刑(?:缓期二年执行)?)"
PENALTY_CODES = {
    "有期徒刑": "imprisonment",
    "拘役": "detention",
    "管制": "surveillance",
    "无期徒刑": "life",
    "死刑": "death",
    "死刑缓期二年执行": "death_suspended",
}
# A date as judgments write it, from its year: 2019年10月8日, 2019年10月, 二〇一九年十月八日; January as 元月
# (2014年元月5日), the day with 号 (2014年5月3号; not 3号楼, 3号院 …: a building, a yard, a room), the month with 份
# (2014年5月份), and a part of a month or year (2014年5月初, 5月上旬, 中旬, 下旬, 5月底/月末, 2014年初, 2014年底/年末).
# Space between the parts is allowed (2014 年 8 月 5 日). A year is four digits not preceded by another (一二〇一四年 and
# 12014年 are no years); the full-width letter Ｏ counts as nought in a year (二ＯＯ九年). A year alone (2014年) is no
# DATE; written_dates reads it, and the dates written relative to the one before (同年8月, 次年初, 同月20日).
_ADDRESS_AFTER_HAO = "楼栋幢单院房室门铺店库仓间层号线路街巷弄组区座车柜台床"
# 初中, 初一 … (a school, a lunar day): no beginning of a year or month
_PART_OF_MONTH = r"初(?![中一二三四五六七八九十])|上旬|中旬|下旬|底|末"
_PART_OF_YEAR = r"年?(?:初(?![中一二三四五六七八九十])|底|末)"
_YEAR_CHARS = DIGIT_CHARS + "Ｏ"
_DAY_MARK = rf"\s*(?:日|号(?![{_ADDRESS_AFTER_HAO}]))"
# 次 after these is a count or an order (其次, 首次, 多次, 依次, 屡次, 再次, 层次, 档次, 名次, 席次, 班次, 车次, 批次 …), not next
_NOT_BEFORE_NEXT = "其首多依屡再层档名席班车批每渐几数两二三四五六七八九十百千万0-9"


def _date_pattern(named: bool, *, year_alone: bool = False, relative: bool = False) -> str:
    """DATE_RE's pattern; with `named` its parts are the groups date_of reads, without it the pattern has no named
    group and can stand twice in one expression (自…起至…止). With `year_alone` the month may be left out (2014年);
    with `relative` (and `named`) it reads 同年/当年/次年/翌年 in place of the year, 同月/当月 (alone or with a day or a part), 次月/翌月, 次日/翌日 and 当日/同日."""

    def group(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if named else f"(?:{body})"

    day = group("d", NUMBER) + _DAY_MARK
    month = (
        r"\s*" + group("mo", f"{NUMBER}|元") + r"\s*月份?" + rf"(?:\s*{day}|{group('part', _PART_OF_MONTH)})?"
    )
    year = rf"(?<![{_YEAR_CHARS}十])" + group("y", f"[{_YEAR_CHARS}]{{4}}") + r"\s*年"
    if relative:
        year = f"(?:{year}|(?P<rel>[同当次翌])年)"
    pattern = year + f"(?:{month}|{group('ypart', _PART_OF_YEAR)})" + ("?" if year_alone else "")
    if relative:
        pattern += (
            rf"|(?<![不每])(?P<same>[同当])月(?:\s*(?P<md>{NUMBER}){_DAY_MARK}|(?P<mpart>{_PART_OF_MONTH}))?"
        )
        # 次月/翌月 (the month after the one before), with a day, a part or alone; 次日/翌日 (the day after the one
        # before) and 当日/同日 (its day). Not 其次 (secondly), 首次, 多次, 依次 …, nor 不同日.
        pattern += (
            rf"|(?<![{_NOT_BEFORE_NEXT}])[次翌]月(?:\s*(?P<nd>{NUMBER}){_DAY_MARK}|(?P<npart>{_PART_OF_MONTH}))?"
            rf"|(?P<dayrel>(?<![{_NOT_BEFORE_NEXT}])[次翌]|(?<!不)[当同])日"
        )
    return pattern


DATE = _date_pattern(named=False)
DATE_RE = re.compile(_date_pattern(named=True))
_WRITTEN_DATE_RE = re.compile(_date_pattern(named=True, year_alone=True, relative=True))
# a birth date ("被害人李某（女，2001年4月1日出生）", "吴某某（1999年生）"); 生 alone only before a bracket or a stop, as
# "于2015年4月20日生一对子女" is a birth in the facts
_BIRTH = re.compile(r"\s*(?:出生|生(?=[）)，,、；;。]))")
_YEARS_ON = {"同": 0, "当": 0, "次": 1, "翌": 1}  # 次年/翌年: the year after the one before
# The day a part of a month stands for. An engineering choice, not a rule of law: a judgment that says 5月初 or 5月下旬
# names no day. 初 and 上旬 take the 1st and 下旬 the 21st, the first day of the part named (the earliest the acts may
# have been, as a month without a day takes its 1st); 中旬 (the 11th to the 20th) takes the 15th, its middle; 底/末
# the month's last day.
_PART_DAY = {"初": 1, "上旬": 1, "中旬": 15, "下旬": 21}


@dataclass(frozen=True)
class WrittenDate:
    """A date as the text writes it: its year, its month and day where written, the part of the month (or, without a
    month, of the year) it names (初, 上旬, 中旬, 下旬, 底, 末), whether it was written relative to the date before
    (同年8月, 次年初, 同月20日) and whether it is a birth date (followed by 出生 or 生)."""

    year: int
    month: int | None
    day: int | None
    part: str | None
    span: Span
    relative: bool = False
    birth: bool = False

    @property
    def precision(self) -> str:
        """What was written down to: "day", "month" or "year" (a part of a month or year names no day)."""
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    @property
    def day_of_month(self) -> int | None:
        """The day: as written, else the day its part stands for (_PART_DAY; the last for 底/末), else the 1st; None
        without a month."""
        if self.month is None:
            return None
        if self.day is not None:
            return self.day
        if self.part in ("底", "末"):
            return monthrange(self.year, self.month)[1]
        return _PART_DAY.get(self.part, 1)

    def as_date(self) -> date | None:
        """The calendar date it tells (date_of's reading); a year's 初 or a year alone its January 1, its 底/末
        December 31; None for a day its month has not (2月30日)."""
        if self.month is None:
            return date(self.year, 12, 31) if self.part in ("底", "末") else date(self.year, 1, 1)
        try:
            return date(self.year, self.month, self.day_of_month)
        except ValueError:
            return None


def written_dates(text: str):
    """Every date `text` writes, in order, as WrittenDates: DATE's forms, a year alone (2014年, 2014年度), and the
    dates written relative to the one before: 同年/当年 with a month or a part of the year take its year, 次年/翌年
    the year after it, 同月/当月 (alone, with a day or a part of the month) its year and month, 次月/翌月 the month
    after it, 次日/翌日 the day after a date that names its day and 当日/同日 that day. A relative date with no date
    before it, or 同月 after a year alone, is no date; a birth date is yielded (marked) but is not what the next
    relative date refers to, nor is a month no calendar has (2014年13月), which is no date."""
    before = None
    for match in _WRITTEN_DATE_RE.finditer(text):
        found = _written(match, before, birth=bool(_BIRTH.match(text, match.end())))
        if found is None:
            continue
        if not found.birth:
            before = found
        yield found


def _written(match: re.Match, before: WrittenDate | None, *, birth: bool = False) -> WrittenDate | None:
    """The WrittenDate a date match writes, the relative parts read against `before`; None where it writes none."""
    groups = match.groupdict()
    where = Span(match.start(), match.end(), match.group(0))
    if groups.get("dayrel"):
        return _day_relative(groups["dayrel"], before, where, birth)
    if match.group(0)[1:2] == "月" and match.group(0)[0] in "次翌":
        return _month_after(before, _day_written(groups.get("nd")), groups.get("npart"), where, birth)
    if groups.get("same"):  # 同月/当月, alone (当月即将该款挥霍) or with a day or a part
        if before is None or before.month is None:
            return None
        day = _day_written(groups["md"])
        return WrittenDate(
            before.year, before.month, day, groups.get("mpart"), where, relative=True, birth=birth
        )
    if groups.get("rel"):
        if before is None or not (groups["mo"] or groups["ypart"]):
            return None
        year = before.year + _YEARS_ON[groups["rel"]]
    else:
        year = int(parse_number(groups["y"].replace("Ｏ", "〇")) or 0)
        if not year:
            return None
    if groups["ypart"]:
        part = groups["ypart"].removeprefix("年")
        return WrittenDate(year, None, None, part, where, bool(groups.get("rel")), birth)
    if not groups["mo"]:
        return WrittenDate(year, None, None, None, where, birth=birth)
    month = 1 if groups["mo"] == "元" else int(parse_number(groups["mo"]) or 0)
    if not 1 <= month <= 12:
        return None
    return WrittenDate(
        year, month, _day_written(groups["d"]), groups["part"], where, bool(groups.get("rel")), birth
    )


def _day_relative(word: str, before: WrittenDate | None, where: Span, birth: bool) -> WrittenDate | None:
    """次日/翌日: the day after the date before, which must have a day (2015年3月…次日 names none); 当日/同日: its day."""
    if before is None or before.day is None or (day := before.as_date()) is None:
        return None
    if word in "次翌":
        day += timedelta(days=1)
    return WrittenDate(day.year, day.month, day.day, None, where, relative=True, birth=birth)


def _month_after(
    before: WrittenDate | None, day: int | None, part: str | None, where: Span, birth: bool
) -> WrittenDate | None:
    """次月/翌月: the month after the date before (December's next month is January of the year after)."""
    if before is None or before.month is None:
        return None
    year, month = (before.year + 1, 1) if before.month == 12 else (before.year, before.month + 1)
    return WrittenDate(year, month, day, part, where, relative=True, birth=birth)


def _day_written(written: str | None) -> int | None:
    return int(parse_number(written) or 1) if written else None


def date_of(match: re.Match | None) -> date | None:
    """The date a DATE_RE match tells: its day where told, else the day its part of the month stands for (_PART_DAY;
    the last day for 底/末), else the month's first day; a year's 初 is January 1 and its 底/末 December 31. None
    where it tells none."""
    found = _written(match, None) if match is not None else None
    return found.as_date() if found is not None else None


def arabic_dates(text: str) -> str:
    """`text` with the numbers of its dates written in Arabic numerals (二〇一四年八月十二日 → 2014年8月12日, 同年十月 →
    同年10月, 同月二十日 → 同月20日); other numerals (三年有期徒刑, 二〇一四号, 十二个月) and 元月 unchanged."""

    def arabic(match: re.Match) -> str:
        written, start = match.group(0), match.start()
        for name in ("nd", "md", "d", "mo", "y"):  # right to left, so that earlier spans keep their places
            value = match.group(name)
            if value is None or value == "元" or value.isascii():
                continue
            a, b = match.span(name)
            number = parse_number(value.replace("Ｏ", "〇"))
            written = (
                written[: a - start] + str(int(number)) + written[b - start :]
                if number is not None
                else written
            )
        return written

    return _WRITTEN_DATE_RE.sub(arabic, text)
