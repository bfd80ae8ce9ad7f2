"""Backups: the database, the files under MEDIA_ROOT (recordings, signed agreements, letters, reports), the
archive's objects when it lives in an object store (S3, see leniency/documents/storage.py), and a manifest with
the SHA-256 of every part, in one .tar.gz.

The object store's files are read through the storage API and streamed into the backup, hashed on the way
(`objects/` in the archive, "objects" in the manifest, which is then written last); a restore writes them back
through the same API into the configured store, and proves each by reading it back.

A restore checks every hash before it touches anything, loads into an empty (migrated) database,
puts the files back, then proves the result: the row counts match the manifest, every file's hash
matches, and the audit chain verifies up to the same last event.

A freshly migrated database is not empty: migrations seed default rows (counsel's rules, rubric, fee
schedule, specialties). A database with no account and no audit event holds nothing anyone entered, so a
restore replaces those seeded rows with the backup's own. Any other data is refused, with the command that
replaces it. Not restored: sessions (everyone logs in again), the admin's log, the caches (pages, rate
limits) and the content types and permissions `migrate` rebuilds (EXCLUDED).

On PostgreSQL the database travels as one `pg_dump -Fc` archive (leniency/ops/postgres.py), restored by
`pg_restore` in one transaction: the corpus's million rows are copied, not built object by object. On SQLite
(or with `portable=True`, `leniency backup --portable`, to move between SQLite and PostgreSQL) it travels as
Django fixtures (full-precision JSON), the judgment corpus as gzip JSON Lines loaded in batches
(leniency/ops/bulk_tables.py). Either way the manifest holds the SHA-256 of every part, the row counts and
the audit head, and a restore proves them. Personal data stays encrypted in it (see leniency/encryption.py):
restoring needs the same LENIENCY_DATA_KEYS.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.management import call_command
from django.db import connection, transaction

from leniency import clock
from leniency.accounts.models import User
from leniency.audit import checkpoints
from leniency.audit.models import AuditEvent
from leniency.audit.trail import verify_chain
from leniency.database import refresh_planner_statistics
from leniency.documents import archive

from . import bulk_tables, postgres

# 2: large tables as JSON Lines (leniency/ops/bulk_tables.py); 3: the manifest names the database file and its
# format (fixtures or pg_dump); 4: the object store's files ("objects", `objects/`), the manifest last. Formats 1 to
# 3 still restore.
FORMAT = 4
READABLE_FORMATS = {1, 2, 3, 4}
DATABASE_FILE = "database.json"
PG_DUMP_FILE = "database.pgdump"
FIXTURES, PG_DUMP = "django-fixtures", "pg_dump-custom"
MANIFEST_FILE = "manifest.json"
FILES_DIR = "files"
OBJECTS_DIR = "objects"
# Rebuilt by `migrate` on the target, or not worth keeping (the audit chain's lock row is made when first needed).
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "audit.chainhead",
    "oversight.ratecount",  # the public channel's rate-limit counters: a cache
]
CHUNK = 1 << 20


class BackupError(Exception):
    pass


@dataclass
class RestoreReport:
    rows: int = 0
    files: int = 0
    objects: int = 0
    audit_events: int = 0
    problems: list[str] = field(default_factory=list)
    replaced_seeded_rows: int = 0  # rows a fresh database's migrations had seeded
    checkpoint_set_aside: Path | None = None  # the audit checkpoint of the data this restore replaced
    database_format: str = FIXTURES


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class _HashingReader:
    """Hands an object's bytes to tarfile while hashing them: each object is read once."""

    def __init__(self, handle):
        self._handle, self.digest = handle, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self.digest.update(data)
        return data


def _add_objects(tar: tarfile.TarFile) -> dict[str, str]:
    """The archive's files in the object store, streamed into `tar`; {name: sha256}. Nothing when the archive is
    the local disk (its files are under MEDIA_ROOT, in `files/`)."""
    if archive.is_local():
        return {}
    storage, hashes = archive.archive_storage(), {}
    for name in archive.stored_names():
        info = tarfile.TarInfo(f"{OBJECTS_DIR}/{name}")
        info.size = storage.size(name)
        with storage.open(name, "rb") as handle:
            reader = _HashingReader(handle)
            tar.addfile(info, reader)
        hashes[name] = reader.digest.hexdigest()
    return hashes


def _put_objects(work: Path, manifest: dict) -> int:
    """Write the backup's objects back into the configured storage under their own names (replacing any)."""
    storage = archive.archive_storage()
    for name in manifest.get("objects", {}):
        if storage.exists(name):
            storage.delete(name)
        with open(work / OBJECTS_DIR / name, "rb") as handle:
            saved = storage.save(name, File(handle, name=name))
        if saved != name:
            raise BackupError(f"{name}: the storage kept it as {saved}")
    return len(manifest.get("objects", {}))


def _models():
    excluded_apps = {e for e in EXCLUDED if "." not in e}
    excluded_models = {e for e in EXCLUDED if "." in e}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in excluded_apps or label in excluded_models or not model._meta.managed:
            continue
        yield label, model


def row_counts() -> dict[str, int]:
    return {label: model._default_manager.count() for label, model in _models()}


def _audit_head() -> dict:
    last = AuditEvent.objects.order_by("-seq").first()
    return {
        "events": AuditEvent.objects.count(),
        "last_seq": last.seq if last else 0,
        "last_hash": last.hash if last else None,
    }


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def _dump_fixtures(work: Path) -> tuple[Path, dict]:
    dump = work / DATABASE_FILE
    call_command(
        "dumpdata",
        *[],
        exclude=EXCLUDED + bulk_tables.STREAMED,
        natural_foreign=True,
        format="exactjson",
        output=str(dump),
        verbosity=0,
    )
    return dump, bulk_tables.dump(work / bulk_tables.TABLES_DIR)


def _dump_postgres(work: Path) -> Path:
    """pg_dump from this transaction's snapshot (repeatable read, so the counts read after it agree)."""
    dump = work / PG_DUMP_FILE
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
    try:
        postgres.dump(dump, snapshot=snapshot)
    except (postgres.ToolMissing, postgres.ToolFailed) as error:
        raise BackupError(f"nothing was backed up: {error}") from error
    return dump


def create_backup(target: Path, *, portable: bool = False) -> dict:
    """Write the backup to `target` (.tar.gz) and return its manifest. On PostgreSQL the database is a
    pg_dump archive unless `portable` (fixtures, restorable on SQLite too)."""
    target = Path(target)
    use_pg_dump = connection.vendor == "postgresql" and not portable
    if use_pg_dump:  # before anything: a missing pg_dump is named, not met half-way
        try:
            tool = postgres.find_tool("pg_dump", postgres.server_major())
        except postgres.ToolMissing as error:
            raise BackupError(f"nothing was backed up: {error}") from error
    with tempfile.TemporaryDirectory(prefix="leniency-backup-") as tmp:
        work = Path(tmp)
        tables = {}
        outermost = not connection.in_atomic_block
        # One transaction, so rows, counts and the audit head describe the same moment.
        with transaction.atomic():
            if use_pg_dump:
                if outermost:  # the transaction's first statement
                    with connection.cursor() as cursor:
                        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                dump = _dump_postgres(work)
            else:
                dump, tables = _dump_fixtures(work)
            counts = row_counts()
            audit = _audit_head()
        files = {}
        media = _media_root()
        if media.is_dir():
            for path in sorted(p for p in media.rglob("*") if p.is_file()):
                relative = path.relative_to(media).as_posix()
                if not relative.startswith(f"{archive.TMP_DIR}/"):  # unfinished uploads
                    files[relative] = sha256_file(path)
        manifest = {
            "format": FORMAT,
            "created_at": clock.now().isoformat(),
            "database_vendor": connection.vendor,
            "database_format": PG_DUMP if use_pg_dump else FIXTURES,
            "database_file": dump.name,
            "database_sha256": sha256_file(dump),
            "tables": tables,
            "counts": counts,
            "audit": audit,
            "files": files,
        }
        if use_pg_dump:
            manifest["pg_dump"] = postgres.version_of(tool)
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(dump, arcname=dump.name)
            for name in tables:
                tar.add(work / bulk_tables.TABLES_DIR / name, arcname=f"{bulk_tables.TABLES_DIR}/{name}")
            for relative in files:
                tar.add(media / relative, arcname=f"{FILES_DIR}/{relative}")
            manifest["objects"] = _add_objects(tar)
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST_FILE)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        partial.replace(target)  # a backup killed half-way leaves only the .partial file
    return manifest


def _extract(source: Path, into: Path) -> dict:
    try:
        with tarfile.open(source, "r:gz") as tar:
            tar.extractall(into, filter="data")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"{source}: not a readable backup ({error})") from error
    try:
        manifest = json.loads((into / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"{source}: manifest.json missing or unreadable ({error})") from error
    if manifest.get("format") not in READABLE_FORMATS:
        raise BackupError(
            f"{source}: backup format {manifest.get('format')!r}, this version reads {sorted(READABLE_FORMATS)}"
        )
    return manifest


def _database_file(manifest: dict) -> str:
    return manifest.get("database_file", DATABASE_FILE)


def _check_hashes(work: Path, manifest: dict) -> list[str]:
    problems = []
    dump = work / _database_file(manifest)
    if not dump.exists() or sha256_file(dump) != manifest["database_sha256"]:
        problems.append(f"{dump.name}: missing or its SHA-256 does not match the manifest")
    for name, expected in manifest.get("tables", {}).items():
        path = work / bulk_tables.TABLES_DIR / name
        if not path.exists() or sha256_file(path) != expected:
            problems.append(
                f"{bulk_tables.TABLES_DIR}/{name}: missing or its SHA-256 does not match the manifest"
            )
    for relative, expected in manifest["files"].items():
        path = work / FILES_DIR / relative
        if not path.exists():
            problems.append(f"{FILES_DIR}/{relative}: missing from the backup")
        elif sha256_file(path) != expected:
            problems.append(f"{FILES_DIR}/{relative}: SHA-256 does not match the manifest (changed)")
    for name, expected in manifest.get("objects", {}).items():
        path = work / OBJECTS_DIR / name
        if not path.exists():
            problems.append(f"{OBJECTS_DIR}/{name}: missing from the backup")
        elif sha256_file(path) != expected:
            problems.append(f"{OBJECTS_DIR}/{name}: SHA-256 does not match the manifest (changed)")
    return problems


def restore_backup(source: Path, *, replace: bool = False) -> RestoreReport:
    """Restore `source` into this database, MEDIA_ROOT and the archive's object store; raises BackupError before
    changing anything when the backup is damaged or the database is not empty (unless `replace`)."""
    report = RestoreReport()
    with tempfile.TemporaryDirectory(prefix="leniency-restore-") as tmp:
        work = Path(tmp)
        manifest = _extract(Path(source), work)
        problems = _check_hashes(work, manifest)
        if problems:
            raise BackupError("the backup is damaged; nothing was restored:\n" + "\n".join(problems))
        report.database_format = manifest.get("database_format", FIXTURES)
        if report.database_format == PG_DUMP:
            if connection.vendor != "postgresql":
                raise BackupError(
                    f"{source} holds a pg_dump archive of a PostgreSQL database; restore it into PostgreSQL "
                    "(DATABASE_URL), or take a portable backup there with `leniency backup --portable`"
                )
            try:
                postgres.find_tool("pg_restore", postgres.server_major())
            except postgres.ToolMissing as error:
                raise BackupError(f"nothing was restored: {error}") from error
        occupied = {label: n for label, n in _existing_row_counts().items() if n}
        if occupied and not replace:
            if not is_freshly_migrated():
                raise BackupError(
                    "the database holds data ("
                    + ", ".join(f"{k}: {v}" for k, v in sorted(occupied.items())[:5])
                    + "…); nothing was restored. To delete it all and restore the backup in its place:\n"
                    + f"    leniency restore {source} --replace"
                )
            report.replaced_seeded_rows = sum(occupied.values())
        if report.database_format == PG_DUMP:
            try:  # drops and recreates every table of the archive, in one transaction
                postgres.restore(work / _database_file(manifest))
            except postgres.ToolFailed as error:
                raise BackupError(f"nothing was restored: {error}") from error
            refresh_planner_statistics()  # pg_restore leaves the new tables without statistics
        else:
            with transaction.atomic():
                if occupied:
                    call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(work / DATABASE_FILE), verbosity=0)
                bulk_tables.load(work / bulk_tables.TABLES_DIR, manifest.get("tables", {}))
        media = _media_root()
        for relative in manifest["files"]:
            destination = media / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            partial = destination.with_name(destination.name + ".partial")
            shutil.copyfile(work / FILES_DIR / relative, partial)
            partial.replace(destination)
            report.files += 1
        report.objects = _put_objects(work, manifest)
    report.checkpoint_set_aside = _restart_checkpoint()
    return verify_restore(manifest, report)


def _existing_row_counts() -> dict[str, int]:
    """row_counts() over the tables that exist: a database pg_restore is to fill may not be migrated."""
    tables = set(connection.introspection.table_names())
    return {
        label: model._default_manager.count() for label, model in _models() if model._meta.db_table in tables
    }


def is_freshly_migrated() -> bool:
    """No account and no audit event: only what `migrate` seeded, nothing anyone entered."""
    return not User.objects.exists() and not AuditEvent.objects.exists()


def _restart_checkpoint() -> Path | None:
    """The checkpoint file describes the trail this restore replaced: move it aside (kept, it shows which
    events the restore lost: `audit verify --checkpoint` it) and start a new one at the restored head."""
    path = settings.AUDIT_CHECKPOINT_FILE
    if not path:
        return None
    path = Path(path)
    aside = None
    if path.exists():
        aside = path.with_name(f"{path.stem}.before-restore-{clock.now():%Y%m%dT%H%M%S}{path.suffix}")
        path.replace(aside)
    head = checkpoints.head()
    if head is not None:
        checkpoints.write(head, path)
    return aside


def verify_restore(manifest: dict, report: RestoreReport) -> RestoreReport:
    counts = row_counts()
    report.rows = sum(counts.values())
    for label, expected in manifest["counts"].items():
        if counts.get(label, 0) != expected:
            report.problems.append(
                f"{label}: {counts.get(label, 0)} rows restored, the backup had {expected}"
            )
    media = _media_root()
    for relative, expected in manifest["files"].items():
        path = media / relative
        if not path.exists() or sha256_file(path) != expected:
            report.problems.append(f"{relative}: restored file does not match its SHA-256")
    for name, expected in manifest.get("objects", {}).items():
        if archive.hash_stored(name) != expected:  # read back from the store
            report.problems.append(f"{name}: restored object does not match its SHA-256")
    checked, problem = verify_chain()
    report.audit_events = checked
    if problem is not None:
        report.problems.append(f"audit chain: {problem.message}")
    head = _audit_head()
    if head["last_hash"] != manifest["audit"]["last_hash"]:
        report.problems.append("audit chain: the last event differs from the one the backup recorded")
    return report
