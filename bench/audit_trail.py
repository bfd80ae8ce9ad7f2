"""The keyed audit trail's costs (issue 20): appending events one transaction each, with and without the
checkpoint file moved forward after each commit, and `audit verify` over the whole trail.

Run on a scratch database:
    LENIENCY_VAR_DIR=/tmp/at .venv/bin/python manage.py migrate -v 0 && \\
    LENIENCY_VAR_DIR=/tmp/at .venv/bin/python bench/audit_trail.py [events]
"""

import os
import sys
import tempfile
import time
from pathlib import Path

import django

os.environ.setdefault("LENIENCY_DEBUG", "1")  # development settings (a scratch database, derived keys)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from leniency.audit.trail import record, walk_chain  # noqa: E402
from leniency.audit.verification import verify_trail  # noqa: E402


def append(n: int, label: str) -> None:
    started = time.perf_counter()
    for i in range(n):
        record("bench.event", actor=None, object_type="bench", object_id=i, data={"i": i, "label": label})
    seconds = time.perf_counter() - started
    print(f"{label:<34} {n} events: {n / seconds:8.0f} events/s, {seconds / n * 1e6:7.0f} µs each")


def main(n: int) -> None:
    print(f"{connection.vendor}, {len(settings.AUDIT_KEYS.split(','))} audit key(s)")
    with tempfile.TemporaryDirectory() as tmp:
        settings.AUDIT_CHECKPOINT_FILE = None
        append(n, "record(), no checkpoint file")
        settings.AUDIT_CHECKPOINT_FILE = Path(tmp) / "checkpoint.json"
        append(n, "record(), checkpoint after commit")
        started = time.perf_counter()
        walk = walk_chain()
        walked = time.perf_counter() - started
        report = verify_trail()
        assert walk.problem is None and report.ok, report.problems
        print(f"verify: {walk.checked} events in {walked:.2f} s ({walk.checked / walked:.0f} events/s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
