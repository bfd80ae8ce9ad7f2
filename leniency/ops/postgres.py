"""PostgreSQL's own tools for backups: `pg_dump -Fc` (the custom format: compressed, every table's rows
copied with COPY, indexes built after the rows on restore) and `pg_restore` into a fresh database.

pg_dump refuses a server newer than itself and pg_restore may not read an archive written by a newer pg_dump,
so both are taken from the same major version as the server: `LENIENCY_PG_BIN` (a folder) when set, else
Debian's /usr/lib/postgresql/<major>/bin (where `scripts/throwaway-postgres.sh` and CI find PostgreSQL), else
the one on PATH when it reports that major version. A missing tool is an error that names it.

The dump runs in its own process, from a snapshot the caller's transaction exported (pg_export_snapshot), so
that the archive, the row counts and the audit head in the manifest describe the same moment.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.utils.module_loading import import_string

DEBIAN_BIN = "/usr/lib/postgresql/{major}/bin"
# Tables whose rows are not kept (their schema is): sessions (everyone logs in again), the public channel's
# rate-limit counters and the database caches (pages, figures).
NOT_KEPT_MODELS = ["sessions.session", "oversight.ratecount"]


class ToolMissing(Exception):
    pass


class ToolFailed(Exception):
    pass


def server_major() -> int:
    connection.ensure_connection()
    return connection.pg_version // 10000


def _version_of(path: str) -> int | None:
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout
    except OSError:
        return None
    match = re.search(r"\(PostgreSQL\)\s+(\d+)", out)
    return int(match.group(1)) if match else None


def find_tool(name: str, major: int) -> str:
    """The path of `name` (pg_dump, pg_restore) of PostgreSQL `major`; ToolMissing names what was tried."""
    configured = os.environ.get("LENIENCY_PG_BIN")
    folders = [configured] if configured else [DEBIAN_BIN.format(major=major)]
    for folder in folders:
        candidate = Path(folder) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    looked = f"{folders[0]}/{name}"
    if not configured:
        on_path = shutil.which(name)
        version = _version_of(on_path) if on_path else None
        if version == major:
            return on_path
        looked += f", {name} on PATH" + (f" (it is PostgreSQL {version})" if on_path else " (none)")
    raise ToolMissing(
        f"{name} of PostgreSQL {major} (the server's version) not found; looked at {looked}. Install the "
        f"PostgreSQL {major} client tools (Debian: apt-get install postgresql-client-{major}) or set "
        f"LENIENCY_PG_BIN to the folder that holds {name}"
    )


def _connection_args() -> tuple[list[str], dict[str, str]]:
    """Host, port, user and database as arguments; the password and TLS options in libpq's environment, as
    Django's own psql client passes them."""
    db = connection.settings_dict
    _, env = connection.client.settings_to_cmd_args_env(db, [])
    args = []
    for flag, key in (("-U", "USER"), ("-h", "HOST"), ("-p", "PORT")):
        if db.get(key):
            args += [flag, str(db[key])]
    return [*args, "-d", db["NAME"]], {**os.environ, **(env or {})}


def not_kept_tables() -> list[str]:
    tables = [apps.get_model(label)._meta.db_table for label in NOT_KEPT_MODELS]
    for cache in settings.CACHES.values():
        if issubclass(import_string(cache["BACKEND"]), DatabaseCache):
            tables.append(cache["LOCATION"])
    return tables


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise ToolFailed(f"{Path(command[0]).name} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


def dump(target: Path, *, snapshot: str | None) -> None:
    """Write the database to `target` with pg_dump -Fc (schema and rows; the not-kept tables' schema only)."""
    tool = find_tool("pg_dump", server_major())
    args, env = _connection_args()
    command = [tool, "-Fc", "--no-owner", "--no-privileges", "-f", str(target), *args]
    command += [f"--exclude-table-data={table}" for table in not_kept_tables()]
    if snapshot:
        command.append(f"--snapshot={snapshot}")
    _run(command, env)


def restore(source: Path) -> None:
    """pg_restore `source` into this database in one transaction: every table the archive holds is dropped
    (if there) and created with the archive's rows; on any error nothing changes."""
    tool = find_tool("pg_restore", server_major())
    args, env = _connection_args()
    connection.close()  # nothing of ours open on the tables pg_restore drops
    _run(
        [
            tool,
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            *args,
            str(source),
        ],
        env,
    )


def version_of(path: str) -> str:
    """What the tool says of itself ("pg_dump (PostgreSQL) 15.14"), for the manifest."""
    return subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
