"""Audio and video uploads are typed from their first bytes before the rest reaches the disk (issue 20)."""

import io

from django.core.files.uploadhandler import MemoryFileUploadHandler, TemporaryFileUploadHandler
from django.http.multipartparser import MultiPartParser

from leniency.recordings.uploads import HeadCheckUploadHandler

BOUNDARY = "leniencyboundary"
SIZE = 3 * 1024 * 1024  # above the memory threshold: spooled to a temporary file
WAV_HEAD = b"RIFF\x00\x00\x00\x00WAVEfmt "


def _parse(name: str, content: bytes):
    body = (
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )
    meta = {"CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}", "CONTENT_LENGTH": str(len(body))}
    handlers = [HeadCheckUploadHandler(), MemoryFileUploadHandler(), TemporaryFileUploadHandler()]
    _post, files = MultiPartParser(meta, io.BytesIO(body), handlers).parse()
    return files["file"]


def test_a_junk_wav_stops_being_written_after_its_first_chunk():
    upload = _parse("录音.wav", b"MZ\x90\x00" + b"\0" * SIZE)
    assert 0 < upload.size <= 64 * 1024
    assert upload.read(2) == b"MZ"  # what is kept is what the service refuses (wrong content for .wav)


def test_a_real_wav_arrives_whole():
    upload = _parse("录音.wav", WAV_HEAD + b"\1" * SIZE)
    assert upload.size == len(WAV_HEAD) + SIZE


def test_files_that_are_not_audio_or_video_are_left_alone():
    upload = _parse("材料.pdf", b"MZ" + b"\0" * SIZE)
    assert upload.size == 2 + SIZE
