"""The amount of each charge when a case has several (数罪并罚): the money named where its conduct is told.

"利用职务便利，收受他人财物28900元……虚构事实，骗取王某甲30万元" is 28,900 yuan of bribery and 300,000 yuan of
fraud, not 328,900 yuan of each. Each money mention goes to the charge whose conduct words come nearest
before it in its sentence; a sentence that names no charge's conduct continues the one before it (a
charge's counts are often told over several sentences). Money in a sentence about a charge that is not
measured by an amount (伪造居民身份证, 滥用职权's losses) belongs to no measured charge. Each charge's
figure is then the total of its own mentions, by the rules of the whole case's total (`total_amount`).

A charge measured by another sum than its money taken (amount_brackets.yaml `measure`: 虚开增值税专用发票 by the tax on
the invoices, 法释〔2024〕4号第十一条; 逃税 by the tax evaded, unpaid_amounts.py;
假冒注册商标 by the illegal business volume, business_volume.py; the counterfeit money crimes by the notes' total face value,
face_value.py; 盗伐林木 and 滥伐林木 by the timber's standing volume in cubic metres, timber_volume.py) is given that sum
(`measured_amount`), read from its own sentences where the case has several charges.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from decimal import Decimal

from leniency.sentencing.extraction.amounts import Mention, total_amount
from leniency.sentencing.extraction.business_volume import business_volume
from leniency.sentencing.extraction.document import parse
from leniency.sentencing.extraction.face_value import face_value
from leniency.sentencing.extraction.tax_amounts import tax_amount
from leniency.sentencing.extraction.timber_volume import timber_volume
from leniency.sentencing.extraction.unpaid_amounts import evaded_tax

# amount_brackets.yaml `measure` -> the reader of that sum
MEASURES = {
    "tax": tax_amount,
    "evaded_tax": evaded_tax,
    "business_volume": business_volume,
    "face_value": face_value,
    "timber_volume": timber_volume,
}


def measured_amount(text: str, measure: str) -> Decimal | None:
    """The sum `measure` names (a MEASURES key) as the text states it, or None where it states none."""
    return MEASURES[measure](text)


def amounts_by_charge(
    text: str,
    conduct: Mapping[str, Sequence[str]],
    measured: Collection[str],
    measures: Mapping[str, str] | None = None,
) -> dict[str, Decimal | None]:
    """Each charge in `measured` -> its amount (None when no money is told of it).

    `conduct` maps every charge of the case to the words naming its conduct; `measures` a charge to the sum it is
    measured by (`measured_amount`), read from the sentences about it. Empty when no mention could be given to a
    measured charge: the case's total is then the best figure for each.
    """
    document = parse(text)
    spans = document.sentences
    sentences = [text[start:end] for start, end, _ in spans]
    named = [[c for c, words in conduct.items() if any(w in s for w in words)] for s in sentences]
    about: list[list[str]] = []  # the charges each sentence is about, carried over sentences naming none
    for names in named:
        about.append(names or (about[-1] if about else []))
    own: dict[str, list[Mention]] = {c: [] for c in measured}
    for mention in document.money:
        if mention.sentence >= len(sentences):
            continue
        charge = _owner(
            sentences[mention.sentence],
            mention.span.start - spans[mention.sentence][0],
            about[mention.sentence],
            conduct,
            measured,
        )
        if charge is not None:
            own[charge].append(mention)
    if not any(own.values()):
        return {}
    amounts = {c: total_amount(mentions, text) if mentions else None for c, mentions in own.items()}
    for charge, measure in (measures or {}).items():
        if charge in amounts:
            told = "".join(s for s, names in zip(sentences, about, strict=True) if charge in names)
            amounts[charge] = measured_amount(told, measure)
    return amounts


def _owner(
    sentence: str,
    at: int,
    charges: Sequence[str],
    conduct: Mapping[str, Sequence[str]],
    measured: Collection[str],
) -> str | None:
    """The measured charge whose conduct word comes nearest before position `at` of the sentence."""
    candidates = [c for c in charges if c in measured]
    best: tuple[int, int] | None = None
    owner = candidates[0] if len(candidates) == 1 else None
    for charge in candidates:
        for word in conduct[charge]:
            found = sentence.rfind(word, 0, max(at, 0))
            if found >= 0 and (best is None or (found + len(word), len(word)) > best):
                best, owner = (found + len(word), len(word)), charge
    return owner
