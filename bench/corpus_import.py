"""Benchmark: import a synthetic judgment corpus into a fresh database, then build the similar-case index.

    .venv/bin/python bench/corpus_import.py --n 100000 [--workdir /tmp/leniency-bench] [--database-url URL]
        [--workers 2] [--keep-file]

Writes N synthetic judgments (`corpus synth`, cached in the workdir by N and seed), migrates a fresh
SQLite database in the workdir (or the PostgreSQL database given by --database-url, which must be
empty), imports the file with `corpus import` and builds the index with `corpus index`, printing wall
time, rate and peak memory (this process and its worker processes, max RSS) for each step; on Linux the
process's peak is reset before each step (/proc/self/clear_refs), so the import's peak leaves out the
synthesis and the index's leaves out the import. The same
workdir is then used by bench/recommend.py and bench/model.py. Synthetic data: figures of speed only.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


def setup_django(workdir: Path, database_url: str | None) -> None:
    """Point the project at the benchmark's own database and var directory, then set Django up."""
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ["LENIENCY_VAR_DIR"] = str(workdir / "var")
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("LENIENCY_DEBUG", "1")  # development settings (the demo database, derived keys)
    os.environ["DJANGO_SETTINGS_MODULE"] = "leniency.settings"
    import django

    django.setup()


def reset_peak() -> None:
    """Start this process's peak RSS (VmHWM) afresh where Linux allows it; elsewhere the peak is the whole run's."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak_mb() -> tuple[float, float]:
    """(this process since the last reset_peak, the largest child) max RSS in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        status = Path("/proc/self/status").read_text()
        own = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration, ValueError):
        pass
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def cpu_seconds() -> tuple[float, float]:
    """(this process, its finished children) user + system CPU seconds."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", default="/tmp/leniency-bench")
    parser.add_argument(
        "--database-url", help="PostgreSQL URL (an empty database); default SQLite in the workdir"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-index", action="store_true")
    args = parser.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    if not args.database_url:
        for suffix in ("", "-wal", "-shm"):
            (workdir / f"bench.sqlite3{suffix}").unlink(missing_ok=True)
    setup_django(workdir, args.database_url)
    from django.core.management import call_command
    from django.db import connection

    from leniency.corpus.importer import Options, import_file
    from leniency.demo.corpus_synth import write

    corpus = workdir / f"synthetic-{args.n}-{args.seed}.jsonl"
    if not corpus.exists():
        start = time.perf_counter()
        write(corpus.with_suffix(".part"), args.n, args.seed, workers=args.workers, progress=True)
        corpus.with_suffix(".part").rename(corpus)
        print(f"synth: {args.n} judgments in {time.perf_counter() - start:.1f} s")
    size_mb = corpus.stat().st_size / 1e6
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor} ({os.environ['DATABASE_URL'].split('@')[-1]})")

    reset_peak()
    cpu_before = cpu_seconds()
    start = time.perf_counter()
    run = import_file(corpus, Options(workers=args.workers, progress=True, restart=True))
    seconds = time.perf_counter() - start
    main_cpu, workers_cpu = (a - b for a, b in zip(cpu_seconds(), cpu_before, strict=True))
    own, child = peak_mb()
    print(
        f"import: {run.imported} imported, {run.duplicates} duplicates, {run.errors} errors from {size_mb:.0f} MB "
        f"in {seconds:.1f} s wall = {run.lines_read / seconds:.0f} judgments/s; "
        f"peak RSS main {own:.0f} MB, largest worker {child:.0f} MB"
    )
    per = (main_cpu + workers_cpu) / max(run.lines_read, 1)
    print(
        f"  CPU: main {main_cpu:.1f} s, workers {workers_cpu:.1f} s = {1000 * per:.2f} ms per judgment; "
        f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(
        f"  extrapolated to 1,000,000: {1_000_000 / (run.lines_read / seconds) / 60:.1f} min at this wall rate; "
        f"{1_000_000 * max(per / 2, main_cpu / max(run.lines_read, 1)) / 60:.1f} min on 2 idle cores "
        f"(CPU-bound estimate; target ≤ 15 min)"
    )

    if not args.no_index:
        from leniency.corpus.index_build import build_index
        from leniency.corpus.similar import index_dir

        reset_peak()
        start = time.perf_counter()
        manifest = build_index(index_dir(), progress=True)
        seconds = time.perf_counter() - start
        size = sum(p.stat().st_size for p in index_dir().iterdir()) / 1e6
        own, _ = peak_mb()
        print(
            f"index: {manifest['n']} judgments, {manifest['charges']} charges, {size:.0f} MB on disk, "
            f"{seconds:.1f} s; peak RSS {own:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
