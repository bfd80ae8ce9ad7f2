"""Commands run on a database that was never migrated say what to run first: no traceback, a non-zero exit."""

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
LENIENCY = str(REPO / ".venv" / "bin" / "leniency")


@pytest.fixture
def empty_database(tmp_path):
    path = tmp_path / "empty.sqlite3"
    sqlite3.connect(path).close()  # an empty SQLite file: no table at all
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{path}",
        "LENIENCY_DEBUG": "1",
        "LENIENCY_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_SETTINGS_MODULE": "leniency.settings",
    }
    return path, env


def _run(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run([LENIENCY, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(
    "args",
    [
        ("study", "withdrawals", "--org", "1", "--from", "2024-01-01", "--to", "2024-12-31", "--out", "OUT"),
        ("study", "train", "--org", "1"),
        ("report", "--period", "2026-Q3", "--out", "OUT"),
    ],
)
def test_a_command_on_an_unmigrated_database_names_leniency_migrate(empty_database, tmp_path, args):
    path, env = empty_database
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    done = _run(env, *args)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "no such table" not in done.stderr
    assert "leniency migrate" in done.stderr
    assert "leniency demo" in done.stderr
    # nothing was created or migrated behind the user's back
    with sqlite3.connect(path) as db:
        assert db.execute("select count(*) from sqlite_master where type = 'table'").fetchone()[0] == 0
    assert not (tmp_path / "out").exists()
