"""Backup and restore of a large judgment corpus (issue 20): N synthetic judgments are written straight into
the table, then `backup`, an emptied database and `restore` are timed, with the process's peak memory.

Run on a scratch database (SQLite or PostgreSQL through DATABASE_URL), never on real data: it flushes it.
    LENIENCY_VAR_DIR=/tmp/bc .venv/bin/python manage.py migrate -v 0 && \\
    LENIENCY_VAR_DIR=/tmp/bc .venv/bin/python bench/backup_corpus.py [judgments]
"""

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import django

os.environ.setdefault("LENIENCY_DEBUG", "1")  # development settings (a scratch database, derived keys)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from leniency.corpus.models import Judgment  # noqa: E402
from leniency.ops.backup import create_backup, restore_backup  # noqa: E402

FACT = "被告人于2025年3月在某市某区商场内窃取他人手机一部，经鉴定价值人民币{n}元。案发后退赔并取得谅解。"


def fill(n: int) -> None:
    batch = []
    for i in range(n):
        batch.append(
            Judgment(
                content_hash=f"{i:064x}",
                fact=FACT.format(n=1000 + i % 50000),
                charges=["盗窃罪"],
                articles=["第二百六十四条"],
                main_charge="盗窃罪",
                term_months=i % 36,
                fine_yuan=1000 + i % 9000,
                facts={"amount_yuan": 1000 + i % 50000, "confessed": True},
                amount_yuan=1000 + i % 50000,
                region_code="110105",
                court="北京市朝阳区人民法院",
                year=2020 + i % 6,
                synthetic=True,
            )
        )
        if len(batch) == 5000:
            Judgment.objects.bulk_create(batch)
            batch = []
    Judgment.objects.bulk_create(batch)


def main(n: int) -> None:
    print(f"{connection.vendor}: {n:,} judgments")
    call_command("flush", interactive=False, verbosity=0)
    started = time.perf_counter()
    fill(n)
    print(f"written in {time.perf_counter() - started:.0f} s")
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "b.tar.gz"
        started = time.perf_counter()
        create_backup(archive)
        print(f"backup {time.perf_counter() - started:.0f} s, {archive.stat().st_size / 1e6:.0f} MB")
        call_command("flush", interactive=False, verbosity=0)
        started = time.perf_counter()
        report = restore_backup(archive)
        seconds = time.perf_counter() - started
        assert not report.problems, report.problems
        assert Judgment.objects.count() == n
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"restore {seconds:.0f} s ({n / seconds:,.0f} judgments/s, verified), peak memory {peak:.0f} MB"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
