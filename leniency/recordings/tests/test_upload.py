import hashlib
import io
import os
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from leniency.audit.models import AuditEvent
from leniency.documents.archive import CHUNK, TMP_DIR
from leniency.errors import DomainError
from leniency.recordings.media import wav_bytes
from leniency.recordings.models import Recording
from leniency.recordings.services import do_add_recording, do_log_access, verify_all


class ChunkOnlyReader(io.RawIOBase):
    """A large synthetic stream that refuses to be read whole and records the biggest read asked for."""

    def __init__(self, head: bytes, total: int):
        self.head, self.total, self.pos, self.largest = head, total, 0, 0

    def readable(self):
        return True

    def read(self, n=-1):
        if n is None or n < 0:
            raise AssertionError("read() without a size: the whole file would be held in memory")
        self.largest = max(self.largest, n)
        if self.pos >= self.total:
            return b""
        n = min(n, self.total - self.pos)
        out = bytearray(n)
        start = self.pos
        if start < len(self.head):
            part = self.head[start : start + n]
            out[: len(part)] = part
        self.pos += n
        return bytes(out)

    def expected_sha256(self) -> str:
        digest, pos = hashlib.sha256(), 0
        while pos < self.total:
            n = min(CHUNK, self.total - pos)
            chunk = bytearray(n)
            if pos < len(self.head):
                part = self.head[pos : pos + n]
                chunk[: len(part)] = part
            digest.update(chunk)
            pos += n
        return digest.hexdigest()


def _add(world, data: bytes, name="notice.wav", **extra):
    return do_add_recording(
        world.defendant,
        acting_user=world.prosecutor,
        fileobj=io.BytesIO(data),
        original_name=name,
        session=extra.pop("session", "notice"),
        recorded_on=date(2026, 9, 2),
        **extra,
    )


def test_upload_is_hashed_stored_and_audited(world, archive):
    data = wav_bytes()
    recording = _add(world, data)
    assert recording.sha256 == hashlib.sha256(data).hexdigest() and recording.size == len(data)
    assert recording.kind == "wav" and recording.media_type == "audio/wav"
    assert Path(archive, recording.file_name).read_bytes() == data
    event = AuditEvent.objects.get(action="recordings.recording.added")
    assert event.data["sha256"] == recording.sha256 and event.data["defendant"] == world.defendant.pk


def test_upload_streams_in_chunks_without_holding_the_file(world, archive):
    total = 24 * 1024 * 1024
    reader = ChunkOnlyReader(wav_bytes(0.01), total)
    tracemalloc.start()
    recording = do_add_recording(
        world.defendant,
        acting_user=world.prosecutor,
        fileobj=reader,
        original_name="big.wav",
        session="signing",
        recorded_on=date(2026, 9, 2),
    )
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert reader.largest <= CHUNK
    assert peak < 4 * 1024 * 1024, peak  # a 24 MiB upload never needs more than a few chunks of memory
    assert recording.size == total and recording.sha256 == reader.expected_sha256()
    assert os.path.getsize(Path(archive, recording.file_name)) == total


def test_type_is_checked_by_extension_and_magic_bytes(world, archive):
    with pytest.raises(DomainError) as error:
        _add(world, wav_bytes(), name="notice.exe")
    assert error.value.field == "file"
    with pytest.raises(DomainError) as error:
        _add(world, b"MZ\x90\x00" + b"\x00" * 200, name="notice.wav")  # a program renamed to .wav
    assert "不符" in error.value.message
    with pytest.raises(DomainError):
        _add(world, wav_bytes(), name="notice.mp4")  # a WAV is not an MP4
    assert Recording.objects.count() == 0
    assert not any(p.is_file() for p in Path(archive).rglob("*"))  # nothing left behind, not even a temp file


def test_size_limit_stops_the_upload_and_leaves_nothing(world, archive, settings):
    settings.RECORDINGS_MAX_BYTES = 100 * 1024
    with pytest.raises(DomainError) as error:
        do_add_recording(
            world.defendant,
            acting_user=world.prosecutor,
            fileobj=ChunkOnlyReader(wav_bytes(0.01), 10 * 1024 * 1024),
            original_name="x.wav",
            session="notice",
            recorded_on=date(2026, 9, 2),
        )
    assert "大小上限" in error.value.message
    assert Recording.objects.count() == 0 and not any(p.is_file() for p in Path(archive).rglob("*"))


def test_a_killed_upload_leaves_nothing_half_visible(world, archive):
    def dying():
        yield wav_bytes(0.05)
        raise KeyboardInterrupt  # the worker is killed mid-stream

    class Upload:
        def chunks(self, size):
            return dying()

    with pytest.raises(KeyboardInterrupt):
        do_add_recording(
            world.defendant,
            acting_user=world.prosecutor,
            fileobj=Upload(),
            original_name="x.wav",
            session="notice",
            recorded_on=date(2026, 9, 2),
        )
    files = [p for p in Path(archive).rglob("*") if p.is_file()]
    assert files == [] and Recording.objects.count() == 0
    assert Path(archive, TMP_DIR).is_dir()  # temporary files are written beside the archive, then renamed


def test_access_is_logged(world):
    recording = _add(world, wav_bytes())
    do_log_access(recording, acting_user=world.judge, mode="view")
    event = AuditEvent.objects.get(action="recordings.recording.accessed")
    assert (
        event.actor == world.judge and event.data["mode"] == "view" and event.object_id == str(recording.pk)
    )


def test_verify_command_detects_changed_and_missing_files(world, archive):
    first, second, third = (_add(world, wav_bytes(freq=f)) for f in (300, 400, 500))
    call_command("recordings", "verify", stdout=io.StringIO())
    assert verify_all() == (3, [])
    path = Path(archive, first.file_name)
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    Path(archive, second.file_name).unlink()
    err = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("recordings", "verify", stdout=io.StringIO(), stderr=err)
    assert "2 of 3" in str(error.value)
    assert (
        f"CHANGED  recording #{first.pk}" in err.getvalue()
        and f"MISSING  recording #{second.pk}" in err.getvalue()
    )


def test_verify_catches_a_rewritten_file_and_hash(world, archive):
    recording = _add(world, wav_bytes())
    forged = wav_bytes(freq=900)
    Path(archive, recording.file_name).write_bytes(forged)
    Recording.objects.filter(pk=recording.pk).update(sha256=hashlib.sha256(forged).hexdigest())
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("recordings", "verify", stdout=io.StringIO(), stderr=err)
    assert f"ALTERED  recording #{recording.pk}" in err.getvalue()
