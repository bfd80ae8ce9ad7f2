"""Time the recommendations demo on a full demo province, and one draft through the service and the pages.

Run on a scratch database: LENIENCY_VAR_DIR=/tmp/x .venv/bin/python manage.py migrate && \
LENIENCY_VAR_DIR=/tmp/x .venv/bin/python bench/recommendations.py [defendants]
"""

import os
import sys
import time
from collections import Counter
from datetime import date
from io import StringIO

import django

os.environ.setdefault("LENIENCY_DEBUG", "1")  # development settings (the demo database, derived keys)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.db import transaction  # noqa: E402

from leniency.demo.builders import recommendations as demo  # noqa: E402
from leniency.demo.generator import build_demo  # noqa: E402
from leniency.recommendations import services  # noqa: E402
from leniency.recommendations.letter import letter_context  # noqa: E402
from leniency.recommendations.models import SentencingRecommendation  # noqa: E402

TODAY = date(2026, 11, 23)


def main(defendants: int) -> None:
    started = time.perf_counter()
    build_demo(seed=20261123, defendants=defendants, today=TODAY)
    base = time.perf_counter() - started
    # Load the standards and the charge catalogue once (shared by every engine user in a process).
    from leniency.sentencing.catalogue import find_charge
    from leniency.sentencing.standards import load_standard

    started = time.perf_counter()
    load_standard()
    find_charge("盗窃")
    warm = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    print(demo.build(seed=20261123, today=TODAY, stdout=StringIO()))
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"base demo {base:.1f} s; loading the standards {warm:.1f} s; recommendations demo {took:.1f} s wall, "
        f"{cpu:.1f} s CPU in this process ({defendants} defendants; the machine's load inflates wall time)"
    )
    print("status:", dict(Counter(SentencingRecommendation.objects.values_list("status", flat=True))))

    rec = SentencingRecommendation.objects.filter(status="draft").select_related("defendant__case").first()
    if rec is not None:
        prosecutor = rec.defendant.case.prosecutor
        n = 20
        started = time.perf_counter()
        with transaction.atomic():
            for _ in range(n):
                services.do_create_draft(rec.defendant, acting_user=prosecutor)
            transaction.set_rollback(True)
        print(
            f"do_create_draft (engine + row + audit event): {(time.perf_counter() - started) / n * 1000:.0f} ms"
        )
    final = SentencingRecommendation.objects.filter(status="final").first()
    started = time.perf_counter()
    for _ in range(20):
        letter_context(final)
    print(f"explanation letter context: {(time.perf_counter() - started) / 20 * 1000:.1f} ms")
    from leniency.documents.pdf import render_pdf

    started = time.perf_counter()
    pdf = render_pdf("recommendations/letter_pdf.html", {"letter": letter_context(final)})
    print(f"explanation letter PDF: {(time.perf_counter() - started) * 1000:.0f} ms, {len(pdf) // 1024} KiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
