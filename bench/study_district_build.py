"""CPU time of building the study district L区 (leniency/demo/district/) at its default size and the tests' sizes.

    .venv/bin/python bench/study_district_build.py [--workdir /tmp/leniency-bench-district] [sizes ...]

Migrates a fresh SQLite database in the workdir (the test settings: fast password hasher), then for each size
creates a bare province, builds L区 inside a transaction, prints the process CPU time and wall time of
`build_district` and the rows it wrote, and rolls it back. Default sizes: 736 (the district), 240
(demo/tests/test_demo_figures.py), 160 (portal/tests/test_measures.py), 90 (study/tests/test_small_district.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


class _Rollback(Exception):
    pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/leniency-bench-district"))
    parser.add_argument("sizes", type=int, nargs="*", default=[736, 240, 160, 90])
    args = parser.parse_args()
    if args.workdir.exists():
        shutil.rmtree(args.workdir)
    args.workdir.mkdir(parents=True)
    os.environ["LENIENCY_VAR_DIR"] = str(args.workdir / "var")
    os.environ["DATABASE_URL"] = f"sqlite:///{args.workdir / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "leniency.settings_test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from leniency.accounts.models import Region
    from leniency.audit.models import AuditEvent
    from leniency.demo.district import build_district

    call_command("migrate", verbosity=0)
    for size in args.sizes:
        try:
            with transaction.atomic():
                province = Region.objects.create(name="测试省", level=Region.Level.PROVINCE, code="990000")
                cpu, wall = time.process_time(), time.perf_counter()
                counts = build_district(persons=size, province=province)
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
                print(
                    f"persons {size:4d}: CPU {cpu:6.1f} s, wall {wall:6.1f} s, cases {counts['cases']}, "
                    f"audit events {AuditEvent.objects.count()}",
                    flush=True,
                )
                raise _Rollback
        except _Rollback:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
