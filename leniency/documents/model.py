"""A document described once — title, parties, paragraphs, tables, signature block — and rendered into both
PDF (`render.document_pdf`, through the HTML template `documents/document.html` and WeasyPrint) and Word
(`render.document_docx`, with python-docx).

Each app builds its documents from its records (the 具结书 in plea/documents.py, the 量刑建议书 in
recommendations/documents.py, …); this module knows no app. Text is plain: the renderers escape it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    indent: bool = True  # the first line indented two characters, as Chinese documents are
    muted: bool = False  # a note in small grey type
    align: str = ""  # "" (justified / left), "right" or "center"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def para(*parts: str | Run, indent: bool = True, muted: bool = False, align: str = "") -> Paragraph:
    """A paragraph from strings (plain) and `Run`s (e.g. `bold("…")`)."""
    runs = tuple(p if isinstance(p, Run) else Run(str(p)) for p in parts if p)
    return Paragraph(runs, indent=indent, muted=muted, align=align)


def bold(text: str) -> Run:
    return Run(str(text), bold=True)


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Table:
    """Rows of cells; a cell is text, or (text, colspan). `label_columns`: the columns that hold labels (shown
    bold). A table is kept on one page where it fits (no row split, rows kept together)."""

    rows: tuple[tuple[str | tuple[str, int], ...], ...]
    label_columns: tuple[int, ...] = (0,)


@dataclass(frozen=True)
class Signer:
    """One line of the signature table: who signs in what role; blank name/time while unsigned."""

    role: str  # e.g. "犯罪嫌疑人"
    name: str = ""  # the signer's name, printed once signed
    signed_at: datetime | None = None
    notes: tuple[str, ...] = ()  # e.g. "值班律师张三在场见证", "签署录像：…"
    image: bytes | None = None  # a handwritten signature (PNG/JPEG), printed in the box when held


@dataclass(frozen=True)
class Signatures:
    """The signature block. `sha256`: the hash the signatures bind (printed with `verify_url`, and a QR code of
    it, once anyone has signed)."""

    signers: tuple[Signer, ...]
    sha256: str = ""
    verify_url: str = ""
    note: str = ""

    @property
    def signed(self) -> bool:
        return any(s.signed_at for s in self.signers)


Block = Paragraph | Heading | Table | Signatures


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...]
    subtitle: str = ""  # the line under the title: issuer, case number, version
    addressee: str = ""  # "张三：" before the body, where the document is addressed to someone
    closing: tuple[str, ...] = ()  # the issuer and date at the foot, right-aligned
    filename: str = "document"  # without extension
    personal_fields: tuple[str, ...] = field(default=())  # what personal data it prints (for the read log)

    def text(self) -> str:
        """All the words of the document, in order (for tests and search)."""
        out = [self.title, self.subtitle, self.addressee]
        for block in self.blocks:
            if isinstance(block, Heading):
                out.append(block.text)
            elif isinstance(block, Paragraph):
                out.append(block.text)
            elif isinstance(block, Table):
                out.extend(cell if isinstance(cell, str) else cell[0] for row in block.rows for cell in row)
            elif isinstance(block, Signatures):
                for s in block.signers:
                    out.extend([s.role, s.name, *s.notes])
                out.extend([block.sha256, block.verify_url, block.note])
        out.extend(self.closing)
        return "\n".join(x for x in out if x)
