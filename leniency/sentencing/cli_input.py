"""What the engine's command line accepts as input, and the problems it refuses by name.

- A fact comes from `--fact TEXT`, `--fact-file PATH` or `--fact-file -` (standard input): a whole
  judgment is longer than an argument may be.
- A case file is read line by line as bytes, so that one line that is not UTF-8 is reported with its
  number and the lines after it are still read; a blank line is a record of its own (its output row
  says it was blank), so that output line N always answers input line N.
- A charge not in the catalogue (罪名表) and an empty fact are problems, not a 12-month default.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.corpus import CorpusError, Judgment, parse_judgment


class InputError(ValueError):
    """Input the engine refuses: an empty fact, an unknown charge, an unreadable fact file."""


def read_fact(fact: str | None, fact_file: str | None, stdin: BinaryIO | None = None) -> str:
    """The fact text from `--fact` or `--fact-file` (`-` reads standard input), decoded as UTF-8."""
    if fact_file is None:
        return fact or ""
    if fact_file == "-":
        data = (stdin or sys.stdin.buffer).read()
        where = "standard input"
    else:
        try:
            data = Path(fact_file).read_bytes()
        except OSError as exc:
            raise InputError(f"--fact-file {fact_file}: cannot be read ({exc.strerror or exc})") from None
        where = fact_file
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text (byte {exc.start})") from None


def input_problems(fact: str, charges: Sequence[str]) -> list[str]:
    """Why this input cannot be computed at all: an empty fact, a charge the catalogue does not have."""
    problems = []
    if not (fact or "").strip():
        problems.append("empty fact: there is no text to read the case from (案件事实为空)")
    for charge in charges:
        if find_charge(charge) is None:
            problems.append(f"unknown charge {charge!r}: not in the charge catalogue (罪名表中无此罪名)")
    return problems


def case_records(source: str | Path | BinaryIO | Iterable[bytes]) -> Iterator[Judgment | CorpusError]:
    """Every line of a CAIL2018 file in order, blank lines included: a Judgment or the error for it."""
    if isinstance(source, (str, Path)):
        with open(source, "rb") as handle:
            yield from _records(handle)
    else:
        yield from _records(source)


def _records(lines: Iterable[bytes]) -> Iterator[Judgment | CorpusError]:
    for number, raw in enumerate(lines, start=1):
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield CorpusError(number, f"not UTF-8 text (byte {exc.start} of the line)")
            continue
        if not text.strip():
            yield CorpusError(number, "blank line: no case on it")
            continue
        try:
            yield parse_judgment(text, number)
        except CorpusError as exc:
            yield exc


def fact_records(source: str | Path | BinaryIO | Iterable[bytes]) -> Iterator[tuple[int, str | CorpusError]]:
    """(line, fact text or the error) for every line: a JSON object with "fact" (or "sentence"), or a string."""
    if isinstance(source, (str, Path)):
        with open(source, "rb") as handle:
            yield from _facts(handle)
    else:
        yield from _facts(source)


def _facts(lines: Iterable[bytes]) -> Iterator[tuple[int, str | CorpusError]]:
    for number, raw in enumerate(lines, start=1):
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield number, CorpusError(number, f"not UTF-8 text (byte {exc.start} of the line)")
            continue
        if not text.strip():
            yield number, CorpusError(number, "blank line: no case on it")
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield number, CorpusError(number, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if isinstance(data, dict):
            data = data.get("fact", data.get("sentence"))
        if not isinstance(data, str):
            yield number, CorpusError(number, "expected a fact: a JSON string or an object with 'fact'")
        elif not data.strip():
            yield (
                number,
                CorpusError(number, "empty fact: there is no text to read the case from (案件事实为空)"),
            )
        else:
            yield number, data
