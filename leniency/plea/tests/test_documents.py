"""The 具结书 PDF carries its Chinese text (extracted back with pdftotext) and tampering is detected."""

import io
import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from leniency.plea.models import Signature

from .helpers import agreement, sign_all, sign_as


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True).stdout
    return re.sub(r"\s+", "", out.decode())


def test_agreement_pdf_renders_chinese(world, final_round, archive):
    a = agreement(world)
    text = pdf_text(Path(archive, a.file_name))
    for expected in (
        "认罪认罚具结书",
        "张某某",
        "110101199005010012",
        "盗窃罪",
        "第二百六十四条",
        "有期徒刑一年六个月，缓刑二年，并处罚金人民币5,000元",
        "速裁程序",
        "鲍律师",
        "东区人民检察院",
        "自愿签署声明",
    ):
        assert expected in text, expected


def test_plea_verify_reports_a_tampered_signed_agreement(world, final_round, archive):
    clean = sign_all(world, agreement(world))
    out = io.StringIO()
    call_command("plea", "verify", stdout=out)
    assert "1 documents verified" in out.getvalue()
    path = Path(archive, clean.file_name)
    path.write_bytes(path.read_bytes() + b"\n% edited after signing\n")
    err = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("plea", "verify", stdout=io.StringIO(), stderr=err)
    assert "1 of 1" in str(error.value)
    assert f"TAMPERED  agreement #{clean.pk}" in err.getvalue()
    assert "defendant, lawyer, prosecutor" in err.getvalue()


def test_plea_verify_reports_a_missing_agreement(world, final_round, archive):
    a = agreement(world)
    sign_as(world, a, Signature.Role.DEFENDANT)
    Path(archive, a.file_name).unlink()
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("plea", "verify", stdout=io.StringIO(), stderr=err)
    assert f"MISSING   agreement #{a.pk}" in err.getvalue()


def test_rights_notice_pdf_and_print_view_render_chinese(client, world, tmp_path):
    from django.urls import reverse

    from .helpers import notice

    n = notice(world, language="维吾尔语", interpreter="阿某某")
    client.force_login(world.lawyer)
    response = client.get(reverse("plea_notice_pdf", args=[n.pk]))
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "notice.pdf"
    path.write_bytes(response.content)
    text = pdf_text(path)
    for expected in (
        "认罪认罚从宽制度告知书",
        "张某某",
        "有权约见值班律师",
        "你签署具结书后有权反悔",
        "维吾尔语",
        "阿某某",
        "刑事诉讼法第一百七十三条第二款",
        "本人已阅读（听取）并理解",
    ):
        assert expected in text, expected
    page = client.get(reverse("plea_notice", args=[n.pk])).content.decode()
    assert "认罪认罚从宽制度告知书" in page and "data-print" in page


def test_openapi_schema_lists_the_plea_and_recordings_endpoints(client, world):
    client.force_login(world.admin)
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/plea/agreements/{agreement_id}/signatures" in paths
    assert "/api/recordings/defendants/{defendant_id}" in paths


def test_plea_verify_catches_a_rewritten_file_and_hash(world, final_round, archive):
    """Replacing the file and its hash in the database together is caught by the audit trail's copy."""
    import hashlib

    from leniency.plea.models import PleaAgreement

    a = sign_all(world, agreement(world))
    forged = Path(archive, a.file_name).read_bytes() + b"\n% forged\n"
    Path(archive, a.file_name).write_bytes(forged)
    PleaAgreement.objects.filter(pk=a.pk).update(sha256=hashlib.sha256(forged).hexdigest())
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("plea", "verify", stdout=io.StringIO(), stderr=err)
    assert f"ALTERED   agreement #{a.pk}" in err.getvalue()
