"""Reading judgment files for import (no Django): CAIL2018 JSON lines and the documented CSV, any encoding.

Files are read as bytes, line by line, so that the importer knows the byte offset after every line
(to resume after a kill) and memory stays constant. The encoding is detected from the first 64 KB:
UTF-8 (with or without BOM) or GB18030 (a superset of GBK and GB2312); a line that does not decode
is reported, not guessed.

CSV format (UTF-8 or GBK, a header row, one judgment per row)::

    fact,accusation,relevant_articles,imprisonment,life_imprisonment,death_penalty,punish_of_money,criminals,
    probation,region,court,year

`accusation`, `relevant_articles` and `criminals` are `;`-separated; booleans are 1/0 or true/false;
`imprisonment` is months; the columns after `death_penalty` are optional.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SNIFF_BYTES = 65536


@dataclass
class RawLine:
    number: int  # 1-based line (or CSV row) number in the file
    end: int  # byte offset just after this line
    text: str | None  # decoded text, or None when it could not be decoded
    error: str | None = None


def detect_encoding(path: Path) -> str:
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    # a cut in the middle of a multi-byte character at the end of the sample is not evidence
    for cut in range(0, 4):
        try:
            head[: len(head) - cut].decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError:
            continue
    try:
        head[: head.rfind(b"\n") + 1 or len(head)].decode("gb18030")
        return "gb18030"
    except UnicodeDecodeError:
        return "utf-8"


def file_fingerprint(path: Path) -> str:
    """sha256 of the size and the first and last 1 MB: names a file for resuming without reading it all."""
    size = path.stat().st_size
    digest = hashlib.sha256(str(size).encode())
    with open(path, "rb") as handle:
        digest.update(handle.read(1 << 20))
        if size > 2 << 20:
            handle.seek(size - (1 << 20))
            digest.update(handle.read())
    return digest.hexdigest()


def is_csv(path: Path) -> bool:
    return path.suffix.lower() in (".csv", ".tsv")


def iter_lines(path: Path, encoding: str, *, start: int = 0, first_line: int = 1) -> Iterator[RawLine]:
    """Non-blank lines from byte offset `start` (whose line number is `first_line`)."""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        handle.seek(start)
        number = first_line - 1
        position = start
        for raw in handle:
            number += 1
            position += len(raw)
            if not raw.strip():
                continue
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                yield RawLine(
                    number, position, None, f"编码错误：无法按 {encoding} 解码（第 {exc.start} 字节）"
                )
                continue
            if not raw.endswith(b"\n") and position >= size:
                text = text.rstrip("\r")
                try:
                    json.loads(text)
                except ValueError:
                    yield RawLine(number, position, None, "文件末行不完整（截断）")
                    continue
            yield RawLine(number, position, text.lstrip("\ufeff"))


def _bool(value: str) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "y", "是")


def csv_row_to_json(row: dict) -> str:
    """One CSV row as the equivalent CAIL2018 JSON line (so that both formats share one parser)."""

    def split(name):
        return [p.strip() for p in (row.get(name) or "").replace("；", ";").split(";") if p.strip()]

    meta: dict = {
        "accusation": split("accusation"),
        "relevant_articles": [int(a) for a in split("relevant_articles")],
        "term_of_imprisonment": {
            "imprisonment": int(row["imprisonment"]) if (row.get("imprisonment") or "").strip() else None,
            "life_imprisonment": _bool(row.get("life_imprisonment", "")),
            "death_penalty": _bool(row.get("death_penalty", "")),
        },
        "criminals": split("criminals"),
    }
    if (row.get("punish_of_money") or "").strip():
        meta["punish_of_money"] = int(float(row["punish_of_money"]))
    for name in ("region", "court"):
        if (row.get(name) or "").strip():
            meta[name] = row[name].strip()
    if (row.get("year") or "").strip():
        meta["year"] = int(row["year"])
    if (row.get("probation") or "").strip():
        meta["probation"] = _bool(row["probation"])
    return json.dumps({"fact": row.get("fact") or "", "meta": meta}, ensure_ascii=False)


def iter_csv(path: Path, encoding: str, *, skip: int = 0) -> Iterator[RawLine]:
    """CSV rows (row 1 is the header) as JSON RawLines; `skip` data rows already imported are passed over."""
    with open(path, encoding=encoding, errors="strict", newline="") as handle:
        reader = csv.DictReader(handle)
        number = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                yield RawLine(number + 1, 0, None, f"编码错误：{exc.reason}")
                return
            except csv.Error as exc:
                number += 1
                yield RawLine(number, 0, None, f"CSV 格式错误：{exc}")
                continue
            number += 1
            if number - 1 <= skip:
                continue
            try:
                yield RawLine(number, number, csv_row_to_json(row))
            except (ValueError, KeyError) as exc:
                yield RawLine(number, number, None, f"CSV 字段错误：{exc}")


def content_hash(fact: str, meta: dict) -> str:
    """The identity of a judgment: its fact text, charges, articles and sentence (not its file or line)."""
    term = meta.get("term_of_imprisonment") or {}
    key = json.dumps(
        [
            fact.strip(),
            sorted(meta.get("accusation") or []),
            sorted(meta.get("relevant_articles") or []),
            term.get("imprisonment"),
            bool(term.get("death_penalty")),
            bool(term.get("life_imprisonment")),
            meta.get("criminals") or [],
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
