"""`leniency backup` and `leniency restore` round-trip the demo data, files included, and refuse damage. On
PostgreSQL the database travels as a pg_dump archive (unless --portable), on SQLite as fixtures."""

import hashlib
import io
import json
import subprocess
import tarfile
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from leniency.audit.models import AuditEvent
from leniency.cases.models import Defendant
from leniency.demo.generator import build_demo
from leniency.ops import postgres
from leniency.ops.backup import row_counts

pytestmark = pytest.mark.django_db(transaction=True)


def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "recordings").mkdir(parents=True)
    (settings.MEDIA_ROOT / "recordings" / "signing.wav").write_bytes(b"RIFF" + bytes(range(256)) * 40)
    return settings.MEDIA_ROOT


@pytest.fixture
def demo(settings, tmp_path):
    media = _media(settings, tmp_path)
    build_demo(seed=5, defendants=40, today=date(2026, 11, 1))
    return media


@pytest.fixture
def one_case(settings, tmp_path):
    """For the refusals, which need some rows, audit events and a file, not a whole demo: the personas' case."""
    from leniency.testing.personas import build_world

    media = _media(settings, tmp_path)
    build_world()
    return media


def test_round_trip_restores_rows_files_and_a_verified_audit_chain(demo, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=archive)
    before = row_counts()
    someone = Defendant.objects.order_by("pk").first()
    identity = (someone.pk, someone.name, someone.id_number, someone.phone)
    last_event = AuditEvent.objects.order_by("-seq").first().hash

    call_command("flush", interactive=False, verbosity=0)
    (demo / "recordings" / "signing.wav").unlink()
    call_command("restore", str(archive))

    assert row_counts() == before
    restored = Defendant.objects.get(pk=identity[0])
    assert (restored.pk, restored.name, restored.id_number, restored.phone) == identity
    assert AuditEvent.objects.order_by("-seq").first().hash == last_event
    assert (demo / "recordings" / "signing.wav").read_bytes().startswith(b"RIFF")


def _database_text(archive, tmp_path) -> str:
    """The database part of a backup as text: the fixtures, or the SQL pg_restore writes from the archive."""
    with tarfile.open(archive) as tar:
        if "database.json" in tar.getnames():
            return tar.extractfile("database.json").read().decode()
        tar.extract("database.pgdump", tmp_path, filter="data")
    tool = postgres.find_tool("pg_restore", postgres.server_major())
    return subprocess.run(
        [tool, "-f", "-", str(tmp_path / "database.pgdump")], capture_output=True, text=True, check=True
    ).stdout


def test_the_backup_keeps_personal_data_encrypted(demo, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=archive)
    someone = Defendant.objects.exclude(id_number="").first()
    dump = _database_text(archive, tmp_path)
    assert someone.name in dump and someone.id_number not in dump and someone.phone not in dump


def test_a_changed_file_is_refused_before_anything_is_touched(one_case, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=archive)
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive) as src, tarfile.open(tampered, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            if member.name == "files/recordings/signing.wav":
                data = data[:-1] + b"X"
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match="files/recordings/signing.wav: SHA-256 does not match"):
        call_command("restore", str(tampered))
    assert sum(row_counts().values()) == 0  # nothing restored


def test_restore_refuses_a_database_that_is_not_empty(one_case, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=archive)
    with pytest.raises(CommandError, match=rf"holds data .*\n    leniency restore {archive} --replace"):
        call_command("restore", str(archive))
    call_command("restore", str(archive), replace=True)  # explicit replacement works
    assert AuditEvent.objects.exists()


def test_restore_sets_the_replaced_checkpoint_aside_and_starts_a_new_one(demo, tmp_path, settings, capsys):
    from leniency.audit import checkpoints
    from leniency.audit.trail import record

    settings.AUDIT_CHECKPOINT_FILE = tmp_path / "audit" / "checkpoint.json"
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=archive)
    backed_up = AuditEvent.objects.order_by("-seq").first().seq
    record("test.after.backup", actor=None, object_type="t", object_id=1)  # lost by the restore
    call_command("audit", "checkpoint")
    assert checkpoints.read(settings.AUDIT_CHECKPOINT_FILE).seq == backed_up + 1

    call_command("restore", str(archive), replace=True)
    aside = next((tmp_path / "audit").glob("checkpoint.before-restore-*.json"))
    assert f"moved to {aside}" in capsys.readouterr().out
    assert checkpoints.read(settings.AUDIT_CHECKPOINT_FILE).seq == backed_up
    call_command("audit", "verify")  # the restored trail against its new checkpoint
    with pytest.raises(CommandError, match=rf"#{backed_up + 1}–#{backed_up + 1} are gone"):
        call_command("audit", "verify", "--checkpoint", str(aside))


@pytest.mark.parametrize("portable", [False, True], ids=["native", "portable"])
def test_the_corpus_restores_whole_in_bulk(one_case, tmp_path, portable):
    """PostgreSQL: inside the pg_dump archive (COPY); SQLite, or --portable: as JSON Lines, not as fixtures.
    Only the corpus is looked at, beside the personas' case: no demo is built (the round trip above restores one).
    """
    from leniency.corpus.models import Judgment

    fields = [
        "content_hash",
        "fact",
        "charges",
        "main_charge",
        "term_months",
        "fine_yuan",
        "facts",
        "drug_grams",
    ]
    for n in range(5):
        Judgment.objects.create(
            content_hash=f"{n:064d}",
            fact=f"被告人盗窃手机{n}部，价值人民币{1000 * n}元。",
            charges=["盗窃罪"],
            main_charge="盗窃罪",
            term_months=n,
            fine_yuan=1000 * n,
            facts={"amount": 1000 * n, "notes": ["甲"]},
            drug_grams=0.1 * n,
        )
    before = list(Judgment.objects.order_by("pk").values("pk", *fields))
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=archive, portable=portable)
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    if connection.vendor == "postgresql" and not portable:
        assert "database.pgdump" in names and "database.json" not in names
        assert "COPY public.corpus_judgment " in _database_text(archive, tmp_path)
    else:
        assert "tables/corpus.judgment.jsonl.gz" in names
        assert '"corpus.judgment"' not in _database_text(archive, tmp_path)

    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(archive))
    assert list(Judgment.objects.order_by("pk").values("pk", *fields)) == before
    new = Judgment.objects.create(
        content_hash="f" * 64, fact="新", main_charge="盗窃罪"
    )  # the sequence moved on
    assert new.pk > before[-1]["pk"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump backs up PostgreSQL only")
def test_on_postgresql_a_backup_without_pg_dump_is_refused_naming_it(one_case, tmp_path, monkeypatch):
    monkeypatch.setenv("LENIENCY_PG_BIN", str(tmp_path))
    with pytest.raises(CommandError, match=r"nothing was backed up: pg_dump of PostgreSQL \d+"):
        call_command("backup", out=tmp_path / "b.tar.gz")
    assert not (tmp_path / "b.tar.gz").exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a pg_dump archive restores on PostgreSQL")
def test_a_pg_dump_backup_is_refused_on_sqlite_naming_the_way_out(tmp_path):
    dump = b"PGDMP not really"
    manifest = {
        "format": 3,
        "database_format": "pg_dump-custom",
        "database_file": "database.pgdump",
        "database_sha256": hashlib.sha256(dump).hexdigest(),
        "counts": {},
        "audit": {"last_hash": None},
        "files": {},
    }
    archive = tmp_path / "pg.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, data in (("manifest.json", json.dumps(manifest).encode()), ("database.pgdump", dump)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with pytest.raises(CommandError, match=r"pg_dump archive .* `leniency backup --portable`"):
        call_command("restore", str(archive))
