"""A real S3-protocol server for the tests: moto's standalone server (`python -m moto.server`), a separate
process speaking HTTP on 127.0.0.1, so the archive's S3 backend (django-storages, boto3) is exercised over
the wire exactly as against MinIO or a cloud store.

Fixtures (registered for every test by leniency/conftest.py):

`s3_store` (session): starts the server on a free port, creates a bucket, yields an `S3Store`, stops the
server at the end of the session. Fails (never skips) when moto is not installed: it is a dev dependency.

    def test_something(s3_store, settings):
        settings.STORAGES = s3_store.storages          # this process's archive now writes to the bucket
        ...
        head = s3_store.client().head_object(Bucket=s3_store.bucket, Key="recordings/…")

    # another process (an app server, a worker) gets the same store through its environment:
    subprocess.Popen([...], env={**os.environ, **s3_store.env})

  `s3_store.env`      the LENIENCY_S3_* variables (BUCKET, ENDPOINT_URL, ACCESS_KEY, SECRET_KEY, REGION) that
                      leniency/settings.py reads; a process started with them stores its files in the bucket
  `s3_store.storages` the STORAGES setting those variables give (for `settings.STORAGES = …` or
                      `override_settings(STORAGES=…)` in this process)
  `s3_store.bucket`, `s3_store.endpoint_url`, `s3_store.client()` (a boto3 S3 client), `s3_store.keys()`
                      (the bucket's keys), `s3_store.empty()`

`s3_archive` (function): `s3_store` with this test's STORAGES pointing at it and the bucket emptied first.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from leniency.documents.storage import storages_setting

BUCKET = "leniency-test"
START_TIMEOUT_S = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_listening(process: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"moto_server exited with {process.returncode}:\n{log.read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(
        f"moto_server did not listen on {port} within {START_TIMEOUT_S}s:\n{log.read_text()[-2000:]}"
    )


@dataclass
class S3Store:
    endpoint_url: str
    bucket: str
    env: dict[str, str]
    storages: dict = field(repr=False)

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.env["LENIENCY_S3_ACCESS_KEY"],
            aws_secret_access_key=self.env["LENIENCY_S3_SECRET_KEY"],
            region_name=self.env["LENIENCY_S3_REGION"],
        )

    def keys(self) -> list[str]:
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=self.bucket)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def empty(self) -> None:
        client = self.client()
        for key in self.keys():
            client.delete_object(Bucket=self.bucket, Key=key)


@pytest.fixture(scope="session")
def s3_store():
    if importlib.util.find_spec("moto") is None:
        pytest.fail("moto is not installed: the S3 tests need its server (pip install -e '.[dev]')")
    from django.conf import settings

    port = _free_port()
    endpoint = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="leniency-moto-") as tmp:
        log = Path(tmp) / "moto.log"
        with open(log, "wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                stdout=out,
                stderr=subprocess.STDOUT,
                env={**os.environ, "MOTO_ALLOW_NONEXISTENT_REGION": "1"},
            )
        try:
            _wait_until_listening(process, port, log)
            env = {
                "LENIENCY_S3_BUCKET": BUCKET,
                "LENIENCY_S3_ENDPOINT_URL": endpoint,
                "LENIENCY_S3_ACCESS_KEY": "leniency-test-key",
                "LENIENCY_S3_SECRET_KEY": "leniency-test-secret",
                "LENIENCY_S3_REGION": "us-east-1",
            }
            store = S3Store(
                endpoint_url=endpoint,
                bucket=BUCKET,
                env=env,
                storages=storages_setting(env, staticfiles=settings.STORAGES["staticfiles"]),
            )
            store.client().create_bucket(Bucket=BUCKET)
            yield store
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def s3_archive(s3_store, settings):
    """The archive of this test in the moto bucket (emptied first)."""
    s3_store.empty()
    settings.STORAGES = s3_store.storages
    return s3_store
