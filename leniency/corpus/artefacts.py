"""The similar-case index and the learned model as artefacts in the file storage, so that every app server reads
the same ones (issue 21 item 3).

A build or a training *publishes* its files: each goes into the configured storage (Django's storage API: the
local disk under MEDIA_ROOT by default, an S3-compatible object store in production) under
`artefacts/<kind>/<version>/<file>`, never overwritten, and one `Artefact` row records the version with each
file's SHA-256. The current version of a kind is its newest row.

Every server asks the database for the current version when it answers (one indexed query, no file system
involved), and copies a version it does not hold yet into its own cache directory (`ARTEFACT_CACHE_DIR`, local
and disposable), checking each file's hash; it then loads from that copy. A server therefore changes to a new
index or model at its next request after the row is committed, whichever machine built it.

Without any published version (a development checkout that built its index or model before this existed), the
local directories (`var/corpus-index`, `var/models`) still serve.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction

from leniency.compiled_queries import compiled
from leniency.corpus.models import Artefact

log = logging.getLogger(__name__)
CHUNK = 1024 * 1024
KEEP = 3  # versions of each kind kept in the storage and in each server's cache (the current and two before)
_lock = threading.Lock()


class ArtefactError(Exception):
    """A published file is missing from the storage or does not match its recorded hash."""


def cache_dir() -> Path:
    return Path(getattr(settings, "ARTEFACT_CACHE_DIR", Path(settings.VAR_DIR) / "cache" / "artefacts"))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def content_version(directory: Path, stamp: str) -> str:
    """`<stamp>-<first 8 hex of the hash over the files' names and hashes>`: a version that names its content."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(directory).iterdir() if p.is_file()):
        digest.update(f"{path.name}:{_sha256(path)}\n".encode())
    return f"{stamp}-{digest.hexdigest()[:8]}"


def current(kind: str) -> Artefact | None:
    """The newest published version of `kind`, or None when none was ever published."""
    return next(iter(_NEWEST[kind]()), None)


# Asked on every cold case page (the withdrawal-risk panel): compiled once (leniency/compiled_queries.py).
_NEWEST = {
    kind: compiled(lambda kind=kind: Artefact.objects.filter(kind=kind).order_by("-id")[:1])
    for kind in Artefact.Kind.values
}


def publish(kind: str, version: str, directory: Path) -> Artefact:
    """Put every file of `directory` into the storage as version `version` of `kind` and make it current.

    A version already published is returned as it is (the same content, built twice). The row is written only
    once every file is stored; should that fail, the files just stored are removed again."""
    existing = Artefact.objects.filter(kind=kind, version=version).first()
    if existing is not None:
        return existing
    directory = Path(directory)
    files = []
    try:
        for path in sorted(p for p in directory.iterdir() if p.is_file()):
            with path.open("rb") as handle:
                stored = default_storage.save(
                    f"artefacts/{kind}/{version}/{path.name}", File(handle, path.name)
                )
            files.append(
                {"name": path.name, "path": stored, "sha256": _sha256(path), "size": path.stat().st_size}
            )
        with transaction.atomic():
            artefact = Artefact.objects.create(kind=kind, version=version, files=files)
    except BaseException:
        for entry in files:
            default_storage.delete(entry["path"])
        raise
    _seed(artefact, directory)
    log.info("published %s %s (%d files)", kind, version, len(files))
    prune(kind)
    return artefact


def prune(kind: str, keep: int = KEEP) -> list[str]:
    """Remove all but the newest `keep` versions of `kind`: their rows, their files in the storage and this
    server's copies (other servers drop theirs when they next copy a version). Returns the versions removed.
    A server still answering from an older version changes at its next request; `keep` leaves it room."""
    old = list(Artefact.objects.filter(kind=kind).order_by("-id")[keep:])
    for artefact in old:
        for entry in artefact.files:
            default_storage.delete(entry["path"])
        Artefact.objects.filter(pk=artefact.pk).delete()
    _drop_copies(kind)
    return [artefact.version for artefact in old]


def _drop_copies(kind: str) -> None:
    """Remove this server's copies of versions no longer among the newest KEEP."""
    directory = cache_dir() / kind
    if not directory.is_dir():
        return
    kept = set(Artefact.objects.filter(kind=kind).order_by("-id").values_list("version", flat=True)[:KEEP])
    for copy in directory.iterdir():
        if copy.is_dir() and not copy.name.startswith(".") and copy.name not in kept:
            shutil.rmtree(copy, ignore_errors=True)


def _place(artefact: Artefact, fill) -> Path:
    """Make the cache directory of `artefact` by filling a temporary one and renaming it into place, so that a
    reader sees a whole copy or none (two processes filling it at once: the first rename wins)."""
    target = cache_dir() / artefact.kind / artefact.version
    if target.is_dir():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{artefact.version}-", dir=target.parent))
    try:
        fill(tmp)
        os.rename(tmp, target)
    except OSError:
        if not target.is_dir():
            raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def _seed(artefact: Artefact, directory: Path) -> None:
    """The process that published a version has its files: link them into its cache instead of downloading."""

    def fill(tmp: Path) -> None:
        for entry in artefact.files:
            try:
                os.link(directory / entry["name"], tmp / entry["name"])
            except OSError:  # another file system
                shutil.copy2(directory / entry["name"], tmp / entry["name"])

    try:
        _place(artefact, fill)
    except OSError:  # only a head start: local_copy downloads it instead
        log.warning("could not seed the cache with %s %s", artefact.kind, artefact.version, exc_info=True)


def local_copy(artefact: Artefact) -> Path:
    """This server's copy of `artefact`'s files (downloaded from the storage the first time, hashes checked)."""

    def fill(tmp: Path) -> None:
        for entry in artefact.files:
            digest = hashlib.sha256()
            try:
                source = default_storage.open(entry["path"], "rb")
            except (FileNotFoundError, OSError) as error:
                raise ArtefactError(f"{artefact}: {entry['path']} is missing from the storage") from error
            with source, (tmp / entry["name"]).open("wb") as out:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
            if digest.hexdigest() != entry["sha256"]:
                raise ArtefactError(f"{artefact}: {entry['path']} does not match its recorded SHA-256")

    with _lock:  # one download per process; other processes race through the rename
        target = cache_dir() / artefact.kind / artefact.version
        if target.is_dir():
            return target
        placed = _place(artefact, fill)
        _drop_copies(artefact.kind)  # a new version arrived: older copies beyond KEEP go
        return placed


def serving_directory(kind: str, fallback: Path) -> Path:
    """Where this server reads `kind` from now: the local copy of its current version, or `fallback` (the local
    directory of development) when none was published."""
    artefact = current(kind)
    if artefact is None:
        return fallback
    try:
        return local_copy(artefact)
    except (ArtefactError, OSError):  # the storage is unreachable or the copy is bad: answer without it
        log.exception("cannot copy %s %s from the storage; serving from %s", kind, artefact.version, fallback)
        return fallback
