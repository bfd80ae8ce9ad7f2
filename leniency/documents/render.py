"""One `Document` (documents/model.py) into PDF (HTML → WeasyPrint) and Word (.docx, python-docx).

Both outputs keep the signature table on one page: the HTML marks it `break-inside: avoid` (documents.css),
the Word table marks each row `cantSplit` and keeps each row with the next. Word text sets the East Asian font
(宋体) on every run, so Chinese does not fall back to a Latin font. Once anyone has signed, the signature block
prints each signer's role, name and time, the SHA-256 the signatures bind, and a QR code of the verify URL.
"""

from __future__ import annotations

import base64
import io
from datetime import datetime

import segno
from django.template.loader import render_to_string
from django.utils import timezone
from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .model import Document, Heading, Paragraph, Signatures, Table, para
from .pdf import document_css

EAST_ASIAN_FONT = "宋体"  # SimSun in Word; LibreOffice substitutes Noto Serif CJK SC
LATIN_FONT = "Times New Roman"
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML_TEMPLATE = "documents/document.html"
SIGNATURE_COLUMNS = (Cm(3.4), Cm(9.2), Cm(4.4))


def when(value: datetime | None) -> str:
    return f"{timezone.localtime(value):%Y年%m月%d日 %H:%M}" if value else ""


def qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=4, border=2)
    return buffer.getvalue()


def _data_uri(data: bytes) -> str:
    kind = "jpeg" if data[:3] == b"\xff\xd8\xff" else "png"
    return f"data:image/{kind};base64,{base64.b64encode(data).decode()}"


def _html_blocks(doc: Document) -> list[dict]:
    blocks = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            blocks.append({"kind": "heading", "text": block.text})
        elif isinstance(block, Paragraph):
            blocks.append({"kind": "paragraph", "p": block})
        elif isinstance(block, Table):
            rows = [
                [
                    {
                        "text": cell if isinstance(cell, str) else cell[0],
                        "span": 1 if isinstance(cell, str) else cell[1],
                        "label": i in block.label_columns,
                    }
                    for i, cell in enumerate(row)
                ]
                for row in block.rows
            ]
            blocks.append({"kind": "table", "rows": rows})
        elif isinstance(block, Signatures):
            blocks.append(
                {
                    "kind": "signatures",
                    "s": block,
                    "signers": [
                        {
                            "signer": s,
                            "when": when(s.signed_at),
                            "image": _data_uri(s.image) if s.image else "",
                        }
                        for s in block.signers
                    ],
                    "qr": _data_uri(qr_png(block.verify_url)) if block.signed and block.verify_url else "",
                }
            )
    return blocks


def html_context(doc: Document) -> dict:
    """What `documents/_body.html` needs to show `doc` (in a page, or in `documents/document.html`)."""
    return {"doc": doc, "blocks": _html_blocks(doc)}


def document_html(doc: Document) -> str:
    """The stand-alone HTML WeasyPrint prints (the rules inlined)."""
    return render_to_string(HTML_TEMPLATE, {**html_context(doc), "document_css": document_css()})


def document_pdf(doc: Document) -> bytes:
    # imported here, not above: it costs a third of a second to every process that never prints
    from weasyprint import HTML

    return HTML(string=document_html(doc), base_url=None).write_pdf()


# Word -----------------------------------------------------------------------------------------------------


def _fonts(element) -> None:
    """Latin and East Asian fonts on a run's or a style's properties."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def _run(paragraph, text: str, *, bold: bool = False, size: float | None = None, muted: bool = False):
    run = paragraph.add_run(text)
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)
    if muted:
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    _fonts(run._element)
    return run


def _paragraph(word, block: Paragraph) -> None:
    p = word.add_paragraph()
    if block.indent:
        p.paragraph_format.first_line_indent = Pt(24)
    if block.align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif block.align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in block.runs:
        _run(p, run.text, bold=run.bold, size=9.5 if block.muted else None, muted=block.muted)


def _keep_rows_together(table) -> None:
    """No row split over a page (`w:cantSplit`), every row but the last kept with the next: the table moves to the
    next page whole when it does not fit."""
    rows = list(table.rows)
    for index, row in enumerate(rows):
        properties = row._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        properties.append(cant_split)
        if index < len(rows) - 1:
            for cell in row.cells:
                for p in cell.paragraphs:
                    p.paragraph_format.keep_with_next = True


def _cell(cell, text: str, *, bold: bool = False) -> None:
    cell.paragraphs[0].text = ""
    _run(cell.paragraphs[0], text, bold=bold)


def _table(word, block: Table) -> None:
    width = max(sum(1 if isinstance(c, str) else c[1] for c in row) for row in block.rows)
    table = word.add_table(rows=len(block.rows), cols=width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(block.rows):
        column = 0
        for i, cell in enumerate(row):
            text, span = (cell, 1) if isinstance(cell, str) else cell
            target = table.cell(r, column)
            if span > 1:
                target = target.merge(table.cell(r, column + span - 1))
            _cell(target, text, bold=i in block.label_columns)
            column += span
    _keep_rows_together(table)


def _signatures(word, block: Signatures) -> None:
    table = word.add_table(rows=len(block.signers) + 1, cols=3)
    table.style = "Table Grid"
    for i, heading in enumerate(("签署人", "签名", "签署时间")):
        _cell(table.cell(0, i), heading, bold=True)
    for r, signer in enumerate(block.signers, start=1):
        _cell(table.cell(r, 0), signer.role, bold=True)
        name_cell = table.cell(r, 1)
        _cell(name_cell, signer.name)
        if signer.image:
            name_cell.add_paragraph().add_run().add_picture(io.BytesIO(signer.image), height=Cm(1.2))
        for note in signer.notes:
            _run(name_cell.add_paragraph(), note, size=9, muted=True)
        _cell(table.cell(r, 2), when(signer.signed_at))
    for row in table.rows:  # the signer's role and the time narrow, the signature and its notes wide
        for cell, width in zip(row.cells, SIGNATURE_COLUMNS, strict=True):
            cell.width = width
    _keep_rows_together(table)
    if block.signed and block.sha256:
        p = word.add_paragraph()
        p.paragraph_format.keep_with_next = True
        _run(p, "文件哈希（SHA-256）：", size=9.5)
        _run(p, block.sha256, size=9)
        if block.verify_url:
            q = word.add_paragraph()
            _run(q, "核验地址：" + block.verify_url, size=9.5)
            word.add_paragraph().add_run().add_picture(io.BytesIO(qr_png(block.verify_url)), width=Cm(2.6))
    if block.note:
        _paragraph(word, para(block.note, indent=False, muted=True))


def _page_numbers(section) -> None:
    """ "第 N 页 共 M 页" in the footer, as Word fields (Word fills them in when it lays out the pages)."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, field in (("第 ", "PAGE"), (" 页 共 ", "NUMPAGES"), (" 页", None)):
        _run(p, text, size=9)
        if field:
            simple = OxmlElement("w:fldSimple")
            simple.set(qn("w:instr"), field)
            simple.append(_run(p, "1", size=9)._element)  # the placeholder shown until fields update
            p._p.append(simple)


def document_docx(doc: Document) -> bytes:
    word = WordDocument()
    normal = word.styles["Normal"]
    normal.font.size = Pt(11.5)
    _fonts(normal.element)
    for section in word.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.top_margin = section.bottom_margin = Cm(2.2)
        section.left_margin = section.right_margin = Cm(2.0)
        _page_numbers(section)
    title = word.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, doc.title, bold=True, size=18)
    if doc.subtitle:
        sub = word.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(sub, doc.subtitle, size=9.5, muted=True)
    if doc.addressee:
        _run(word.add_paragraph(), doc.addressee)
    for block in doc.blocks:
        if isinstance(block, Heading):
            _run(word.add_paragraph(), block.text, bold=True, size=13)
        elif isinstance(block, Paragraph):
            _paragraph(word, block)
        elif isinstance(block, Table):
            _table(word, block)
        elif isinstance(block, Signatures):
            _signatures(word, block)
    for line in doc.closing:
        p = word.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(p, line)
    word.core_properties.title = doc.title
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
