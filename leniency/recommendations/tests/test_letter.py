import shutil
import subprocess

import pytest

from leniency.documents.pdf import render_pdf
from leniency.recommendations import services
from leniency.recommendations.letter import letter_context


def pdf_text(pdf: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is not installed (poppler-utils)")
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return "".join(out.stdout.decode("utf-8").split())  # compare without layout whitespace


def test_letter_explains_each_step_the_plea_and_withdrawal(world, flow):
    world.case.facts += "被告人张某某到案后如实供述，自愿认罪认罚。"
    world.case.save()
    rec = flow.final()
    letter = letter_context(rec)
    assert letter.charges == [("盗窃罪", "《中华人民共和国刑法》第二百六十四条")]
    headings = [s.heading for s in letter.steps]
    assert headings[0] == "确定量刑起点" and "根据量刑情节调节" in headings
    assert any("减少" in s.effect for s in letter.steps), "the plea step says what it did"
    assert any("认罪认罚让您少判约" in p for p in letter.plea)
    assert "类似" in letter.similar or "相似" in letter.similar
    assert any("第二百三十七条" in p for p in letter.withdrawal)
    assert any("同意本建议" in p for p in letter.opinions)


def test_letter_pdf_text_is_chinese(world, flow, tmp_path):
    rec = flow.final()
    pdf = render_pdf("recommendations/letter_pdf.html", {"letter": letter_context(rec)})
    text = pdf_text(pdf, tmp_path)
    for expected in (
        "认罪认罚案件量刑建议释法说理书",
        "张某某",
        "盗窃罪",
        "第二百六十四条",
        rec.term_text().replace("，", ""),
        "确定量刑起点",
        "类似案件的判罚情况",
        "如果您反悔",
        "刑事诉讼法第二百三十七条",
        "东区人民检察院",
    ):
        assert expected.replace("，", "") in text.replace("，", ""), expected


def test_letter_mentions_the_deviation_reason(world, flow):
    rec = flow.draft()
    far = rec.engine_months * 3 + 6
    rec = services.do_update_draft(
        rec,
        acting_user=world.prosecutor,
        version=rec.version,
        values={"principal_penalty": "fixed_term", "months": far, "probation": False},
        deviation_reason="系多次盗窃的惯犯",
    )
    rec = services.do_submit(rec, acting_user=world.prosecutor)
    services.do_review(rec, acting_user=world.supervisor, decision="approve")
    rec.refresh_from_db()
    services.do_give_opinion(rec, acting_user=world.lawyer, position="object", reasons="量刑过重")
    rec = services.do_finalise(rec, acting_user=world.prosecutor, lawyer_reply="多次盗窃，不予采纳")
    letter = letter_context(rec)
    assert "系多次盗窃的惯犯" in letter.deviation
    assert any("量刑过重" in p for p in letter.opinions) and any("不予采纳" in p for p in letter.opinions)
