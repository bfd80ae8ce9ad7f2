"""Where documents and recordings are kept, and how they are written and re-hashed.

Files live in a Django FileSystemStorage rooted at `settings.MEDIA_ROOT` when set, else `var/documents/`.
Writes stream in chunks into a temporary file inside the storage root, hashing as they go, and the
finished file is moved into place by `Storage.save` (a rename on the same file system), so a killed
upload never leaves a half-written file under its final name.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage

CHUNK = 64 * 1024
TMP_DIR = ".incoming"


def archive_root() -> Path:
    if settings.MEDIA_ROOT:
        return Path(settings.MEDIA_ROOT)
    return Path(settings.VAR_DIR) / "documents"


def archive_storage() -> FileSystemStorage:
    """Built per call so a test that overrides MEDIA_ROOT gets its own directory."""
    return FileSystemStorage(location=str(archive_root()))


class _MovableFile(File):
    """A finished temporary file; `Storage.save` moves it into place with a rename instead of copying."""

    def __init__(self, path: str):
        super().__init__(open(path, "rb"), name=os.path.basename(path))
        self._path = path

    def temporary_file_path(self) -> str:
        return self._path


@dataclass(frozen=True)
class Stored:
    name: str
    sha256: str
    size: int
    head: bytes  # the first bytes, for the type check


class TooLarge(Exception):
    pass


class Rejected(Exception):
    pass


def write_atomically(name: str, chunks: Iterable[bytes], *, max_bytes: int | None = None,
                     check_head: Callable[[bytes], None] | None = None, head_size: int = 64) -> Stored:
    """Stream `chunks` into the archive under `name` (or a free variant of it); never hold the whole file.

    `check_head` sees the first `head_size` bytes as soon as they arrive and may raise `Rejected`; more than
    `max_bytes` raises `TooLarge`. On any error the temporary file is removed and nothing is stored.
    """
    storage = archive_storage()
    tmp_dir = archive_root() / TMP_DIR
    tmp_dir.mkdir(parents=True, exist_ok=True)
    digest, size, head, checked = hashlib.sha256(), 0, b"", check_head is None
    fd, tmp_path = tempfile.mkstemp(dir=tmp_dir, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                if not chunk:
                    continue
                size += len(chunk)
                if max_bytes is not None and size > max_bytes:
                    raise TooLarge(size)
                if len(head) < head_size:
                    head += chunk[: head_size - len(head)]
                if not checked and len(head) >= head_size:
                    check_head(head)
                    checked = True
                digest.update(chunk)
                out.write(chunk)
            if not checked:
                check_head(head)
            out.flush()
            os.fsync(out.fileno())
        movable = _MovableFile(tmp_path)
        try:
            saved = storage.save(name, movable)
        finally:
            movable.close()
    except BaseException:
        if os.path.exists(tmp_path):
            os.unlink(tmp_path)
        raise
    return Stored(saved, digest.hexdigest(), size, head)


def write_bytes(name: str, data: bytes) -> Stored:
    return write_atomically(name, (data[i:i + CHUNK] for i in range(0, len(data), CHUNK)))


def read_chunks(fileobj, chunk_size: int = CHUNK):
    """Chunks from an uploaded file (Django's `chunks()`) or any binary file object (`read(n)`)."""
    if hasattr(fileobj, "chunks"):
        yield from fileobj.chunks(chunk_size)
        return
    while True:
        chunk = fileobj.read(chunk_size)
        if not chunk:
            return
        yield chunk


def hash_stored(name: str) -> str | None:
    """SHA-256 of a stored file, read in chunks; None when the file is missing."""
    storage = archive_storage()
    if not storage.exists(name):
        return None
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_stored(name: str) -> bytes:
    with archive_storage().open(name, "rb") as handle:
        return handle.read()
