"""Fault tests (issue 9): a process killed with SIGKILL in the middle of an import, an upload and a signature
leaves nothing half-written behind, and the work can be done again.

Each test lets a real child process (leniency/tests/fault_worker.py, or `manage.py runserver`) work on this
test's database and archive and kills it at a chosen point; the test then looks at what the database and the
archive hold, as the restarted system would. See faults.py for how SQLite's in-memory test database is
shared with the children.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import random
import time
import uuid
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import reverse

from leniency.audit.models import AuditEvent
from leniency.audit.trail import verify_chain
from leniency.corpus.models import ImportRun, Judgment
from leniency.documents.archive import TMP_DIR, archive_root, hash_stored
from leniency.plea.models import PleaAgreement, Signature
from leniency.recordings.media import wav_bytes
from leniency.recordings.models import Recording
from leniency.recordings.services import do_add_recording, verify_all

from .fault_worker import KILLPOINT
from .faults import (
    SharedDatabase,
    files_outside,
    finish,
    http_server,
    kill_server,
    run_worker,
    start_worker,
    stop,
    wait_for,
)

pytestmark = pytest.mark.django_db(transaction=True)
KILLED = -9


@pytest.fixture
def archive(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "archive")
    return tmp_path / "archive"


@pytest.fixture
def shared(tmp_path, archive):
    return SharedDatabase(tmp_path, archive)


@pytest.fixture(autouse=True)
def chinese():
    from django.utils import translation

    with translation.override("zh-hans"):
        yield


def assert_killed_at_the_point(returncode: int, output: str) -> None:
    assert returncode == KILLED and KILLPOINT in output, f"the child did not die where meant to:\n{output}"


def assert_audit_trail_intact() -> None:
    checked, problem = verify_chain()
    assert problem is None, problem
    call_command("audit", "verify")  # the command exits non-zero (CommandError) on a broken chain


def media_file(size: int) -> bytes:
    """A WAV header (the type check reads it) followed by `size` reproducible bytes."""
    return wav_bytes(0.01) + random.Random(size).randbytes(size)


# --- the corpus import ---------------------------------------------------------------------------------------


def judgment_line(i: int) -> str:
    fact = f"被告人王某{i}于2020年3月{i % 28 + 1}日在某超市窃得财物，价值人民币{2000 + i}元。"
    return json.dumps(
        {
            "fact": fact,
            "meta": {
                "accusation": ["盗窃"],
                "relevant_articles": [264],
                "term_of_imprisonment": {
                    "imprisonment": 6 + i % 12,
                    "death_penalty": False,
                    "life_imprisonment": False,
                },
            },
        },
        ensure_ascii=False,
    )


def test_import_killed_inside_a_batch_keeps_the_committed_batches_and_resumes_importing_each_line_once(
    shared, tmp_path
):
    lines, batch = 100, 20
    path = tmp_path / "judgments.jsonl"
    path.write_text("\n".join(judgment_line(i) for i in range(lines)) + "\n", encoding="utf-8")

    # `leniency corpus import` with a worker process dies once batch 3's rows are inserted, before it commits.
    returncode, output = run_worker(
        shared, "import", {"path": str(path), "workers": 1, "batch": batch, "die_at_batch": 3}
    )
    assert_killed_at_the_point(returncode, output)
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.RUNNING
    assert (run.lines_read, run.line_number, run.imported) == (2 * batch, 2 * batch, 2 * batch)
    assert Judgment.objects.count() == 2 * batch  # nothing of the batch that was being written

    call_command("corpus", "import", str(path), "--workers", "0", "--batch", str(batch), "--no-progress")
    resumed = ImportRun.objects.get()
    assert resumed.pk == run.pk and resumed.status == ImportRun.Status.DONE
    assert (resumed.lines_read, resumed.imported, resumed.duplicates, resumed.errors) == (lines, lines, 0, 0)
    amounts = sorted(Judgment.objects.values_list("amount_yuan", flat=True))
    assert amounts == [2000 + i for i in range(lines)]  # every line once, none twice, none lost


# --- uploading a recording -----------------------------------------------------------------------------------


def incoming(archive: Path) -> list[Path]:
    folder = archive / TMP_DIR
    return sorted(folder.iterdir()) if folder.exists() else []


def assert_no_recording_left(archive: Path) -> None:
    assert not Recording.objects.exists()
    assert not AuditEvent.objects.filter(action="recordings.recording.added").exists()
    assert files_outside(archive, TMP_DIR) == []  # no file under a final name without its row
    assert_audit_trail_intact()


def assert_verify_passes_and_clears_the_temporary_area(archive: Path, recordings: int = 0) -> None:
    call_command("recordings", "verify")  # CommandError on a missing or changed file
    assert verify_all() == (recordings, [])
    assert incoming(archive) == []


def assert_stored_whole(recording: Recording, data: bytes) -> None:
    digest = hashlib.sha256(data).hexdigest()
    assert (recording.sha256, recording.size) == (digest, len(data))
    assert hash_stored(recording.file_name) == digest
    event = AuditEvent.objects.get(action="recordings.recording.added", object_id=str(recording.pk))
    assert event.data["sha256"] == digest
    assert verify_all() == (1, [])
    assert_audit_trail_intact()


def upload_in_this_process(world, data: bytes, tmp_path: Path) -> Recording:
    path = tmp_path / f"again-{uuid.uuid4().hex}.wav"
    path.write_bytes(data)
    with open(path, "rb") as handle:
        return do_add_recording(
            world.defendant,
            acting_user=world.prosecutor,
            fileobj=handle,
            original_name="notice.wav",
            session="notice",
            recorded_on=date(2026, 9, 2),
        )


@pytest.mark.parametrize("point", ["half_the_bytes", "inside_the_transaction"])
def test_upload_killed_leaves_no_recording_and_a_fresh_upload_is_stored_whole(
    world, shared, archive, tmp_path, point
):
    data = media_file(1_000_000)
    source = tmp_path / "notice.wav"
    source.write_bytes(data)
    args = {
        "path": str(source),
        "defendant": world.defendant.pk,
        "user": world.prosecutor.pk,
        "on": "2026-09-02",
    }
    args |= {"die_after": len(data) // 2} if point == "half_the_bytes" else {"die_in_transaction": True}
    returncode, output = run_worker(shared, "upload", args)
    assert_killed_at_the_point(returncode, output)
    left = incoming(archive)
    assert len(left) == 1  # the killed upload's temporary file: proof that it died while writing
    if point == "half_the_bytes":
        assert 0 < left[0].stat().st_size < len(data)
    assert_no_recording_left(archive)

    if point == "half_the_bytes":  # the next upload clears what the killed one left, and is stored whole
        recording = upload_in_this_process(world, data, tmp_path)
        assert incoming(archive) == []
    else:  # `recordings verify` clears it (and does not count it as a recording)
        assert_verify_passes_and_clears_the_temporary_area(archive)
        recording = upload_in_this_process(world, data, tmp_path)
    assert_stored_whole(recording, data)
    assert_verify_passes_and_clears_the_temporary_area(archive, recordings=1)


# --- signing the plea agreement -----------------------------------------------------------------------------


@pytest.fixture
def agreement(world, archive):
    from leniency.plea.tests.helpers import agreement as generate
    from leniency.plea.tests.helpers import final_recommendation

    final_recommendation(world)
    return generate(world)


def sign_in_this_process(world, agreement, role):
    from leniency.plea.tests.helpers import sign_in_person

    user = world.lawyer if role == Signature.Role.LAWYER else world.prosecutor
    return sign_in_person(agreement, role, user)


def assert_every_signature_and_completion_has_its_event() -> None:
    for signature in Signature.objects.all():
        assert (
            AuditEvent.objects.filter(
                action="plea.agreement.signed",
                object_id=str(signature.agreement_id),
                data__role=signature.role,
            ).count()
            == 1
        )
    for signed in PleaAgreement.objects.filter(status=PleaAgreement.Status.SIGNED):
        assert AuditEvent.objects.filter(action="plea.agreement.completed", object_id=str(signed.pk)).exists()


@pytest.mark.parametrize(
    "role, die_on, signed_before",
    [
        ("defendant", "plea.agreement.signed", []),  # the first signature: its row written, its event not yet
        (
            "prosecutor",
            "plea.agreement.completed",
            ["defendant", "lawyer"],
        ),  # the last: agreement marked signed
    ],
)
def test_signature_killed_inside_its_transaction_is_not_recorded_and_can_be_given_again(
    world, shared, agreement, role, die_on, signed_before
):
    for earlier in signed_before:
        sign_in_this_process(world, agreement, earlier)
    events_before = AuditEvent.objects.count()
    user = world.prosecutor
    returncode, output = run_worker(
        shared, "sign", {"agreement": agreement.pk, "role": role, "user": user.pk, "die_on": die_on}
    )
    assert_killed_at_the_point(returncode, output)
    agreement.refresh_from_db()
    assert agreement.status == PleaAgreement.Status.AWAITING and agreement.signed_at is None
    assert sorted(agreement.signatures.values_list("role", flat=True)) == sorted(signed_before)
    assert AuditEvent.objects.count() == events_before
    assert_every_signature_and_completion_has_its_event()
    assert_audit_trail_intact()

    sign_in_this_process(world, agreement, role)
    for later in {"defendant", "lawyer", "prosecutor"} - set(signed_before) - {role}:
        sign_in_this_process(world, agreement, later)
    agreement.refresh_from_db()
    assert agreement.status == PleaAgreement.Status.SIGNED
    assert agreement.signatures.filter(role=role).count() == 1
    assert_every_signature_and_completion_has_its_event()
    assert_audit_trail_intact()


# --- a real HTTP server killed during an upload --------------------------------------------------------------


def multipart(fields: dict, file_field: str, file_name: str, data: bytes) -> tuple[str, bytes]:
    boundary = f"----fault{uuid.uuid4().hex}"
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_name}"\r\n'
        f"Content-Type: audio/wav\r\n\r\n".encode()
        + data
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return f"multipart/form-data; boundary={boundary}", b"".join(parts)


class Upload:
    """One POST to the upload page, sent slowly in pieces with http.client, as a logged-in prosecutor."""

    CSRF = "f" * 32  # an unmasked CSRF secret: the cookie and the form field carry the same value

    def __init__(self, client, world, data: bytes):
        client.force_login(world.prosecutor)  # a database session the server process can read
        self.session = client.cookies[django_settings.SESSION_COOKIE_NAME].value
        self.url = reverse("recording_upload", args=[world.defendant.pk])
        self.content_type, self.body = multipart(
            {
                "csrfmiddlewaretoken": self.CSRF,
                "session": "notice",
                "recorded_on": "2026-09-02",
                "description": "断电测试",
            },
            "file",
            "notice.wav",
            data,
        )

    def start(self, port: int) -> http.client.HTTPConnection:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.putrequest("POST", self.url)
        connection.putheader("Content-Type", self.content_type)
        connection.putheader("Content-Length", str(len(self.body)))
        connection.putheader(
            "Cookie",
            f"{django_settings.SESSION_COOKIE_NAME}={self.session}; "
            f"{django_settings.CSRF_COOKIE_NAME}={self.CSRF}",
        )
        connection.endheaders()
        return connection

    def send(self, connection, start: int, end: int, piece: int = 64 * 1024) -> None:
        for offset in range(start, end, piece):
            connection.send(self.body[offset : min(offset + piece, end)])


def test_server_killed_during_a_slow_upload_stores_nothing_and_after_a_restart_the_upload_is_whole(
    client, world, shared, archive, tmp_path
):
    data = media_file(3_000_000)  # above Django's 2.5 MB in-memory limit: the server spools it to TMPDIR
    upload = Upload(client, world, data)
    server_tmp, log = tmp_path / "server-tmp", tmp_path / "server.log"

    with http_server(shared, tmp_dir=server_tmp, log=log) as (server, port):
        connection = upload.start(port)
        try:
            upload.send(connection, 0, len(upload.body) // 2)
            wait_for(
                lambda: any(p.name.endswith(".upload.wav") for p in server_tmp.iterdir()),
                what="the server to spool the request body",
            )  # the request is in the middle of the upload
            kill_server(server)
        finally:
            connection.close()
    assert_no_recording_left(archive)
    assert incoming(archive) == []  # the archive was never touched: the body had not arrived
    assert_verify_passes_and_clears_the_temporary_area(archive)

    with http_server(shared, tmp_dir=server_tmp, log=log) as (server, port):
        connection = upload.start(port)
        try:
            upload.send(connection, 0, len(upload.body))
            response = connection.getresponse()
            status, location = response.status, response.getheader("Location", "")
            response.read()
        finally:
            connection.close()
    assert status == 302, log.read_text(errors="replace")[-3000:]
    recording = Recording.objects.get()
    assert location.endswith(reverse("recording_detail", args=[recording.pk]))
    assert recording.file_name.startswith("recordings/") and archive_root() == archive
    assert_stored_whole(recording, data)
    assert files_outside(archive, TMP_DIR) == [recording.file_name]


# --- two users editing one recommendation at the same time -----------------------------------------------------


def test_two_editors_racing_on_one_draft_the_second_gets_a_clear_conflict_and_nothing_is_overwritten(
    world, shared, tmp_path
):
    """A real race between two processes that both saw version v: the first is stopped inside its transaction
    (the round read and locked) while the second tries to save; then the first is let go."""
    from leniency.recommendations.services import do_create_draft

    rec = do_create_draft(world.defendant, acting_user=world.prosecutor)
    seen, events = rec.version, AuditEvent.objects.filter(action="recommendations.draft.updated")
    folder = tmp_path / "race"
    folder.mkdir()
    common = {"rec": rec.pk, "version": seen, "folder": str(folder)}
    shared.push()
    first = second = None
    try:
        first = start_worker(
            shared,
            "edit",
            common | {"name": "first", "user": world.prosecutor.pk, "note": "第一人的意见", "pause": True},
        )
        wait_for(lambda: (folder / "inside-first").exists(), what="the first editor inside its transaction")
        second = start_worker(
            shared, "edit", common | {"name": "second", "user": world.supervisor.pk, "note": "第二人的意见"}
        )
        wait_for(lambda: (folder / "attempt-second").exists(), what="the second editor to start saving")
        time.sleep(1.0)  # let the second reach the lock the first holds
        (folder / "go").touch()
        first_result, second_result = finish(first), finish(second)
    finally:
        for process in (first, second):
            if process is not None:
                stop(process)
        shared.pull()
    assert first_result == (0, f"SAVED {seen + 1}\n"), first_result
    code, output = second_result
    assert code == 0 and output.startswith("CONFLICT version "), output
    assert "已被他人修改" in output and f"第{seen}版" in output and f"第{seen + 1}版" in output
    rec.refresh_from_db()
    assert (rec.note, rec.version) == ("第一人的意见", seen + 1)
    assert events.count() == 1 and events.get().actor == world.prosecutor


def test_edit_page_conflict_names_it_keeps_what_the_second_user_typed_and_overwrites_nothing(client, world):
    from django.test import Client

    from leniency.recommendations.services import do_create_draft

    rec = do_create_draft(world.defendant, acting_user=world.prosecutor)
    url = reverse("recommendations:edit", args=[rec.pk])
    first, second = Client(), Client()
    first.force_login(world.prosecutor)
    second.force_login(world.supervisor)
    pages = [c.get(url).context for c in (first, second)]
    assert pages[0]["form"].initial["version"] == pages[1]["form"].initial["version"] == rec.version
    # What each browser submits: the draft's fields and the facts the engine read, as the page shows them.
    data = [
        {
            f.html_name: f.value()
            for name in ("form", "facts_form")
            for f in page[name]
            if f.value() is not None
        }
        for page in pages
    ]
    data[0] |= {"note": "第一人保存的意见"}
    data[1] |= {"note": "第二人输入的意见", "deviation_reason": "第二人写的理由"}

    assert first.post(url, data[0]).status_code == 302
    page = second.post(url, data[1])
    assert page.status_code == 400
    html = page.content.decode()
    assert "此量刑建议已被他人修改" in html and f"现为第{rec.version + 1}版" in html
    assert "第二人输入的意见" in html and "第二人写的理由" in html  # what the second user typed is kept
    saved = type(rec).objects.get(pk=rec.pk)
    assert (saved.note, saved.version) == ("第一人保存的意见", rec.version + 1)
    assert AuditEvent.objects.filter(action="recommendations.draft.updated").count() == 1
