"""Speed and memory of the plea app's documents and the recordings archive.

Prints: the time to render a 具结书 PDF (WeasyPrint with the CJK font) and its size; the throughput and
peak Python memory of streaming a large recording into the archive (hash computed on the way); the
throughput of re-hashing it (what `leniency recordings verify` does per file).

    .venv/bin/python bench/plea_documents.py [--mib 256] [--pdfs 5]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("LENIENCY_DEBUG", "1")  # development settings (the demo database, derived keys)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings")


def fake_defendant():
    charge = SimpleNamespace(name="盗窃", article_label="第二百六十四条")
    case = SimpleNamespace(number="示海检刑诉〔2026〕1号", procuratorate="示范省滨海市海港区人民检察院")
    return (
        charge,
        case,
        SimpleNamespace(
            name="张某某",
            get_gender_display="男",
            birth_date=date(1990, 5, 1),
            ethnicity="汉族",
            id_number="990102199005010011",
            get_education_display="初中",
            occupation="无业",
            get_detention_display="逮捕",
            detained_on=date(2026, 8, 20),
        ),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=int, default=256, help="size of the streamed recording")
    parser.add_argument("--pdfs", type=int, default=5, help="how many agreements to render")
    args = parser.parse_args()

    import django
    from django.conf import settings

    django.setup()
    from leniency.documents.archive import CHUNK, hash_stored, write_atomically
    from leniency.documents.pdf import render_pdf
    from leniency.recordings.media import wav_bytes

    charge, case, defendant = fake_defendant()
    context = {
        "defendant": defendant,
        "case": case,
        "charges": [charge],
        "recommendation_text": "有期徒刑一年六个月，缓刑二年，并处罚金人民币5,000元",
        "procedure_label": "速裁程序",
        "exception_label": "",
        "exception_note": "",
        "lawyer_name": "周敏",
        "version": 1,
        "generated_at": datetime(2026, 11, 20, 10, 0),
        "suspect_word": "犯罪嫌疑人",
    }
    times, size = [], 0
    for _ in range(args.pdfs):
        started = time.perf_counter()
        size = len(render_pdf("plea/agreement_document.html", context))
        times.append(time.perf_counter() - started)
    print(
        f"agreement PDF: {statistics.median(times) * 1000:.0f} ms median over {args.pdfs} "
        f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}), {size / 1024:.0f} KiB each"
    )

    with tempfile.TemporaryDirectory() as root:
        settings.MEDIA_ROOT = root
        head, total = wav_bytes(0.01), args.mib * 1024 * 1024
        zero = bytes(CHUNK)

        def chunks():
            yield head
            sent = len(head)
            while sent < total:
                n = min(CHUNK, total - sent)
                yield zero[:n]
                sent += n

        tracemalloc.start()
        started = time.perf_counter()
        stored = write_atomically("recordings/bench.wav", chunks(), max_bytes=total)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"streamed upload: {args.mib} MiB in {elapsed:.2f} s = {args.mib / elapsed:.0f} MiB/s, "
            f"peak Python memory {peak / 1024:.0f} KiB (SHA-256 computed while streaming)"
        )
        started = time.perf_counter()
        assert hash_stored(stored.name) == stored.sha256
        elapsed = time.perf_counter() - started
        print(f"verify (re-hash): {args.mib} MiB in {elapsed:.2f} s = {args.mib / elapsed:.0f} MiB/s")


if __name__ == "__main__":
    main()
