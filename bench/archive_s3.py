"""A large recording through the archive in an S3 object store (issue 21): moto's S3 server is started on a free
port, then a file of N MiB is streamed in (staged, hashed, uploaded), re-hashed through the storage and
downloaded through FileResponse, each timed with the process's peak memory so far.

    .venv/bin/python bench/archive_s3.py [MiB] [streaming|stock]

`stock` reads with django-storages' own S3File (the whole object into memory before the first byte) for
comparison; `streaming` is the archive's reader (leniency/documents/s3.py). moto keeps the objects in its own
memory: its process, not this one, holds the file.
"""

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings_test")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

import boto3  # noqa: E402
from django.conf import settings  # noqa: E402
from django.http import FileResponse  # noqa: E402
from django.test import override_settings  # noqa: E402

from leniency.documents import archive  # noqa: E402
from leniency.documents.storage import storages_setting  # noqa: E402
from leniency.testing.s3 import _free_port, _wait_until_listening  # noqa: E402

BUCKET = "bench-archive"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(size_mib: int, reader: str) -> None:
    port = _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "moto.log"
        with open(log, "wb") as out:
            server = subprocess.Popen(
                [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            _wait_until_listening(server, port, log)
            env = {
                "LENIENCY_S3_BUCKET": BUCKET,
                "LENIENCY_S3_ENDPOINT_URL": f"http://127.0.0.1:{port}",
                "LENIENCY_S3_ACCESS_KEY": "bench",
                "LENIENCY_S3_SECRET_KEY": "bench",
            }
            boto3.client(
                "s3",
                endpoint_url=env["LENIENCY_S3_ENDPOINT_URL"],
                aws_access_key_id="bench",
                aws_secret_access_key="bench",
                region_name="us-east-1",
            ).create_bucket(Bucket=BUCKET)
            storages = storages_setting(env, staticfiles=settings.STORAGES["staticfiles"])
            if reader == "stock":
                storages["default"]["BACKEND"] = "storages.backends.s3.S3Storage"
            with override_settings(STORAGES=storages):
                run(size_mib, reader)
        finally:
            server.terminate()
            server.wait()


def run(size_mib: int, reader: str) -> None:
    chunk = os.urandom(1 << 20)
    print(f"{reader}: {size_mib} MiB; peak RSS before {peak_mb():.0f} MB")
    start = time.monotonic()
    stored = archive.write_atomically("recordings/bench/big.mp4", (chunk for _ in range(size_mib)))
    print(f"  upload   {time.monotonic() - start:6.1f} s  peak {peak_mb():.0f} MB")
    start = time.monotonic()
    assert archive.hash_stored(stored.name) == stored.sha256
    print(f"  re-hash  {time.monotonic() - start:6.1f} s  peak {peak_mb():.0f} MB")
    start = time.monotonic()
    response = FileResponse(archive.archive_storage().open(stored.name, "rb"))
    sent = sum(len(part) for part in response.streaming_content)
    assert sent == stored.size == int(response["Content-Length"])
    print(f"  download {time.monotonic() - start:6.1f} s  peak {peak_mb():.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300, sys.argv[2] if len(sys.argv) > 2 else "streaming")
