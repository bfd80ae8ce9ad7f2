"""Helpers for test_faults.py: share the test database with child processes, run and kill them safely.

On PostgreSQL the test database is a real database the children connect to. pytest-django's SQLite test
database is in memory (`file:memorydb_default?mode=memory&cache=shared`), which no other process can open:
`SharedDatabase.push()` copies it into a file before a child runs and `pull()` copies the file back after,
so the test inspects, with the ORM, exactly what the killed child left behind (SQLite's recovery of its WAL
included). A test must not write between push() and pull().
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

REPO = Path(__file__).resolve().parents[2]
SETTINGS = "leniency.tests.fault_settings"
WAIT = 60  # seconds: the longest any child may take; no wait in these tests is unbounded


class SharedDatabase:
    def __init__(self, folder: Path, media_root: Path):
        self.media_root = Path(media_root)
        settings_dict = connection.settings_dict
        self.in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
        config = {
            key: settings_dict[key]
            for key in ("ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT", "OPTIONS")
            if key in settings_dict
        }
        if self.in_memory:
            self.file = Path(folder) / "shared.sqlite3"
            config["NAME"] = str(self.file)
        config["CONN_MAX_AGE"] = 0
        self.config = config

    def env(self) -> dict:
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE=SETTINGS,
            LENIENCY_FAULT_DB=json.dumps(self.config, default=str),
            LENIENCY_FAULT_MEDIA=str(self.media_root),
            PYTHONUNBUFFERED="1",
        )
        return env

    def push(self) -> None:
        if not self.in_memory:
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.file}{suffix}").unlink(missing_ok=True)
        connection.ensure_connection()
        target = sqlite3.connect(self.file)
        try:
            connection.connection.backup(target)
        finally:
            target.close()

    def pull(self) -> None:
        if not self.in_memory:
            return
        connection.ensure_connection()
        source = sqlite3.connect(self.file)  # replays the committed part of the WAL, drops the rest
        try:
            source.backup(connection.connection)
        finally:
            source.close()


def stop(process: subprocess.Popen) -> None:
    """Kill the child and everything it started (its own session), and reap it."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    process.wait(timeout=WAIT)
    try:  # grandchildren (e.g. the importer's worker pool) left behind by a child that was killed
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def start_worker(db: SharedDatabase, scenario: str, args: dict) -> subprocess.Popen:
    """Start one fault_worker scenario (the caller has pushed the database); end it with `finish`."""
    return subprocess.Popen(
        [sys.executable, "-m", "leniency.tests.fault_worker", scenario, json.dumps(args)],
        cwd=REPO,
        env=db.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def finish(process: subprocess.Popen) -> tuple[int, str]:
    """Wait (bounded) for a worker to end or die; returns (returncode, output). Kills it in any case."""
    try:
        output, _ = process.communicate(timeout=WAIT)
    finally:
        stop(process)
    return process.returncode, output


def run_worker(db: SharedDatabase, scenario: str, args: dict) -> tuple[int, str]:
    """Run one fault_worker scenario to its end (or its death); returns (returncode, output)."""
    db.push()
    try:
        return finish(start_worker(db, scenario, args))
    finally:
        db.pull()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def http_server(db: SharedDatabase, *, tmp_dir: Path, log: Path):
    """`manage.py runserver --noreload` on a free port, in its own session; yields (process, port).
    Django's own temporary upload files go to `tmp_dir` (TMPDIR), so a test can see a request in flight."""
    port = free_port()
    tmp_dir.mkdir(parents=True, exist_ok=True)
    env = db.env() | {"TMPDIR": str(tmp_dir)}
    db.push()
    with open(log, "ab") as out:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + WAIT
        while True:
            if process.poll() is not None:
                raise AssertionError(f"server exited: {Path(log).read_text(errors='replace')[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError("server did not start") from None
                time.sleep(0.1)
        yield process, port
    finally:
        kill_server(process)
        db.pull()


def kill_server(process: subprocess.Popen) -> None:
    stop(process)


def wait_for(condition, *, timeout: float = WAIT, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def files_outside(root: Path, temporary: str) -> list[str]:
    """Every file under `root` except those in its temporary area (relative names, sorted)."""
    root = Path(root)
    if not root.exists():
        return []
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and p.relative_to(root).parts[0] != temporary
    )
