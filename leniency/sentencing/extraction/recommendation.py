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
"""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.numbers import NUMBER, TERM, bounds, parse_number, span, term_months
from leniency.sentencing.facts import QuotedRecommendation, QuotedTerm

ADVICE_RE = re.compile(r"建议")
WINDOW = 90
MASK = r"[×X]{2,}"
JOIN = r"(?:至|到|-|—|~|～)"
# a bare figure before a range's upper end takes that end's unit: 一至二年, 二至四个月
TOKEN_RE = re.compile(rf"(?P<mask>{MASK})|{TERM}|(?P<bare>{NUMBER})(?=\s*{JOIN}\s*{NUMBER}(?P<unit>年|个月))")
RANGE_JOIN = re.compile(rf"^\s*(?:以上)?\s*[，,]?\s*{JOIN}\s*$|^\s*以上\s*[，,]?\s*$")
CEILING = ("以下", "以内")
PENALTIES = [("有期徒刑", "imprisonment"), ("拘役", "detention"), ("管制", "surveillance")]
STOP = re.compile(r"缓刑|罚金|并处|剥夺|没收|。|；")
NO_PROBATION = re.compile(r"不(?:宜|应|予|得|建议)?(?:适用|宣告)缓刑")
PROBATION_PERIOD = re.compile(rf"缓刑(?:考验期)?(?:为)?\s*{TERM}")
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
SENTENCING_WORDS = re.compile(r"判处|量刑|处刑|刑罚|有期徒刑|拘役|管制|处[0-9０-９一二两三四五六七八九十]")


def find_recommendation(text: str) -> QuotedRecommendation | None:
    fallback: QuotedRecommendation | None = None
    for advice in ADVICE_RE.finditer(text):
        end = min(len(text), advice.end() + WINDOW)
        sentence_end = min(bounds(text, advice.end(), advice.end(), "。；;\n")[1], end)
        window = text[advice.end() : sentence_end]
        if not SENTENCING_WORDS.search(window):
            continue
        if combined := _combined(text, advice.start(), advice.end()):
            return combined
        recommendation = _read(text, advice.start(), advice.end(), window)
        if recommendation.low_months is not None or recommendation.high_months is not None:
            return recommendation
        if fallback is None and (recommendation.penalty is not None or recommendation.probation):
            fallback = recommendation
    # the recommendation told before its name: 提出判处被告人有期徒刑一年的量刑建议
    for told in TOLD_BEFORE.finditer(text):
        sentence_start, _ = bounds(text, told.start(), told.start(), "。；;\n")
        if text.count("判处", sentence_start, told.end()) > 1:
            if combined := _combined(text, sentence_start, sentence_start):
                return combined
            continue  # one term per charge (以A罪判处…、以B罪判处…) and no combined term: no one term to read
        recommendation = _read(text, told.start("body"), told.start("body"), told.group("body"))
        if recommendation.low_months is not None or recommendation.high_months is not None:
            return recommendation
    return fallback


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
    return QuotedRecommendation(
        low,
        high,
        _penalty(terms_part) or _penalty(window),
        span(text, start, window_start + (last_end or len(terms_part))),
        probation=probation,
        probation_months=_probation_months(window) if probation else None,
        fine_low_yuan=fine_low,
        fine_high_yuan=fine_high,
    )


def _penalty(part: str) -> str | None:
    """The principal penalty named first (缓刑 suspends it: it is not one)."""
    found = [(part.find(word), code) for word, code in PENALTIES if word in part]
    return min(found)[1] if found else None


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
    if following in CEILING:
        return None, first[2], first[1] + 2
    if following == "以上":
        return first[2], None, first[1] + 2
    return first[2], first[2], first[1]
