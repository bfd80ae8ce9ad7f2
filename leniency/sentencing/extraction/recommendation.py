"""The prosecutor's sentencing recommendation when the fact text quotes it (建议判处有期徒刑一年至一年六个月)."""

from __future__ import annotations

import re

from leniency.sentencing.extraction.numbers import NUMBER, TERM, parse_number, span, term_months
from leniency.sentencing.facts import QuotedRecommendation

ADVICE_RE = re.compile(r"建议")
WINDOW = 90
MASK = r"[×X]{2,}"
TOKEN_RE = re.compile(rf"(?P<mask>{MASK})|{TERM}|(?P<bare>{NUMBER})(?=\s*(?:至|到|-|—|~)\s*{NUMBER}年)")
RANGE_JOIN = re.compile(r"^\s*(?:以上)?\s*[，,]?\s*(?:至|到|-|—|~|～)\s*$|^\s*以上\s*[，,]?\s*$")
PENALTIES = [("有期徒刑", "imprisonment"), ("拘役", "detention"), ("管制", "surveillance")]
STOP = re.compile(r"缓刑|罚金|并处|剥夺|没收|。|；")
NO_PROBATION = re.compile(r"不(?:宜|应|予|得)?适用缓刑")
SENTENCING_WORDS = re.compile(r"判处|量刑|处刑|刑罚|有期徒刑|拘役|管制|处[0-9０-９一二两三四五六七八九十]")


def find_recommendation(text: str) -> QuotedRecommendation | None:
    fallback: QuotedRecommendation | None = None
    for advice in ADVICE_RE.finditer(text):
        end = min(len(text), advice.end() + WINDOW)
        sentence_end = min(
            (i for i in (text.find(ch, advice.end()) for ch in "。；;\n") if 0 <= i < end), default=end
        )
        window = text[advice.end() : sentence_end]
        if not SENTENCING_WORDS.search(window):
            continue
        stop = STOP.search(window)
        terms_part = window[: stop.start()] if stop else window
        low, high, last_end = _range(terms_part)
        penalty = _penalty(window)
        rec_span = span(text, advice.start(), advice.end() + (last_end or len(terms_part)))
        recommendation = QuotedRecommendation(low, high, penalty, rec_span)
        if low is not None or high is not None:
            return recommendation
        if fallback is None and penalty is not None:
            fallback = recommendation
    return fallback


def _penalty(window: str) -> str | None:
    if "缓刑" in window and not NO_PROBATION.search(window):
        return "probation"
    found = [(window.find(word), code) for word, code in PENALTIES if word in window]
    return min(found)[1] if found else None


def _tokens(part: str) -> list[tuple[int, int, int | None, bool]]:
    """(start, end, months, is_bare) for each term or masked term in `part`."""
    tokens = []
    for match in TOKEN_RE.finditer(part):
        if match.group("mask"):
            after = part[match.end() : match.end() + 3]
            before = part[max(0, match.start() - 1) : match.start()]
            # a mask is a term only inside a range (××至二年, ××以上一年以下); elsewhere it hides a charge or a penalty
            if not (re.match(r"\s*(?:至|到|以上|-)", after) or before in ("至", "到")):
                continue
            tokens.append((match.start(), match.end(), None, False))
        elif match.group("bare"):
            value = parse_number(match.group("bare"))
            tokens.append((match.start(), match.end(), int(value) if value is not None else None, True))
        else:
            tokens.append((match.start(), match.end(), term_months(match), False))
    return tokens


def _range(part: str) -> tuple[int | None, int | None, int | None]:
    tokens = _tokens(part)
    if not tokens:
        return None, None, None
    first = tokens[0]
    if len(tokens) >= 2 and RANGE_JOIN.match(part[first[1] : tokens[1][0]]):
        second = tokens[1]
        low = first[2]
        if first[3] and low is not None:
            low *= 12  # "1至2年": the unit of the upper figure
        return low, second[2], second[1]
    following = part[first[1] : first[1] + 3]
    if following.startswith("以下"):
        return None, first[2], first[1] + 2
    if following.startswith("以上"):
        return first[2], None, first[1] + 2
    return first[2], first[2], first[1]
