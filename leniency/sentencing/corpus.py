"""CAIL2018 judgments in JSON lines: reading and writing, streaming, with per-line errors.

One judgment per line, as in the public CAIL2018 release::

    {"fact": "...", "meta": {"accusation": ["盗窃"], "relevant_articles": [264],
      "term_of_imprisonment": {"imprisonment": 10, "death_penalty": false, "life_imprisonment": false},
      "punish_of_money": 2000, "criminals": ["张某"]}}

`punish_of_money` (yuan) and `criminals` are optional: the LawBench sample lacks them. A line that
cannot be read does not stop the stream: the reader records a `CorpusError` naming the line number
and the reason, and goes on. Blank lines are skipped (they are not records).

Terms are in months; death and life imprisonment are flags, as in CAIL2018.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any


@dataclass(frozen=True)
class Term:
    """A sentence as CAIL2018 records it: months of imprisonment, or a death or life flag."""

    months: int = 0
    death_penalty: bool = False
    life_imprisonment: bool = False

    @property
    def fixed(self) -> bool:
        """True for a fixed term (including 0), False for death or life imprisonment."""
        return not (self.death_penalty or self.life_imprisonment)

    def to_dict(self) -> dict:
        return {
            "imprisonment": self.months,
            "death_penalty": self.death_penalty,
            "life_imprisonment": self.life_imprisonment,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Term:
        """Parse a CAIL `term_of_imprisonment` object; raises ValueError naming the bad field."""
        if not isinstance(data, dict):
            raise ValueError(f"term_of_imprisonment must be an object, got {type(data).__name__}")
        death = data.get("death_penalty", False)
        life = data.get("life_imprisonment", False)
        for name, value in (("death_penalty", death), ("life_imprisonment", life)):
            if not isinstance(value, bool):
                raise ValueError(f"term_of_imprisonment.{name} must be true or false, got {value!r}")
        months = data.get("imprisonment", 0 if (death or life) else None)
        if months is None:
            raise ValueError("term_of_imprisonment.imprisonment is missing")
        if isinstance(months, bool) or not isinstance(months, (int, float)) or months != int(months):
            raise ValueError(
                f"term_of_imprisonment.imprisonment must be a whole number of months, got {months!r}"
            )
        months = int(months)
        if months < 0:
            # Some CAIL exports write -1 / -2 for life / death; accept them when the flag agrees.
            if (months == -1 and life) or (months == -2 and death):
                months = 0
            else:
                raise ValueError(f"term_of_imprisonment.imprisonment must not be negative, got {months}")
        return cls(months=months, death_penalty=death, life_imprisonment=life)


@dataclass
class Judgment:
    """One CAIL2018 record. `term` is None when the line carries no sentence (prediction input)."""

    fact: str
    accusation: list[str] = field(default_factory=list)  # charge names without the 罪 suffix
    relevant_articles: list[int] = field(default_factory=list)
    term: Term | None = None
    punish_of_money: int | None = None  # yuan
    criminals: list[str] = field(default_factory=list)
    line: int | None = None  # 1-based line number in the file it was read from

    def to_dict(self) -> dict:
        """The CAIL2018 object for this judgment (optional fields only when present)."""
        meta: dict[str, Any] = {
            "accusation": list(self.accusation),
            "relevant_articles": list(self.relevant_articles),
        }
        if self.term is not None:
            meta["term_of_imprisonment"] = self.term.to_dict()
        if self.punish_of_money is not None:
            meta["punish_of_money"] = self.punish_of_money
        if self.criminals:
            meta["criminals"] = list(self.criminals)
        return {"fact": self.fact, "meta": meta}


class CorpusError(ValueError):
    """A line that could not be read: its number and the reason."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


def parse_judgment(text: str, line: int = 1, *, require_term: bool = False) -> Judgment:
    """Parse one JSON line into a Judgment; raises CorpusError (line number + reason)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorpusError(line, f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise CorpusError(line, f"expected a JSON object, got {type(data).__name__}")
    fact = data.get("fact")
    if not isinstance(fact, str):
        raise CorpusError(line, "missing or non-text field 'fact'")
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        raise CorpusError(line, "'meta' must be an object")
    accusation = meta.get("accusation", [])
    if isinstance(accusation, str):
        accusation = [accusation]
    if not isinstance(accusation, list) or not all(isinstance(a, str) for a in accusation):
        raise CorpusError(line, "meta.accusation must be a list of charge names")
    articles_raw = meta.get("relevant_articles", [])
    if not isinstance(articles_raw, list):
        raise CorpusError(line, "meta.relevant_articles must be a list of article numbers")
    articles: list[int] = []
    for item in articles_raw:
        try:
            articles.append(int(item))
        except (TypeError, ValueError):
            raise CorpusError(line, f"meta.relevant_articles holds a non-number: {item!r}") from None
    term = None
    if "term_of_imprisonment" in meta:
        try:
            term = Term.from_dict(meta["term_of_imprisonment"])
        except ValueError as exc:
            raise CorpusError(line, f"meta.{exc}") from None
    elif require_term:
        raise CorpusError(line, "missing meta.term_of_imprisonment (a decided case is required here)")
    money = meta.get("punish_of_money")
    if money is not None:
        if isinstance(money, bool) or not isinstance(money, (int, float)) or money < 0:
            raise CorpusError(
                line, f"meta.punish_of_money must be a non-negative number of yuan, got {money!r}"
            )
        money = int(money)
    criminals = meta.get("criminals", [])
    if isinstance(criminals, str):
        criminals = [criminals]
    if not isinstance(criminals, list) or not all(isinstance(c, str) for c in criminals):
        raise CorpusError(line, "meta.criminals must be a list of names")
    return Judgment(
        fact=fact,
        accusation=[a.strip().removesuffix("罪") for a in accusation],
        relevant_articles=articles,
        term=term,
        punish_of_money=money,
        criminals=list(criminals),
        line=line,
    )


class JudgmentReader:
    """Stream judgments from a path or an open text file; bad lines go to `errors`, not up the stack.

    reader = JudgmentReader("cail.jsonl", require_term=True)
    for judgment in reader:
        ...
    for error in reader.errors:
        print(error)            # "line 17: not valid JSON (...)"
    """

    def __init__(self, source: str | Path | IO[str] | Iterable[str], *, require_term: bool = False):
        self.source = source
        self.require_term = require_term
        self.errors: list[CorpusError] = []

    def __iter__(self) -> Iterator[Judgment]:
        for item in self.records():
            if isinstance(item, CorpusError):
                self.errors.append(item)
            else:
                yield item

    def records(self) -> Iterator[Judgment | CorpusError]:
        """Every non-blank line in order: a Judgment, or the CorpusError that explains it."""
        if isinstance(self.source, (str, Path)):
            with open(self.source, encoding="utf-8-sig") as handle:
                yield from self._records(handle)
        else:
            yield from self._records(self.source)

    def _records(self, lines: Iterable[str]) -> Iterator[Judgment | CorpusError]:
        for number, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            try:
                yield parse_judgment(text, number, require_term=self.require_term)
            except CorpusError as exc:
                yield exc


def read_judgments(
    source: str | Path | IO[str] | Iterable[str], *, require_term: bool = False
) -> tuple[list[Judgment], list[CorpusError]]:
    """Read a whole file: (the judgments that parsed, the errors of those that did not)."""
    reader = JudgmentReader(source, require_term=require_term)
    judgments = list(reader)
    return judgments, reader.errors


def dump_judgment(judgment: Judgment) -> str:
    """One JSON line (no newline), UTF-8 text kept as is."""
    return json.dumps(judgment.to_dict(), ensure_ascii=False)


def write_judgments(judgments: Iterable[Judgment], target: str | Path | IO[str]) -> int:
    """Write judgments as JSON lines; returns how many were written."""
    if isinstance(target, (str, Path)):
        with open(target, "w", encoding="utf-8") as handle:
            return write_judgments(judgments, handle)
    count = 0
    for judgment in judgments:
        target.write(dump_judgment(judgment) + "\n")
        count += 1
    return count
