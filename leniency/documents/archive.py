"""The hashed archive: where documents and recordings are kept, and how they are written and re-hashed.

Files live in the configured "default" storage (settings.STORAGES, see leniency/documents/storage.py): the local
disk under `settings.MEDIA_ROOT` (else `var/documents/`) as the embedded default, or an S3-compatible object store.
Writes stream in chunks into a local temporary file, hashing as they go, and only the finished file is handed to
`Storage.save`: on the local disk the temporary file lies inside the storage root (`.incoming/`) and is moved
into place with a rename, so a killed upload never leaves a half-written file under its final name; on an object
store it lies in a local temporary folder and is uploaded (a multipart upload for large files), which makes the
object appear whole or not at all. A temporary file is locked (`flock`) while its writer lives; the next write
and `recordings verify` remove those whose writer died. Reads (re-hashing, downloads) go through the storage too.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages

CHUNK = 64 * 1024
TMP_DIR = ".incoming"


def _configured() -> Storage:
    return storages["default"]


def _is_local(storage: Storage) -> bool:
    return isinstance(storage, FileSystemStorage)


def archive_root() -> Path:
    """The local folder of the archive (on the local disk), or of its temporary files (on an object store)."""
    configured = _configured()
    if _is_local(configured):
        if configured._location is not None:  # a location named in the STORAGES OPTIONS
            return Path(configured.location)
        if settings.MEDIA_ROOT:
            return Path(settings.MEDIA_ROOT)
        return Path(settings.VAR_DIR) / "documents"
    return Path(getattr(settings, "FILE_UPLOAD_TEMP_DIR", None) or tempfile.gettempdir()) / "leniency-archive"


def archive_storage() -> Storage:
    """The configured storage. On the local disk built per call, so a test that overrides MEDIA_ROOT gets its own
    directory."""
    configured = _configured()
    if _is_local(configured):
        return FileSystemStorage(location=str(archive_root()))
    return configured


def storage_under(folder: str) -> Storage:
    """The configured storage rooted at `folder` (no slashes at its ends): `MEDIA_ROOT/folder` on the local disk,
    the key prefix `folder/` in an object store. For files kept apart from the archive's own names (the
    committee's attachments, generated reports) that every app server must read."""
    configured = _configured()
    if _is_local(configured):
        return FileSystemStorage(location=str(archive_root() / folder))
    backend = storages.backends["default"]
    options = backend.get("OPTIONS", {})
    location = "/".join(part for part in (options.get("location", "").strip("/"), folder) if part)
    return storages.create_storage({**backend, "OPTIONS": {**options, "location": location}})


def is_local() -> bool:
    """Whether the archive is the local disk (else an object store, whose files a backup must fetch)."""
    return _is_local(_configured())


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


class Staged:
    """A finished temporary file in the archive's temporary area, hashed, not yet under its final name.

    The writing process holds an exclusive `flock` on it from creation until `place` or `discard`; the kernel
    drops the lock when the process dies, however it dies, which is how `clean_incoming` tells the file of a
    killed upload from one still being written."""

    def __init__(self, path: str, lock_fd: int, sha256: str, size: int, head: bytes):
        self.path, self._lock_fd, self.sha256, self.size, self.head = path, lock_fd, sha256, size, head
        self.placed: Stored | None = None

    def place(self, name: str) -> Stored:
        """Put the file into the archive under `name` (or a free variant of it): a rename on the local disk, an
        upload to an object store (then the local temporary file is removed)."""
        storage = archive_storage()
        # On the local disk `save` renames the temporary file into place; an object store uploads a copy.
        handle = _MovableFile(self.path) if _is_local(storage) else File(open(self.path, "rb"), name=name)
        try:
            saved = storage.save(name, handle)
        finally:
            handle.close()
        if os.path.exists(self.path):  # the uploaded copy's local original
            os.unlink(self.path)
        self._unlock()
        self.placed = Stored(saved, self.sha256, self.size, self.head)
        return self.placed

    @contextmanager
    def removed_on_failure(self):
        """Around the transaction that records the file and `place`s it as its last step: if anything fails, the
        file leaves the archive whether or not it was placed, so no file outlives a row that was rolled back."""
        try:
            yield
        except BaseException:
            if self.placed is not None:
                archive_storage().delete(self.placed.name)
            else:
                self.discard()
            raise

    def discard(self) -> None:
        if os.path.exists(self.path):
            os.unlink(self.path)
        self._unlock()

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None


def _locked_temporary(tmp_dir: Path) -> tuple[int, str]:
    """A new temporary file, locked by this process; retried if `clean_incoming` removed it before the lock."""
    while True:
        fd, path = tempfile.mkstemp(dir=tmp_dir, suffix=".part")
        fcntl.flock(fd, fcntl.LOCK_EX)
        if os.fstat(fd).st_nlink > 0:
            return fd, path
        os.close(fd)


def clean_incoming() -> list[str]:
    """Remove the temporary files that interrupted writes left behind (their writer died, so their lock is
    free); files still being written are locked and kept. Returns the names removed."""
    tmp_dir = archive_root() / TMP_DIR
    if not tmp_dir.is_dir():
        return []
    removed = []
    for path in sorted(tmp_dir.glob("*.part")):
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        try:
            path.unlink(missing_ok=True)
            removed.append(path.name)
        finally:
            os.close(fd)
    return removed


def stage(
    chunks: Iterable[bytes],
    *,
    max_bytes: int | None = None,
    check_head: Callable[[bytes], None] | None = None,
    head_size: int = 64,
) -> Staged:
    """Stream `chunks` into a locked temporary file in the archive, hashing as they go; never hold the whole file.

    `check_head` sees the first `head_size` bytes as soon as they arrive and may raise `Rejected`; more than
    `max_bytes` raises `TooLarge`. On any error the temporary file is removed. Leftovers of killed writes are
    cleared first."""
    tmp_dir = archive_root() / TMP_DIR
    tmp_dir.mkdir(parents=True, exist_ok=True)
    clean_incoming()
    digest, size, head, checked = hashlib.sha256(), 0, b"", check_head is None
    lock_fd, tmp_path = _locked_temporary(tmp_dir)
    try:
        with os.fdopen(os.dup(lock_fd), "wb") as out:
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
    except BaseException:
        Staged(tmp_path, lock_fd, "", 0, b"").discard()
        raise
    return Staged(tmp_path, lock_fd, digest.hexdigest(), size, head)


def write_atomically(
    name: str,
    chunks: Iterable[bytes],
    *,
    max_bytes: int | None = None,
    check_head: Callable[[bytes], None] | None = None,
    head_size: int = 64,
) -> Stored:
    """`stage` the chunks, then move the file into place under `name`: a killed write leaves only a
    temporary file, which the next write (or `recordings verify`) removes."""
    staged = stage(chunks, max_bytes=max_bytes, check_head=check_head, head_size=head_size)
    try:
        return staged.place(name)
    except BaseException:
        staged.discard()
        raise


def write_bytes(name: str, data: bytes) -> Stored:
    return write_atomically(name, (data[i : i + CHUNK] for i in range(0, len(data), CHUNK)))


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


def stored_names(folder: str = "") -> list[str]:
    """Every file in the archive under `folder` (its temporary files left out), through the storage's listing."""
    storage, names = archive_storage(), []
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    prefix = f"{folder}/" if folder else ""
    names.extend(prefix + name for name in sorted(files))
    for sub in sorted(folders):
        if not (prefix == "" and sub == TMP_DIR):
            names.extend(stored_names(prefix + sub))
    return names


def read_stored(name: str) -> bytes:
    with archive_storage().open(name, "rb") as handle:
        return handle.read()
