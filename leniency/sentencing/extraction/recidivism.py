"""累犯 read from 刑法第65条's conditions where the text tells them without the word.

刑法第65条第1款: 被判处有期徒刑以上刑罚的犯罪分子，刑罚执行完毕或者赦免以后，在五年以内再犯应当判处有期徒刑以上刑罚之罪的，是累犯，
但是过失犯罪和不满十八周岁的人犯罪的除外。第2款: 被假释的犯罪分子，从假释期满之日起计算。

A prosecutor's fact text often tells the earlier sentence and its release without calling the defendant 累犯
("曾因犯盗窃罪于2016年5月被判处有期徒刑二年，2018年4月10日刑满释放。2022年3月5日，被告人…"). Recidivism is found from
its conditions (`inferred_recidivism`) where the text does not use the word 累犯 at all (where it does, 累犯 or its
negation is read from the word, as before):

- an earlier conviction of the defendant's (circumstances.prior_records: a court's sentence, not another person's, not
  the judgment a 漏罪 is combined with) to 有期徒刑 or more (not 拘役, 管制, a fine), told as served (刑满释放, 执行完毕)
  with the date of its release; not a suspended sentence (缓刑: its probation passed is no 执行完毕, 刑法第76条), unless
  the text says it was revoked (撤销缓刑); a parole (假释) counted from the end of its period (第65条第2款: 从假释期满之日
  起计算) where the text tells it (假释考验期至2018年2月28日止, 2018年3月1日假释期满) or tells its length from the day
  of the parole (2016年4月1日被裁定假释，假释考验期二年: 第83条第2款), else none; not a foreign court's sentence (FOREIGN);
- the new crime's first act date (the earliest date of the facts outside the earlier convictions, birth dates left out)
  on or after that release and within five years of it (the day five years on included);
- neither the new crime nor the earlier one negligent (NEGLIGENT: the charges the Criminal Law defines by 过失 or by
  an accident the offender caused; that the exception covers the earlier crime too is the textbook reading of 第65条,
  not a rule read here, so a negligent earlier crime is left out rather than counted);
- the defendant 18 or older at the new crime, and not under 18 when the earlier sentence was pronounced (a crime
  before it was committed younger still): both counted from the birth date find_age reads, and where the text states
  an age alone, from that age (`age`); an earlier crime a minor's by excepted_earlier_crimes.minor_crime (its own
  words, 时年十七周岁, 系未成年犯; sentenced before 18, by the end of its year where only the year is told). find_age's
  own age counts to the first date of the text, which may be the earlier judgment's, so the birth date is counted to
  the new crime's first act here;
- the new crime one that may be punished with 有期徒刑 (a charge whose brackets allow none, 危险驾驶 among them, can never
  call for 有期徒刑以上). Whether the crime at hand calls for it is the sentence's own question: the calculation tells,
  after the circumstances are weighed; `without_inferred` gives the facts to calculate again where it comes out below
  有期徒刑 (拘役, 管制, a fine alone). 应当判处有期徒刑以上 is read, as the textbooks read it, as the sentence the new
  crime is to be given, not its statutory range: the calculated penalty (the recidivism weighed in it), not the
  article, decides.

The finding's value is INFERRED, and a note tells the dates and the article, with medium confidence: the court may
have decided otherwise on facts the text does not tell (a 赦免, a 假释, an earlier crime committed under 18).
Special recidivism (`special_class`), 刑法第66条: 危害国家安全犯罪、恐怖活动犯罪、黑社会性质的组织犯罪的犯罪分子，在刑罚执行完毕或者
赦免以后，在任何时候再犯上述任一类罪的，都以累犯论处. Inferred where an earlier conviction of the defendant's for a crime of one
of these classes is told as served with its release date (not a suspended sentence unless revoked; a parole counted from
the end of its period, as above) and a charge of the case is of any of these classes, its first act on or after that release, however long
after: no five years, no 有期徒刑 for either crime, no age (the article names none: 第65条's exception of the under-18s
was not written into 第66条). The classes, kept to what the article names: 危害国家安全罪 (分则第一章, 第102-113条), the
恐怖活动犯罪 (第120条 to 第120条之六), and 组织、领导、参加黑社会性质组织 (第294条第1款). Left out: 入境发展黑社会组织 and
包庇、纵容黑社会性质组织 (第294条第2、3款: no organisation's crime of the offender's own), and a crime an organisation's member
committed as such (第294条第4款), which its name does not tell. Art. 66 is asked first; where it holds, the finding stands
whatever the calculated penalty (`without_inferred` keeps it).
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from leniency.sentencing.catalogue import all_charges, find_charge, negligent_charges, normalise_name
from leniency.sentencing.extraction.earlier_convictions import OPENING, EarlierConviction, earlier_convictions
from leniency.sentencing.extraction.excepted_earlier_crimes import (
    ADULT,
    birth_date,
    minor_crime,
    negligent_crime,
    weighed_as_prior_record,
)
from leniency.sentencing.extraction.numbers import (
    DATE,
    DATE_RE,
    SENTENCE_BREAKS,
    TERM,
    TERM_RE,
    bounds,
    date_of,
    span,
    term_months,
)
from leniency.sentencing.extraction.quantities import age_on
from leniency.sentencing.facts import CaseFacts, Circumstance, Finding, Span

INFERRED = (
    "inferred"  # the value of a recidivist finding read from art. 65's conditions, not from the word 累犯
)
YEARS = 5  # 刑法第65条第1款: 在五年以内
# 有期徒刑以上 (刑法第65条): the earlier sentence's penalty
CUSTODIAL_OR_MORE = {"imprisonment", "life", "death", "death_suspended"}
# The crimes the Criminal Law defines by negligence (刑法第15条): catalogue data, standards/negligent_charges.yaml
NEGLIGENT = negligent_charges()
NOTE_PREFIX = "累犯系依刑法第65条推定"
SPECIAL_PREFIX = "累犯系依刑法第66条推定"
# 刑法第66条's three classes, read from a charge's name (罪名, with 罪) or an earlier conviction's words. A selective
# charge is told by any of its acts (参加黑社会性质组织罪, 组织、领导恐怖组织罪).
_ACTS = r"(?:组织|领导|参加)(?:、?(?:组织|领导|参加))*"
SPECIAL_CLASSES = (
    (
        "危害国家安全罪",
        re.compile(
            "|".join(
                re.escape(c.name) + "罪"
                for c in sorted(all_charges(), key=lambda c: -len(c.name))
                if 102 <= c.article <= 113  # 分则第一章
            )
        ),
    ),
    (
        "恐怖活动犯罪",
        re.compile(
            _ACTS
            + "恐怖组织罪|"
            + "|".join(
                re.escape(c.name) + "罪"
                for c in sorted(all_charges(), key=lambda c: -len(c.name))
                if c.article == 120 and c.article_label != "第一百二十条"  # 第120条之一 to 之六
            )
        ),
    ),
    ("黑社会性质的组织犯罪", re.compile(_ACTS + "黑社会性质(?:的)?组织罪")),  # 第294条第1款
)
NOT_CUSTODIAL = (
    "前罪刑满释放后五年内再犯，但本罪计算结果低于有期徒刑，不属“应当判处有期徒刑以上刑罚之罪”，不推定累犯（刑法第65条） / "
    "an earlier sentence served within five years, but the new crime is calculated below imprisonment: not a crime "
    "that calls for imprisonment or more, so no recidivism is inferred (art. 65)"
)
SUSPENDED = re.compile(r"缓刑")
REVOKED = re.compile(r"撤销(?:其|了)?缓刑|缓刑被撤销")
PAROLE = re.compile(r"假释")
# 刑法第65条第2款: 被假释的犯罪分子，从假释期满之日起计算 — the period's end where the text tells it
# (假释考验期至2018年2月28日止, 假释考验期限自…起至…止, 2018年2月28日假释考验期满, 2018年3月1日假释期满, 假释考验期于
# 2018年3月1日届满)
PAROLE_END = re.compile(
    rf"假释(?:考验)?期(?:限)?(?:为|是)?(?:自?\s*{DATE}\s*起)?至\s*(?P<end>{DATE})\s*止?"
    rf"|(?P<ended>{DATE})\s*(?:，|,)?\s*假释(?:考验)?期(?:限)?届?满"
    rf"|假释(?:考验)?期(?:限)?(?:于|在)\s*(?P<due>{DATE})\s*(?:届满|期满|结束)"
)
# …or its length from the day of the parole (刑法第83条第2款: 假释考验期限，从假释之日起计算 — recalled, unconfirmed):
# "2016年4月1日被裁定假释，假释考验期二年" ends on 2018年3月31日
PAROLE_LENGTH = re.compile(
    rf"(?P<day>{DATE})\s*(?:被(?:裁定)?|经裁定)?假释[^。；;]{{0,8}}?假释考验期(?:限)?(?:为|是)?\s*(?P<length>{TERM})"
)
# A conviction by a foreign court (刑法第10条: it may be tried again here; the textbooks read 第65条's 刑罚执行完毕 as a
# Chinese sentence's, recalled, unconfirmed): no recidivism is inferred from it
FOREIGN = re.compile(
    r"境外|国外|外国|在某国|当地法院|(?:缅甸|泰国|老挝|越南|柬埔寨|马来西亚|菲律宾|日本|韩国|美国)"
)
BIRTH_AFTER = re.compile(r"\s*(?:出生|生(?=[）)，,、；;。]))")
BIRTH_BEFORE = re.compile(r"(?:出生于|生于|出生日期[:：]?)\s*$")


@dataclass(frozen=True)
class Recidivism:
    """What an inferred recidivism rests on: the earlier conviction, its release and the new crime's first act."""

    conviction: EarlierConviction
    released: date
    new_crime: date
    article: int = 65  # 65, or 66 for a special recidivism
    classes: tuple[str, str] = ("", "")  # art. 66: the earlier crime's class and the new crime's


def negligent(charge: str) -> bool:
    """Whether `charge` is a crime of negligence (NEGLIGENT), under any of its names."""
    info = find_charge(charge)
    return info.negligent if info is not None else charge.removesuffix("罪") in NEGLIGENT


def special_class(words: str) -> str | None:
    """The class of 刑法第66条 (危害国家安全罪, 恐怖活动犯罪, 黑社会性质的组织犯罪) of the first crime `words` name (a charge
    name, 罪 optional, or an earlier conviction's words), or None where they name none."""
    name = words if "罪" in words else normalise_name(words) + "罪"
    found = [(m.start(), cls) for cls, pattern in SPECIAL_CLASSES if (m := pattern.search(name))]
    return min(found)[1] if found else None


def inferred_recidivism(
    text: str, convictions: Sequence[EarlierConviction], age: int | None, charges: Sequence[str]
) -> Recidivism | None:
    """The recidivism (刑法第66条, else 第65条) the text tells by its conditions, or None; `convictions` are the
    defendant's prior records (circumstances.prior_records), `age` the defendant's at the new crime, `charges` the
    case's. None where the text names 累犯 (the word decides), names no charge, or any condition fails (see the
    module)."""
    if "累犯" in text or not charges:
        return None
    special = _special(text, convictions, charges)
    if special is not None:
        return special
    if any(negligent(c) for c in charges):
        return None
    if not any(_may_be_imprisoned(c) for c in charges):
        return None
    first = first_act_date(text)
    if first is None:
        return None
    born = birth_date(text)
    at_crime = _age(born, first) if born else age
    if at_crime is not None and at_crime < ADULT:
        return None
    found = [
        Recidivism(c, released, first)
        for c in convictions
        if (released := _counted_from(text, c)) is not None and _qualifies(text, c, released, first, born)
    ]
    return max(found, key=lambda r: r.released, default=None)


def _counted_from(text: str, c: EarlierConviction) -> date | None:
    """The day 第65条's five years run from: the release (刑满释放), or for a parole the end of its period (第2款)."""
    told = text[c.start : c.end]
    if PAROLE.search(told):
        end = PAROLE_END.search(told)
        found = end and DATE_RE.fullmatch(end["end"] or end["ended"] or end["due"])
        return date_of(found) if found else _parole_length_end(told)
    return c.released if c.served else None


def _parole_length_end(told: str) -> date | None:
    """The last day of a parole period told by its length from the day of the parole (PAROLE_LENGTH), or None."""
    match = PAROLE_LENGTH.search(told)
    paroled = date_of(DATE_RE.fullmatch(match["day"])) if match else None
    months = term_months(TERM_RE.fullmatch(match["length"])) if match else None
    if paroled is None or not months:
        return None
    years, month = divmod(paroled.month - 1 + months, 12)
    year = paroled.year + years
    last = calendar.monthrange(year, month + 1)[1]
    if paroled.day > last:  # no such day in its last month (31 August + 6 months): that month's last day
        return date(year, month + 1, last)
    return date(year, month + 1, paroled.day) - timedelta(days=1)


def _special(
    text: str, convictions: Sequence[EarlierConviction], charges: Sequence[str]
) -> Recidivism | None:
    """The special recidivism (刑法第66条) the text tells: an earlier sentence for a crime of its classes served, and a
    charge of the case of any of them committed after, at any time."""
    new_class = next((cls for c in charges if (cls := special_class(c)) is not None), None)
    if new_class is None:
        return None
    first = first_act_date(text)
    if first is None:
        return None
    found = []
    for c in convictions:
        told = text[c.start : c.end]
        earlier_class = special_class(told)
        # a parole counted from the end of its period, as 第65条第2款 counts it (刑法第85条: 假释考验期满，就认为原判刑罚
        # 已经执行完毕 — recalled, unconfirmed); a crime within the period is 第86条's, none
        released = _counted_from(text, c)
        if earlier_class is None or released is None or not released <= first:
            continue
        if SUSPENDED.search(told) and not REVOKED.search(told):
            continue  # a probation passed is no 刑罚执行完毕 (第76条)
        found.append(Recidivism(c, released, first, 66, (earlier_class, new_class)))
    return max(found, key=lambda r: r.released, default=None)


def finding(text: str, recidivism: Recidivism) -> Finding:
    """The recidivist finding of an inferred recidivism: value INFERRED, its span the earlier conviction's."""
    c = recidivism.conviction
    return Finding(Circumstance.RECIDIVIST.value, INFERRED, Span(c.start, c.end, text[c.start : c.end]))


def note(recidivism: Recidivism) -> str:
    """The note that marks an inferred recidivism in the trace: the dates it rests on, the article, its confidence."""
    released, new = recidivism.released.isoformat(), recidivism.new_crime.isoformat()
    if recidivism.article == 66:
        earlier, later = recidivism.classes
        return (
            f"{SPECIAL_PREFIX}（文中未写“累犯”）：前罪属{earlier}，{released}刑满释放，新罪属{later}，始于{new}，"
            f"在刑罚执行完毕以后任何时候再犯上述任一类罪的，以累犯论处；中等可信度，请核对前罪罪名及有无假释 / "
            f"special recidivist inferred under art. 66 (the text does not say 累犯): an earlier sentence for a crime "
            f"of its classes served until {released}, a new crime of its classes from {new}, at any time after; "
            f"medium confidence"
        )
    return (
        f"{NOTE_PREFIX}（文中未写“累犯”）：前罪有期徒刑以上，{released}刑满释放，新罪始于{new}，在五年以内；"
        f"中等可信度，请核对有无赦免、假释及前罪时是否未满十八周岁 / "
        f"recidivist inferred under art. 65 (the text does not say 累犯): an earlier sentence of imprisonment served "
        f"until {released}, the new crime from {new}, within five years; medium confidence"
    )


def without_inferred(facts: CaseFacts) -> CaseFacts | None:
    """`facts` without its inferred recidivism, for a crime the calculation puts below 有期徒刑 (刑法第65条: 再犯应当判处
    有期徒刑以上刑罚之罪; 拘役, 管制 or a fine alone is no such crime), its note replaced by one that says why; None where
    `facts` holds no inferred recidivism. The calculation asks this after weighing the circumstances (see calculator)."""
    inferred = [
        f for f in facts.circumstances if f.code == Circumstance.RECIDIVIST.value and f.value == INFERRED
    ]
    if not inferred or any(n.startswith(SPECIAL_PREFIX) for n in facts.notes):
        return None  # 刑法第66条 asks no 有期徒刑 of the new crime
    notes = [n for n in facts.notes if not n.startswith(NOTE_PREFIX)] + [NOT_CUSTODIAL]
    circumstances = [f for f in facts.circumstances if f not in inferred]
    if not any(f.code == Circumstance.PRIOR_RECORD.value for f in circumstances):
        # no recidivism: its conviction is a 前科 again (三(16)), where recidivism.beside_recidivism dropped it
        circumstances += _record_of(facts.text or "", inferred[0])
    return dataclasses.replace(facts, circumstances=circumstances, notes=notes)


def _record_of(text: str, inferred: Finding) -> list[Finding]:
    """The prior record (三(16)) of the earlier conviction an inferred recidivism was read from, as circumstances reads
    it (its opening words), where it is weighed as one (excepted_earlier_crimes)."""
    told = [
        c for c in earlier_convictions(text) if inferred.span is not None and c.start == inferred.span.start
    ]
    opening = OPENING.match(text, told[0].start) if told and weighed_as_prior_record(text, told[0]) else None
    if opening is None:
        return []
    return [Finding(Circumstance.PRIOR_RECORD.value, None, span(text, opening.start(), opening.end()))]


def beside_recidivism(
    text: str, recidivist: Finding, mentions: Sequence[Finding], convictions: Sequence[EarlierConviction]
) -> list[Finding]:
    """`mentions` less the prior records (前科) a recidivist finding already weighs. One earlier conviction is a 累犯's
    or a 前科, not both (2021量刑指导意见 三(15)、(16): the same conviction is not weighed twice): the one the recidivism
    rests on (`basis`; where the records tell none, the only conviction told) is no 前科 beside it, nor is a record
    read from words alone (毒品再犯, circumstance_patterns), which names no conviction of its own; another earlier
    conviction stays one. `convictions` are the defendant's prior records (circumstances.prior_records)."""
    founded_on = basis(text, recidivist, convictions)
    if founded_on is None and len(convictions) == 1:
        founded_on = convictions[0]
    others = {
        c.start
        for c in convictions
        if c != founded_on and not _restates_the_ground(text, c) and not _bare_release(text, c)
    }
    return [
        m
        for m in mentions
        if m.code != Circumstance.PRIOR_RECORD.value or (m.span is not None and m.span.start in others)
    ]


def basis(
    text: str, recidivist: Finding, convictions: Sequence[EarlierConviction]
) -> EarlierConviction | None:
    """The earlier conviction among `convictions` (the defendant's prior records) that the recidivist finding rests
    on: the one an inferred recidivism was read from (its span), else, where the text just says 累犯, the custodial
    sentence told as served whose release comes last on or before the new crime's first act; None where the records
    tell none (刑法第65条 counts from the release: the nearest release before the crime is the one the court weighs)."""
    if recidivist.value == INFERRED and recidivist.span is not None:
        return next((c for c in convictions if c.start == recidivist.span.start), None)
    first = first_act_date(text)
    served = [
        c
        for c in convictions
        if c.sentence is not None
        and c.sentence.penalty in CUSTODIAL_OR_MORE
        and c.served
        and c.released is not None
        and (first is None or c.released <= first)
    ]
    return max(served, key=lambda c: c.released or date.min, default=None)


# 累犯 or 刑法第65条's own words ("曾因故意犯罪被判处有期徒刑，刑罚执行完毕后五年内再犯…之罪，系累犯")
RECIDIVISM_WORDS = re.compile(r"累犯|刑罚执行完毕(?:或者赦免)?以?后[^。；;]{0,4}五年")


def _restates_the_ground(text: str, c: EarlierConviction) -> bool:
    """Whether `c` is the court's restatement of a recidivism's ground, not a conviction of its own: told with no date
    of its own, in the sentence that names 累犯 or tells art. 65's conditions ("本院认为…被告人曾因故意犯罪被判处有期徒刑，
    刑罚执行完毕后五年内再犯…，系累犯")."""
    if c.pronounced is not None or c.released is not None:
        return False
    lo, hi = bounds(text, c.start, c.end, SENTENCE_BREAKS)
    return RECIDIVISM_WORDS.search(text, lo, hi) is not None


def _bare_release(text: str, c: EarlierConviction) -> bool:
    """Whether `c` is a release told with nothing of its own (刑满释放证明 in the list of evidence): no judgment, date or
    sentence, so the release of a conviction told elsewhere, not another one."""
    return (
        not c.judgment
        and c.sentence is None
        and c.pronounced is None
        and c.released is None
        and text.startswith("刑满释放", c.start)
    )


def first_act_date(text: str) -> date | None:
    """The earliest date of the facts: a date outside every earlier conviction the text tells, the clause it opens in
    included (its date stands before its opening as often as after it: "被告人李某于2004年6月4日因犯盗窃罪被…判处"), not
    a birth date."""
    told = earlier_convictions(text)
    dates = [
        d
        for m in DATE_RE.finditer(text)
        if not any(c.clause <= m.start() < c.end for c in told)
        and not BIRTH_AFTER.match(text, m.end())
        and not BIRTH_BEFORE.search(text, max(0, m.start() - 8), m.start())
        and (d := date_of(m)) is not None
    ]
    return min(dates, default=None)


def _age(born: date | None, day: date) -> int | None:
    if born is None:
        return None
    return age_on(born, day)


def _qualifies(text: str, c: EarlierConviction, released: date, first: date, born: date | None) -> bool:
    told = text[c.start : c.end]
    if c.sentence is None or c.sentence.penalty not in CUSTODIAL_OR_MORE:
        return False
    if (
        (SUSPENDED.search(told) and not REVOKED.search(told))
        or negligent_crime(text, c)
        or FOREIGN.search(text, c.clause, c.end)
    ):
        return False
    if minor_crime(text, c, born):
        return False  # its crime a minor's (时年十七周岁; sentenced before 18): 刑法第65条 excepts it
    return released <= first <= _years_after(released, YEARS)


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _may_be_imprisoned(charge: str) -> bool:
    """Whether any bracket of `charge` allows 有期徒刑 or more; an unknown charge is not ruled out."""
    info = find_charge(charge)
    if info is None:
        return True
    return any(b.imprisonment or b.life or b.death for b in info.brackets)
