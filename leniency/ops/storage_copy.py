"""Copying the local archive into the configured object store: a deployment moving from one machine to several
(issue 21). `leniency storage copy-to-s3 [--from DIR]` copies every file under the local MEDIA_ROOT (the
archive's own names, the committee's attachments, the portal's reports, the jobs' files, the stored artefacts)
into the store under the same name, then reads each object back and checks its SHA-256 against the local
file's. It may be run again: an object already there with the same hash is skipped; one there with another
hash is left alone and reported (never overwritten), and the command fails naming it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files import File

from leniency.documents import archive

CHUNK = 1024 * 1024


class CopyError(Exception):
    pass


@dataclass
class CopyResult:
    copied: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already in the store with the same hash
    conflicts: list[str] = field(default_factory=list)  # in the store with another hash: left alone
    bytes_copied: int = 0


def _sha256_local(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _local_files(source: Path):
    """(name, path) of every file under `source`, the temporary area of unfinished uploads left out."""
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        name = path.relative_to(source).as_posix()
        if name.split("/", 1)[0] != archive.TMP_DIR:
            yield name, path


def copy_to_object_store(source: Path, *, on_file: Callable[[str, str], None] | None = None) -> CopyResult:
    """Copy the files under `source` into the configured object store; `on_file(name, outcome)` hears each."""
    if archive.is_local():
        raise CopyError(
            "the file storage is the local disk: set LENIENCY_S3_BUCKET (and its endpoint and keys)"
        )
    source = Path(source)
    if not source.is_dir():
        raise CopyError(f"{source}: no such folder")
    storage, result = archive.archive_storage(), CopyResult()
    tell = on_file or (lambda name, outcome: None)
    for name, path in _local_files(source):
        local = _sha256_local(path)
        there = archive.hash_stored(name)
        if there == local:
            result.skipped.append(name)
            tell(name, "skipped")
            continue
        if there is not None:
            result.conflicts.append(name)
            tell(name, "conflict")
            continue
        with path.open("rb") as handle:
            saved = storage.save(name, File(handle, name=name))
        if saved != name or archive.hash_stored(saved) != local:
            storage.delete(saved)
            raise CopyError(
                f"{name}: the object store did not keep it byte for byte; nothing left under {saved}"
            )
        result.copied.append(name)
        result.bytes_copied += path.stat().st_size
        tell(name, "copied")
    return result
