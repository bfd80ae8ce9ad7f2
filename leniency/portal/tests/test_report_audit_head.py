"""The periodic report prints the audit trail's signed head (issue 20 item 1): an outside reader keeps it and
later checks the trail against it with `leniency audit verify --head`."""

import json
import subprocess

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from leniency.audit.checkpoints import parse
from leniency.audit.models import AuditEvent
from leniency.audit.trail import record
from leniency.portal.models import TransparencyReport


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_the_report_prints_the_head_a_reader_can_check_the_trail_against(small_world, tmp_path):
    last = AuditEvent.objects.order_by("-seq").first()
    out = tmp_path / "out"
    call_command("report", period="2026-Q3", out=str(out))

    html = (out / "report.html").read_text(encoding="utf-8")
    assert "审计记录检查点" in html
    assert f"<td>{last.seq}</td>" in html and f"<code>{last.hash}</code>" in html
    pdf = "".join(_pdf_text(out / "report.pdf").split())  # a long hash may wrap in the PDF
    assert "审计记录检查点" in pdf and last.hash in pdf
    kept = TransparencyReport.objects.get()
    event = AuditEvent.objects.get(action="portal.report.generated", object_id=str(kept.pk))
    head = parse(event.data["audit_head"])
    assert (head.seq, head.hash) == (last.seq, last.hash) and head.seal_is_valid()
    assert head.key_id in html and head.seal in html and head.at in html

    # What the reader kept detects the deletion of the events it covers.
    (tmp_path / "kept.json").write_text(json.dumps(head.as_dict()))
    call_command("audit", "verify", "--head", str(tmp_path / "kept.json"))
    record("test.after.report", actor=None, object_type="t", object_id=1)
    AuditEvent.objects.filter(seq__gte=last.seq).delete()
    with pytest.raises(CommandError, match=rf"#{last.seq}"):
        call_command("audit", "verify", "--head", str(tmp_path / "kept.json"))
