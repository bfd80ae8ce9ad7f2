"""Attachments to public reports: checked by size, extension and magic bytes, then stored under a random name.

Files live in the configured file storage under `oversight/` (leniency/documents/archive.py `storage_under`):
`MEDIA_ROOT/oversight/` on the local disk, the key prefix `oversight/` in an object store, so that every app
server reads what any of them stored. A file whose content does not match its extension (a renamed .exe) is
refused.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.utils.translation import gettext as _

from leniency.documents import archive
from leniency.errors import DomainError

from . import conf

# kind -> (extensions, description for the form's help text)
ALLOWED = {
    "pdf": (".pdf",),
    "jpeg": (".jpg", ".jpeg"),
    "png": (".png",),
    "docx": (".docx",),
    "mp3": (".mp3",),
    "mp4": (".mp4", ".m4a"),
    "wav": (".wav",),
}
ALLOWED_EXTENSIONS = tuple(ext for exts in ALLOWED.values() for ext in exts)


def detect_kind(head: bytes) -> str | None:
    """The file type from its first bytes, or None when it is none of the allowed types."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "mp3"
    if head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    return None


FOLDER = "oversight"


def storage_root() -> Path:
    """The attachments' local folder (on the local disk; on an object store, only the archive's temporary area)."""
    return archive.archive_root() / FOLDER


def attachment_storage() -> Storage:
    """Built per call so that a test overriding MEDIA_ROOT or STORAGES gets its own place."""
    return archive.storage_under(FOLDER)


@dataclass(frozen=True)
class CheckedFile:
    original_name: str
    kind: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def check_files(files) -> list[CheckedFile]:
    """Check every upload (Django UploadedFile or any object with `name` and `read`); raise on the first bad one."""
    files = [f for f in files if f]
    max_files, max_bytes = (
        conf.get("OVERSIGHT_ATTACHMENT_MAX_FILES"),
        conf.get("OVERSIGHT_ATTACHMENT_MAX_BYTES"),
    )
    if len(files) > max_files:
        raise DomainError(_("附件：最多上传 %(n)s 个文件") % {"n": max_files}, field="attachments")
    checked = []
    for upload in files:
        name = Path(getattr(upload, "name", "") or "file").name[:200]
        size = getattr(upload, "size", None)
        if size is not None and size > max_bytes:
            raise DomainError(
                _("附件“%(name)s”超过 %(mb)s MB") % {"name": name, "mb": max_bytes // (1024 * 1024)},
                field="attachments",
            )
        data = upload.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise DomainError(
                _("附件“%(name)s”超过 %(mb)s MB") % {"name": name, "mb": max_bytes // (1024 * 1024)},
                field="attachments",
            )
        extension = Path(name).suffix.lower()
        if extension not in ALLOWED_EXTENSIONS:
            raise DomainError(
                _("附件“%(name)s”的类型不允许，仅接受：%(types)s")
                % {"name": name, "types": " ".join(ALLOWED_EXTENSIONS)},
                field="attachments",
            )
        kind = detect_kind(data[:16])
        if kind is None or extension not in ALLOWED[kind]:
            raise DomainError(
                _("附件“%(name)s”的内容与扩展名不符，已拒收") % {"name": name}, field="attachments"
            )
        checked.append(CheckedFile(name, kind, data))
    return checked


def store(checked: CheckedFile) -> str:
    """Write one checked file under a random name; return the stored name."""
    extension = ALLOWED[checked.kind][0]
    return attachment_storage().save(f"{secrets.token_hex(16)}{extension}", ContentFile(checked.data))


def delete_stored(names) -> None:
    storage = attachment_storage()
    for name in names:
        if storage.exists(name):
            storage.delete(name)
