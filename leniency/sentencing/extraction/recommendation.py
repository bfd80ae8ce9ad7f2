"""The prosecutor's sentencing recommendation when the fact text quotes it (建议判处有期徒刑一年至一年六个月).

What is read, from the sentence that follows 建议:

- the term or range of the principal penalty (确定刑 / 幅度刑): 有期徒刑一年, 一年至一年六个月, 二至四个月
  (a bare lower figure takes the unit of the upper), 六个月以上一年以下, 一年以下 / 一年以内 (a ceiling),
  三年以上 (a floor); a masked end (××至二年) stays unknown;
- the principal penalty's kind: 有期徒刑, 拘役 or 管制, whichever is named first (None when masked);
- 缓刑 (art. 72) as a suspension of that penalty, never as a penalty of its own, with its own period when the
  text states it (缓刑一年, 缓刑考验期一年六个月); 不(宜/予/建议)适用缓刑 is no probation;
- 并处罚金 with its amount or range of amounts (并处罚金人民币二千元, 罚金二千元至五千元).

A recommendation told before its name (提出判处被告人有期徒刑一年的量刑建议) is read when none follows a 建议.

A recommendation for several charges (以A罪判处…，以B罪判处…，决定执行…, up to the sentence's full stop) is read
as each charge's term (`per_charge`) and the combined punishment after 决定执行 (刑法第69条), whose term, kind,
probation and fine are the recommendation's own; without a 决定执行 term it is read as before (the first term).

Whose recommendation, for whom (task E41):

- the prosecutor's only: a 建议 whose sentence names the defence, the victim's side or the defendant asking
  (辩护人…建议, 被告人…请求) after the last word for the prosecution is theirs, not a 量刑建议;
- the person tried's only: one for a co-offender (同案人刘某另案处理，公诉机关对其建议…) is not his; of the
  recommendations for several named defendants, the one for the defendant the text names first;
- the last word: a recommendation changed in court (当庭变更量刑建议为…, 调整量刑建议为…, 建议变更为…) replaces
  the first, and one the prosecutor withdrew (撤回量刑建议: a plea withdrawn at trial, SPP guidance art. 34,
  FACTS.md §2, ⚠️) is none;
- an outcome without a principal penalty: 单处罚金 / 判处罚金 with no principal penalty is ``fine_only`` (刑法第52条)
  and 免予刑事处罚 is ``exempt`` (刑法第37条), both as the recommendation's `penalty` with no term; 减轻或者免除处罚
  is the law's allowance, not an exemption recommended.
"""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.numbers import NUMBER, TERM, bounds, parse_number, span, term_months
from leniency.sentencing.extraction.parties import DEFENDANT_WORD_RE, DEFENDANT_WORDS, MASKED_NAME
from leniency.sentencing.facts import QuotedRecommendation, QuotedTerm

ADVICE_RE = re.compile(r"建议")
WINDOW = 90
MASK = r"[×X]{2,}"
JOIN = r"(?:至|到|-|—|~|～)"
# a bare figure before a range's upper end takes that end's unit: 一至二年, 二至四个月
TOKEN_RE = re.compile(rf"(?P<mask>{MASK})|{TERM}|(?P<bare>{NUMBER})(?=\s*{JOIN}\s*{NUMBER}(?P<unit>年|个月))")
RANGE_JOIN = re.compile(rf"^\s*(?:以上)?\s*[，,]?\s*{JOIN}\s*$|^\s*以上\s*[，,]?\s*$")
CEILING = ("以下", "以内")
CEILING_BEFORE = re.compile(r"(?:不超过|不高于|最高|至多)\s*$")
FLOOR_BEFORE = re.compile(r"(?:不低于|不少于|最低|至少)\s*$")
PENALTIES = [("有期徒刑", "imprisonment"), ("拘役", "detention"), ("管制", "surveillance")]
STOP = re.compile(r"缓刑|罚金|并处|剥夺|没收|。|；")
NO_PROBATION = re.compile(r"不(?:宜|应|予|得|建议)?(?:适用|宣告)缓刑")
PROBATION_PERIOD = re.compile(rf"缓刑(?:考验期限?)?(?:为)?\s*{TERM}")
FINE_RE = re.compile(
    rf"罚金(?:人民币)?\s*(?P<a>{NUMBER})\s*(?P<au>元)?(?:\s*{JOIN}\s*(?:人民币)?\s*(?P<b>{NUMBER})\s*元)?"
)
TOLD_BEFORE = re.compile(r"(?P<body>(?:判处|处以)(?:(?!判处)[^。；;]){1,80}?)的量刑建议")
# several charges: 以A罪(对被告人)判处… / 以××判处… (CAIL masks the charge with its 罪), then 决定执行 the combined term
CHARGE_ITEM = re.compile(
    r"以(?:(?P<charge>[^以，,；;。、×X]{1,20}?)罪|(?P<masked>[×X]{2,}))(?=[^，,；;。]{0,12}?(?:判处|处以|判|处))"
)
COMBINED_AT = re.compile(r"决定执行")
COMBINED_WINDOW = 300
SENTENCING_WORDS = re.compile(
    r"判处|量刑|处刑|刑罚|有期徒刑|拘役|管制|处[0-9０-９一二两三四五六七八九十]|缓刑|罚金|免[予于除]刑事处罚"
)
# who speaks: the last of these before 建议 in its sentence
PROSECUTION = re.compile(r"公诉机关|公诉人|检察院|检察机关|检察员|控方")
# the defence, the victim's side or the defendant as the speaker: the word and a verb of saying or asking (赔偿被害人,
# 在辩护人见证下 name them without their speaking; 被告人表示认罪 is a fact the prosecutor tells, so the defendant
# speaks only by asking or contending), or the word in 建议's own clause (辩护人建议…, 被害人家属建议…)
DEFENCE_OR_VICTIM = r"辩护人|辩护律师|辩方|诉讼代理人|被害人"
OTHER_SPEAKER = re.compile(
    rf"(?:{DEFENCE_OR_VICTIM})[^，,。；;]{{0,12}}?(?:提出|认为|请求|要求|辩称|表示|希望|主张|意见)"
    rf"|{DEFENDANT_WORDS}[^，,。；;]{{0,12}}?(?:请求|要求|辩称|希望)"
    rf"|(?:{DEFENCE_OR_VICTIM})[^，,。；;]*$"
)
CO_OFFENDER = re.compile(r"另案处理|另案|同案人|同案犯|同伙")
PERSON = re.compile(rf"{DEFENDANT_WORDS}(?P<name>{MASKED_NAME})")
CHANGED_BEFORE = re.compile(r"(?:变更|调整|更改|改变|修改)(?:了)?(?:其|原|该)?(?:量刑)?$")
# 建议变更为…, 建议由有期徒刑一年调整为…: the term after the change
CHANGED_AFTER = re.compile(r"^(?:由[^，,。；;]{1,24}?)?(?:变更|调整|更改|修改|改)为")
# 撤回了对量刑建议的异议 is the defence's objection withdrawn, not the recommendation
WITHDRAWN = re.compile(
    r"撤回(?:了)?(?:对[^，,。；;]{0,8}?)?(?:上述|该|原|此|前述|其)?(?:的)?量刑建议(?![的之])"
)
FINE_ONLY = re.compile(
    rf"单处罚金|^[^，,。；;]{{0,16}}?(?:判处|处以){DEFENDANT_WORDS}?[^，,。；;]{{0,6}}?罚金"
)
EXEMPT = re.compile(r"(?<!或者)(?<!或)(?:免予|免于|免除)(?:刑事)?处罚")


def find_recommendation(text: str) -> QuotedRecommendation | None:
    """The prosecutor's recommendation for the person tried, as it last stood (changed in court: the change),
    or None (none quoted, or withdrawn)."""
    found = _last_word(text) or _first_recommendation(text)
    if found is None or (found.span is not None and WITHDRAWN.search(text, found.span.end)):
        return None
    return found


def _first_recommendation(text: str) -> QuotedRecommendation | None:
    fallback: QuotedRecommendation | None = None
    with_term: list[tuple[QuotedRecommendation, str | None]] = []
    for advice in _prosecutors_advice(text):
        if combined := _combined(text, advice.start(), advice.end()):
            return combined
        recommendation = _advice_read(text, advice)
        if recommendation.low_months is not None or recommendation.high_months is not None:
            with_term.append((recommendation, _person(text, advice)))
        elif fallback is None and (recommendation.penalty is not None or recommendation.probation):
            fallback = recommendation
    if with_term:
        return _for_person_tried(text, with_term)
    # the recommendation told before its name: 提出判处被告人有期徒刑一年的量刑建议
    for told in TOLD_BEFORE.finditer(text):
        sentence_start, _ = bounds(text, told.start(), told.start(), "。；;\n")
        if not _said_by_prosecution(text[sentence_start : told.start()]):
            continue
        if text.count("判处", sentence_start, told.end()) > 1:
            if combined := _combined(text, sentence_start, sentence_start):
                return combined
            continue  # one term per charge (以A罪判处…、以B罪判处…) and no combined term: no one term to read
        recommendation = _read(text, told.start("body"), told.start("body"), told.group("body"))
        if recommendation.low_months is not None or recommendation.high_months is not None:
            return recommendation
    return fallback


def _prosecutors_advice(text: str) -> list[re.Match]:
    """Each 建议 that recommends a punishment, made by the prosecution for the person tried."""
    found = []
    for advice in ADVICE_RE.finditer(text):
        sentence_start = bounds(text, advice.start(), advice.start(), "。；;\n")[0]
        before = text[sentence_start : advice.start()]
        if not SENTENCING_WORDS.search(_window(text, advice)) or not _said_by_prosecution(before):
            continue
        if _for_co_offender(before, _window(text, advice)):
            continue
        found.append(advice)
    return found


def _window(text: str, advice: re.Match) -> str:
    end = min(len(text), advice.end() + WINDOW)
    sentence_end = min(bounds(text, advice.end(), advice.end(), "。；;\n")[1], end)
    return text[advice.end() : sentence_end]


def _advice_read(text: str, advice: re.Match) -> QuotedRecommendation:
    window = _window(text, advice)
    changed = CHANGED_AFTER.match(window)
    if changed:  # 建议变更为…: the term after the change
        return _read(text, advice.start(), advice.end() + changed.end(), window[changed.end() :])
    later = _later_for_person_tried(text, window)
    if later is not None:  # 建议判处吴某拘役五个月，判处被告人何某有期徒刑一年: the part for the person tried
        return _read(text, advice.start(), advice.end() + later, window[later:])
    return _read(text, advice.start(), advice.end(), window)


def _later_for_person_tried(text: str, window: str) -> int | None:
    """Where one advice for several people turns to the person tried (对/判处 him) after a first term that is
    another's, when a term follows; None otherwise."""
    tried, tokens = _person_tried(text), _tokens(window)
    if tried is None or not tokens:
        return None
    turn = re.compile(rf"(?:对|判处|处)(?:{DEFENDANT_WORDS})?{re.escape(tried)}").search(window, tokens[0][1])
    if turn is None or tried in window[: tokens[0][0]] or not _tokens(window[turn.end() :]):
        return None
    return turn.start()


def _said_by_prosecution(before: str) -> bool:
    """Whether the sentence up to 建议 leaves the word with the prosecution (or names no speaker)."""
    other = [m.end() for m in OTHER_SPEAKER.finditer(before)]
    if not other:
        return True
    return any(m.start() >= other[-1] for m in PROSECUTION.finditer(before))


def _for_co_offender(before: str, window: str) -> bool:
    """A co-offender named (另案处理, 同案人) and no word for the person tried after him in the advice's clause."""
    marks = list(CO_OFFENDER.finditer(before))
    if not marks:
        return False
    clause = re.split(r"[，,]", window, maxsplit=1)[0]
    return DEFENDANT_WORD_RE.search(before[marks[-1].end() :] + clause) is None


def _person(text: str, advice: re.Match) -> str | None:
    """The masked name of the defendant a recommendation is for: named in its clause before 建议, else after it
    before its first term."""
    clause_start = bounds(text, advice.start(), advice.start(), "，,。；;\n")[0]
    named = list(PERSON.finditer(text, clause_start, advice.start()))
    if named:
        return named[-1].group("name")
    window = _window(text, advice)
    tokens = _tokens(window)
    after = PERSON.search(window, 0, tokens[0][0] if tokens else len(window))
    return after.group("name") if after else None


def _person_tried(text: str) -> str | None:
    """The masked name of the defendant the text names first (被告人何某)."""
    first = PERSON.search(text)
    return first.group("name") if first else None


def _for_person_tried(
    text: str, found: list[tuple[QuotedRecommendation, str | None]]
) -> QuotedRecommendation:
    """Of recommendations for several named defendants, the one for the defendant the text names first."""
    tried = _person_tried(text)
    for recommendation, person in found:
        if tried is not None and person == tried:
            return recommendation
    return found[0][0]


def _last_word(text: str) -> QuotedRecommendation | None:
    """The last recommendation the prosecutor changed in court (当庭变更量刑建议为…), or None."""
    changed = None
    for advice in _prosecutors_advice(text):
        if CHANGED_BEFORE.search(text[max(0, advice.start() - 8) : advice.start()]) or CHANGED_AFTER.match(
            _window(text, advice)
        ):
            recommendation = _advice_read(text, advice)
            if recommendation.low_months is not None or recommendation.high_months is not None:
                changed = recommendation
    return changed


def _combined(text: str, start: int, search_from: int) -> QuotedRecommendation | None:
    """A recommendation for several charges: each charge's term, and the combined one after 决定执行 (art. 69)
    as the recommendation's own; None unless at least two charges come before a 决定执行 in the sentence."""
    sentence_end = min(bounds(text, search_from, search_from, "。\n")[1], search_from + COMBINED_WINDOW)
    decided = COMBINED_AT.search(text, search_from, sentence_end)
    if decided is None:
        return None
    items = list(CHARGE_ITEM.finditer(text, search_from, decided.start()))
    if len(items) < 2:
        return None
    per_charge = []
    for item, after in zip(items, [*items[1:], None], strict=True):
        part = text[item.end() : after.start() if after else decided.start()]
        stop = STOP.search(part)
        terms_part = part[: stop.start()] if stop else part
        low, high, _ = _range(terms_part)
        per_charge.append(
            QuotedTerm(item.group("charge") or item.group("masked"), low, high, _penalty(terms_part))
        )
    recommendation = _read(text, start, decided.end(), text[decided.end() : sentence_end])
    recommendation.per_charge = per_charge
    return recommendation


def _read(text: str, start: int, window_start: int, window: str) -> QuotedRecommendation:
    """What `window` (text from `window_start`) recommends; its span starts at `start`."""
    stop = STOP.search(window)
    terms_part = window[: stop.start()] if stop else window
    low, high, last_end = _range(terms_part)
    probation = "缓刑" in window and not NO_PROBATION.search(window)
    fine_low, fine_high = _fine(window)
    penalty = _penalty(terms_part) or _penalty(window)
    quoted_end = last_end or len(terms_part)
    if penalty is None and low is None and high is None and (outcome := _outcome(window)):
        penalty, quoted_end = outcome
    return QuotedRecommendation(
        low,
        high,
        penalty,
        span(text, start, window_start + quoted_end),
        probation=probation,
        probation_months=_probation_months(window) if probation else None,
        fine_low_yuan=fine_low,
        fine_high_yuan=fine_high,
    )


def _penalty(part: str) -> str | None:
    """The principal penalty named first (缓刑 suspends it: it is not one)."""
    found = [(part.find(word), code) for word, code in PENALTIES if word in part]
    return min(found)[1] if found else None


def _outcome(window: str) -> tuple[str, int] | None:
    """An outcome without a principal penalty, and where its words end: 免予刑事处罚 (art. 37) or a fine alone
    (单处罚金, art. 52)."""
    if exempt := EXEMPT.search(window):
        return "exempt", exempt.end()
    if fine := FINE_ONLY.search(window):
        return "fine_only", fine.end()
    return None


def _probation_months(window: str) -> int | None:
    match = PROBATION_PERIOD.search(window)
    return term_months(match) if match else None


def _fine(window: str) -> tuple[Decimal | None, Decimal | None]:
    """并处罚金's amount (both ends equal) or range; (None, None) when no amount is stated."""
    match = FINE_RE.search(window)
    if not match or not (match.group("au") or match.group("b")):
        return None, None
    low = parse_number(match.group("a"))
    high = parse_number(match.group("b")) if match.group("b") else low
    return low, high


def _tokens(part: str) -> list[tuple[int, int, int | None]]:
    """(start, end, months) for each term or masked term in `part`."""
    tokens = []
    for match in TOKEN_RE.finditer(part):
        if match.group("mask"):
            after = part[match.end() : match.end() + 3]
            before = part[max(0, match.start() - 1) : match.start()]
            # a mask is a term only inside a range (××至二年, ××以上一年以下); elsewhere it hides a charge or a penalty
            if not (re.match(r"\s*(?:至|到|以上|-)", after) or before in ("至", "到")):
                continue
            tokens.append((match.start(), match.end(), None))
        elif match.group("bare"):
            value = parse_number(match.group("bare"))
            unit = 12 if match.group("unit") == "年" else 1
            tokens.append((match.start(), match.end(), int(value * unit) if value is not None else None))
        else:
            tokens.append((match.start(), match.end(), term_months(match)))
    return tokens


def _range(part: str) -> tuple[int | None, int | None, int | None]:
    tokens = _tokens(part)
    if not tokens:
        return None, None, None
    first = tokens[0]
    if len(tokens) >= 2 and RANGE_JOIN.match(part[first[1] : tokens[1][0]]):
        second = tokens[1]
        end = second[1] + 2 if part[second[1] : second[1] + 2] in CEILING else second[1]
        return first[2], second[2], end
    following = part[first[1] : first[1] + 2]
    if following in CEILING or CEILING_BEFORE.search(part[: first[0]]):
        return None, first[2], first[1] + 2
    if following == "以上" or FLOOR_BEFORE.search(part[: first[0]]):
        return first[2], None, first[1] + 2
    return first[2], first[2], first[1]
