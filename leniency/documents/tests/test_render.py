"""One `Document` into HTML (for WeasyPrint) and Word: text is escaped, tables keep their spans, every Word run
carries the East Asian font, and nothing of a signature (hash, QR code) is printed before anyone signs."""

import io

from django.utils import timezone
from docx import Document as WordDocument
from docx.oxml.ns import qn

from leniency.documents.model import Document, Heading, Signatures, Signer, Table, bold, para
from leniency.documents.render import document_docx, document_html

HASH = "0123456789abcdef" * 4


def _doc(*, signed: bool) -> Document:
    signer = Signer("检察官", name="艾检察官", signed_at=timezone.now()) if signed else Signer("检察官")
    return Document(
        title="测试文书",
        subtitle="某院 · 第1版",
        addressee="张某：",
        blocks=(
            Heading("一、说明"),
            para("正文<script>alert(1)</script>", bold("加粗")),
            Table((("标签", "值", "标签二", "值二"), ("合并", ("跨三列", 3))), label_columns=(0, 2)),
            Signatures((signer,), sha256=HASH, verify_url="https://example.org/v/1/"),
        ),
        closing=("某院", "2026年12月05日"),
    )


def test_html_escapes_text_and_keeps_spans():
    html = document_html(_doc(signed=False))
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert '<td colspan="3">跨三列</td>' in html and "<strong>加粗</strong>" in html


def test_nothing_of_a_signature_is_printed_before_anyone_signs():
    unsigned, signed = document_html(_doc(signed=False)), document_html(_doc(signed=True))
    assert HASH not in unsigned and "data:image/png" not in unsigned
    assert HASH in signed and "data:image/png;base64," in signed and "https://example.org/v/1/" in signed


def test_word_has_the_words_the_east_asian_font_on_every_run_and_the_merged_cell():
    word = WordDocument(io.BytesIO(document_docx(_doc(signed=True))))
    runs = [r for p in word.paragraphs for r in p.runs]
    runs += [
        r for t in word.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs
    ]
    assert {r._element.rPr.rFonts.get(qn("w:eastAsia")) for r in runs if r.text} == {"宋体"}
    styles = word.styles["Normal"].element.rPr.rFonts
    assert styles.get(qn("w:eastAsia")) == "宋体"
    text = "".join(p.text for p in word.paragraphs)
    assert "正文<script>alert(1)</script>加粗" in text and HASH in text and "张某：" in text
    table = word.tables[0]
    assert table.cell(1, 1).text == table.cell(1, 3).text == "跨三列"  # one merged cell over three columns
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for t in word.tables for row in t.rows)
    footer = word.sections[0].footer.paragraphs[0]
    fields = [f.get(qn("w:instr")) for f in footer._p.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"] and footer.text == "第  页 共  页"  # python-docx skips field runs
