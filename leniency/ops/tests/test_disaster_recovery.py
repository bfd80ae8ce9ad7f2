"""Disaster recovery as the README writes it (issue 20): back up, start a fresh install (a new database,
migrated, an empty var/), `leniency restore`, then the row counts, the files' hashes and the three verify
commands. The fresh install runs as separate `leniency` processes, on the database engine of the test run
(SQLite, or PostgreSQL when DATABASE_URL points at one, as in CI: there through pg_dump -Fc and pg_restore)."""

import hashlib
import json
import os
import subprocess
import tarfile
import uuid
from datetime import date
from importlib import import_module
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from leniency.demo.extensions import EXTENSIONS
from leniency.demo.generator import build_demo
from leniency.ops.backup import row_counts

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parents[3]
LENIENCY = str(REPO / ".venv" / "bin" / "leniency")


def _files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def fresh_database(tmp_path):
    """The URL of a new, empty database of the same engine as the test database."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    db = settings.DATABASES["default"]
    name = f"leniency_restore_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    auth = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else "")
    yield f"postgres://{auth}@{quote(db['HOST'] or 'localhost', safe='')}:{db['PORT'] or 5432}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _demo_builders(*apps):
    """The demo's builders of these apps, in the demo's order (leniency/demo/extensions.py)."""
    modules = [import_module(m) if isinstance(m, str) else m for m in EXTENSIONS]
    return [m for m in modules if set(m.__name__.split(".")) & set(apps)]


def _leniency(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run([LENIENCY, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=600)


def test_backup_restores_onto_a_fresh_install_and_verifies(settings, tmp_path, fresh_database):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "recordings").mkdir(parents=True)
    (settings.MEDIA_ROOT / "recordings" / "signing.wav").write_bytes(b"RIFF" + bytes(range(256)) * 40)
    today = date(2026, 11, 1)
    build_demo(seed=7, defendants=30, today=today)
    for builder in _demo_builders(
        "counsel", "recommendations", "plea", "recordings"
    ):  # agreements, recordings
        builder.build(seed=7, today=today, stdout=None)
    archive = tmp_path / "b.tar.gz"
    call_command("backup", out=archive)
    counts, files = row_counts(), _files(settings.MEDIA_ROOT)
    assert counts["plea.pleaagreement"] > 0 and counts["recordings.recording"] > 0 and len(files) > 1

    var = tmp_path / "fresh-var"
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("LENIENCY_") and k != "DJANGO_SETTINGS_MODULE"
    }
    env.update(
        DATABASE_URL=fresh_database,
        LENIENCY_VAR_DIR=str(var),
        LENIENCY_SECRET_KEY=settings.SECRET_KEY,
        LENIENCY_DATA_KEYS=settings.DATA_KEYS,  # the same keys: README, backup and restore
        LENIENCY_AUDIT_KEYS=settings.AUDIT_KEYS,
        LENIENCY_DEBUG="1",
    )
    for step in (["migrate", "--no-input", "-v", "0"], ["createcachetable"]):
        done = _leniency(*step, env=env)
        assert done.returncode == 0, done.stderr

    restored = _leniency("restore", str(archive), env=env)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "seeded default rows were replaced by the backup's" in restored.stdout
    if connection.vendor == "postgresql":  # pg_dump -Fc and pg_restore, not fixtures
        assert "restored with pg_restore" in restored.stdout
        with tarfile.open(archive) as tar:
            assert json.load(tar.extractfile("manifest.json"))["database_format"] == "pg_dump-custom"

    shown = _leniency(
        "shell",
        "-c",
        "import json; from leniency.ops.backup import row_counts; print(json.dumps(row_counts()))",
        env=env,
    )
    assert json.loads(shown.stdout.strip().splitlines()[-1]) == counts
    assert _files(var / "media") == files
    for verify in (["audit", "verify"], ["plea", "verify"], ["recordings", "verify"]):
        done = _leniency(*verify, env=env)
        assert done.returncode == 0, f"{verify}: {done.stdout}{done.stderr}"
    assert f"#{counts['audit.auditevent']} matches" in _leniency("audit", "verify", env=env).stdout

    again = _leniency("restore", str(archive), env=env)  # now the database holds data
    assert again.returncode != 0
    assert f"leniency restore {archive} --replace" in again.stderr
