"""Uploads typed from their first bytes: what a file is, told by how it begins (never by its name alone), checked
while it streams into the archive's staging area, so that a large file of the wrong kind is refused before it
is read whole. Recordings, intake scans, signatures and settlement scans all arrive this way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from leniency.errors import DomainError

from .archive import Rejected, Staged, TooLarge, read_chunks, stage


@dataclass(frozen=True)
class FileType:
    kind: str
    media_type: str
    extensions: tuple[str, ...]
    matches: Callable[[bytes], bool]  # does a file beginning with these bytes have this type?


def starts_with(*magic: bytes) -> Callable[[bytes], bool]:
    return lambda head: head.startswith(magic)


PDF = FileType("pdf", "application/pdf", ("pdf",), starts_with(b"%PDF-"))
JPEG = FileType("jpeg", "image/jpeg", ("jpg", "jpeg"), starts_with(b"\xff\xd8\xff"))
PNG = FileType("png", "image/png", ("png",), starts_with(b"\x89PNG\r\n\x1a\n"))
TIFF = FileType("tiff", "image/tiff", ("tif", "tiff"), starts_with(b"II*\x00", b"MM\x00*"))
SCANS = (PDF, JPEG, PNG)  # a paper document scanned or photographed


def detect(head: bytes, types) -> FileType | None:
    return next((t for t in types if t.matches(head)), None)


def extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def stage_upload(
    fileobj,
    *,
    types,
    max_bytes: int,
    field: str,
    refused: Callable[[str], str],
    name_extension: str | None = None,
    empty: str | None = None,
    head_size: int = 64,
) -> tuple[Staged, FileType]:
    """Stream `fileobj` into the archive's staging area; (staged file, its type). Refused on `field`: a file over
    `max_bytes`; one whose first bytes are none of `types` or (when `name_extension` is given) not of the type its
    name says (`refused(kind found or "")` words it); an empty one (`empty`, else "文件为空")."""
    found: list[FileType] = []

    def check_head(head: bytes) -> None:
        if not head:
            return  # an empty file: refused below as empty, not as the wrong type
        kind = detect(head, types)
        if kind is None or (name_extension is not None and name_extension not in kind.extensions):
            raise Rejected(kind.kind if kind else "")
        found.append(kind)

    try:
        staged = stage(read_chunks(fileobj), max_bytes=max_bytes, check_head=check_head, head_size=head_size)
    except TooLarge:
        raise DomainError(
            _("文件超过大小上限 %(mb)s MB") % {"mb": max_bytes // (1024 * 1024)}, field=field
        ) from None
    except Rejected as error:
        raise DomainError(refused(str(error)), field=field) from None
    if staged.size == 0 or not found:
        staged.discard()
        raise DomainError(empty or _("文件为空"), field=field)
    return staged, found[0]
