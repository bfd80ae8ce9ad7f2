"""Time the counsel demo on top of a full demo province and print what the early warnings caught.

Run on a scratch database: LENIENCY_VAR_DIR=/tmp/x .venv/bin/python manage.py migrate && \
LENIENCY_VAR_DIR=/tmp/x .venv/bin/python bench/counsel_demo.py [defendants]
"""

import os
import sys
import time
from datetime import date, datetime, timedelta
from io import StringIO

import django

os.environ.setdefault("LENIENCY_DEBUG", "1")  # development settings (the demo database, derived keys)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.utils import timezone  # noqa: E402

from leniency.counsel.allocation import Candidate, choose_lawyer  # noqa: E402
from leniency.counsel.models import CounselRequest, QualityWarning  # noqa: E402
from leniency.counsel.rota import preview_allocation  # noqa: E402
from leniency.demo.builders import counsel as demo  # noqa: E402
from leniency.demo.generator import build_demo  # noqa: E402

TODAY = date(2026, 11, 23)


def main(defendants: int) -> None:
    started = time.perf_counter()
    build_demo(seed=20261123, defendants=defendants, today=TODAY)
    base = time.perf_counter() - started
    started = time.perf_counter()
    print(demo.build(seed=20261123, today=TODAY, stdout=StringIO()))
    print(
        f"base demo {base:.1f} s, counsel demo {time.perf_counter() - started:.1f} s ({defendants} defendants)"
    )
    perfunctory = demo.perfunctory_lawyer_ids()
    warned = set(QualityWarning.objects.values_list("lawyer_id", flat=True))
    print(
        f"perfunctory {len(perfunctory)}, warned {len(warned)}, caught {len(perfunctory & warned)}, "
        f"diligent warned {len(warned - perfunctory)}"
    )
    # allocation latency: the pure choice over a rota of 30, and the database round trip for one request
    pool = [Candidate(n, n, n % 7, timezone.now() - timedelta(hours=n)) for n in range(30)]
    started = time.perf_counter()
    for _ in range(10_000):
        choose_lawyer(pool, cap=6, as_of=timezone.now(), conflicted={3, 4})
    print(f"choose_lawyer: {(time.perf_counter() - started) / 10_000 * 1e6:.1f} µs per call (30 candidates)")
    request = CounselRequest.objects.order_by("-requested_at").first()
    as_of = timezone.make_aware(datetime.combine(TODAY, datetime.min.time()))
    started = time.perf_counter()
    for _ in range(50):
        preview_allocation(request, as_of)
    print(
        f"preview_allocation (database inputs + choice): {(time.perf_counter() - started) / 50 * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
