"""`leniency corpus import|index`: the judgment database on the command line.

    leniency corpus import FILE [FILE ...] [--workers 2] [--batch 1000] [--restart] [--no-progress]
    leniency corpus index [--out DIR] [--shard-size 50000]

(`leniency corpus synth`, which writes a synthetic corpus to import, is the demo's generator:
leniency.demo.corpus_synth, to which the `leniency` command hands it.)

`import` reads CAIL2018 JSON lines (or CSV, by the .csv suffix; see leniency/corpus/reader.py for the
columns), UTF-8 or GBK, and resumes an interrupted import of the same file where it stopped.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leniency.corpus.importer import Options, import_file, summary
from leniency.corpus.index import SHARD_SIZE
from leniency.corpus.index_build import build_index
from leniency.corpus.similar import clear_cache, index_dir


class Command(BaseCommand):
    help = "Judgment database: import CAIL2018 files, build the similar-case index."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="import CAIL2018 JSON-lines or CSV files")
        imp.add_argument("files", nargs="+")
        imp.add_argument(
            "--workers", type=int, default=2, help="extraction worker processes (0: in this process)"
        )
        imp.add_argument("--batch", type=int, default=1000)
        imp.add_argument(
            "--restart", action="store_true", help="start over instead of resuming an unfinished run"
        )
        imp.add_argument("--no-progress", action="store_true")
        imp.add_argument("--index", action="store_true", help="rebuild the similar-case index afterwards")
        idx = sub.add_parser("index", help="build the similar-case index from the database")
        idx.add_argument(
            "--out", help="index directory (default: settings.CORPUS_INDEX_DIR or var/corpus-index)"
        )
        idx.add_argument("--no-progress", action="store_true")
        idx.add_argument(
            "--shard-size",
            type=int,
            default=SHARD_SIZE,
            help="judgments of one charge per index file; the larger, the more memory the build needs "
            f"(default {SHARD_SIZE})",
        )

    def handle(self, *args, action, **options):
        return getattr(self, f"do_{action}")(**options)

    def do_import(self, *, files, workers, batch, restart, no_progress, index, **_):
        failed = False
        for name in files:
            start = time.perf_counter()
            try:
                run = import_file(
                    name, Options(workers=workers, batch=batch, progress=not no_progress, restart=restart)
                )
            except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
                self.stderr.write(f"{name}: {exc}")
                failed = True
                continue
            self.stdout.write(summary(run) + f"\n  用时 {time.perf_counter() - start:.1f} 秒")
        if index:
            self.do_index(out=None, no_progress=no_progress)
        if failed:
            raise CommandError("some files could not be read")

    def do_index(self, *, out, no_progress, shard_size=SHARD_SIZE, **_):
        directory = Path(out) if out else index_dir()
        start = time.perf_counter()
        manifest = build_index(directory, progress=not no_progress, shard_size=shard_size)
        clear_cache()
        self.stdout.write(
            f"index of {manifest['n']} judgments in {manifest['charges']} charges written to "
            f"{directory} ({time.perf_counter() - start:.1f} s)"
        )
