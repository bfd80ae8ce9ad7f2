"""`corpus import`: stream judgment files into the database, in batches, with extraction in worker processes.

- constant memory: lines are read one at a time; at most `2 × workers` batches are in flight; nothing is
  kept per row across batches (duplicates are found per batch in the database), and Django's query log,
  which development settings (LENIENCY_DEBUG=1: the demo, the benchmarks) fill with every INSERT's full
  text, is emptied after each batch: it kept about 3 MB of SQL per 1,000 judgments, 650 MB at 200,000
  and up to its 9,000 queries, some 3 GB, at a million (issue 21 item 5);
- idempotent: a judgment whose content hash is already stored counts as a duplicate and adds nothing;
- every bad line (bad JSON, undecodable bytes, a negative term, no fact, a truncated last line) is stored
  as an `ImportLineError` with its line number and reason; the rest imports;
- resumable: each batch is committed together with the run's position (byte offset, line number), so an
  import killed at any point continues where the last committed batch ended when run again on the same file.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import reset_queries, transaction
from tqdm import tqdm

from leniency import clock
from leniency.corpus.models import ImportLineError, ImportRun, Judgment
from leniency.corpus.reader import RawLine, detect_encoding, file_fingerprint, is_csv, iter_csv, iter_lines
from leniency.corpus.rows import process_batch, warm_engine
from leniency.database import refresh_planner_statistics

BATCH = 1000
INSERT_BATCH = 500


@dataclass
class Options:
    workers: int = 2
    batch: int = BATCH
    progress: bool = True
    restart: bool = False  # ignore an unfinished run of the same file and start over


def _batches(lines: Iterator[RawLine], size: int) -> Iterator[list[RawLine]]:
    batch: list[RawLine] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _resumable_run(path: Path, fingerprint: str, encoding: str, restart: bool) -> ImportRun:
    run = (
        ImportRun.objects.filter(fingerprint=fingerprint, status=ImportRun.Status.RUNNING)
        .order_by("-id")
        .first()
    )
    if run is not None and not restart:
        return run
    return ImportRun.objects.create(path=str(path), fingerprint=fingerprint, encoding=encoding)


def _commit(run: ImportRun, batch: list[RawLine], results: list[tuple[int, dict]]) -> tuple[int, int, int]:
    """Write one batch and move the run's position past it, atomically. Returns (imported, duplicates, errors)."""
    by_line = dict(results)
    rows, errors = [], []
    seen: set[str] = set()
    for line in batch:
        if line.text is None:
            errors.append(ImportLineError(run=run, line=line.number, reason=line.error or "无法读取"))
            continue
        outcome = by_line.get(line.number, {"error": "未处理"})
        if "error" in outcome:
            errors.append(ImportLineError(run=run, line=line.number, reason=outcome["error"][:500]))
        else:
            rows.append(outcome["row"])
    hashes = [r["content_hash"] for r in rows]
    existing = set(Judgment.objects.filter(content_hash__in=hashes).values_list("content_hash", flat=True))
    new = []
    for row in rows:
        if row["content_hash"] in existing or row["content_hash"] in seen:
            continue
        seen.add(row["content_hash"])
        new.append(Judgment(run=run, **row))
    duplicates = len(rows) - len(new)
    with transaction.atomic():
        Judgment.objects.bulk_create(new, batch_size=INSERT_BATCH, ignore_conflicts=True)
        ImportLineError.objects.bulk_create(errors, batch_size=INSERT_BATCH, ignore_conflicts=True)
        run.lines_read += len(batch)
        run.imported += len(new)
        run.duplicates += duplicates
        run.errors += len(errors)
        run.position = batch[-1].end
        run.line_number = batch[-1].number
        run.save(update_fields=["lines_read", "imported", "duplicates", "errors", "position", "line_number"])
    return len(new), duplicates, len(errors)


def import_file(
    path: str | Path, options: Options | None = None, on_batch: Callable[[ImportRun], None] | None = None
) -> ImportRun:
    """Import one file (CAIL2018 JSON lines, or CSV by its .csv suffix); returns the finished run."""
    options = options or Options()
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    encoding = detect_encoding(path)
    run = _resumable_run(path, file_fingerprint(path), encoding, options.restart)
    encoding = run.encoding
    if is_csv(path):
        lines = iter_csv(path, encoding, skip=int(run.position))
        total, done = None, None
    else:
        lines = iter_lines(path, encoding, start=int(run.position), first_line=run.line_number + 1)
        total, done = path.stat().st_size, int(run.position)
    bar = None
    if options.progress:
        bar = tqdm(
            total=total,
            initial=done or 0,
            unit="B" if total else "行",
            unit_scale=True,
            desc=path.name,
            mininterval=1.0,
        )

    def finish(batch, results):
        before = run.position
        _commit(run, batch, results)
        reset_queries()  # the debug query log would keep every batch's INSERT text
        if bar is not None:
            bar.update(run.position - before if total else len(batch))
            bar.set_postfix(imported=run.imported, dup=run.duplicates, err=run.errors, refresh=False)
        if on_batch is not None:
            on_batch(run)

    def payload(batch):
        return [(line.number, line.text) for line in batch if line.text is not None]

    workers = max(0, int(options.workers))
    try:
        if workers == 0:
            for batch in _batches(lines, options.batch):
                finish(batch, process_batch(payload(batch)))
        else:
            warm_engine()
            context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
            with context.Pool(workers) as pool:
                pending: deque = deque()
                for batch in _batches(lines, options.batch):
                    pending.append((batch, pool.apply_async(process_batch, (payload(batch),))))
                    if len(pending) >= 2 * workers:
                        done_batch, result = pending.popleft()
                        finish(done_batch, result.get())
                while pending:
                    done_batch, result = pending.popleft()
                    finish(done_batch, result.get())
    finally:
        if bar is not None:
            bar.close()
    run.status = ImportRun.Status.DONE
    run.finished_at = clock.now()
    run.save(update_fields=["status", "finished_at"])
    refresh_planner_statistics()
    return run


def summary(run: ImportRun, *, max_errors: int = 20) -> str:
    lines = [
        f"{run.path}: 读取 {run.lines_read} 行，导入 {run.imported} 件，重复 {run.duplicates} 件，错误 {run.errors} 行"
        f"（编码 {run.encoding}）",
    ]
    for error in run.line_errors.order_by("line")[:max_errors]:
        lines.append(f"  第 {error.line} 行：{error.reason}")
    if run.errors > max_errors:
        lines.append(f"  ……另有 {run.errors - max_errors} 行错误")
    return "\n".join(lines)
