"""不起诉: its kinds and their conditions (CPL arts. 16, 175 ¶4, 177, 282–283), who decides, the closed
defendant, and the 不起诉决定书 as PDF and Word, masked per reader, its downloads audited."""

from datetime import date

import pytest

from leniency.audit.models import AuditEvent
from leniency.cases import nonprosecution, services
from leniency.cases.models import NonProsecution
from leniency.cases.stages import Stage
from leniency.errors import DomainError, Forbidden

from .test_intake import VALID_ID, _transfer


@pytest.mark.django_db
def test_a_discretionary_decision_closes_the_defendant_and_is_audited(world):
    case = _transfer(world, received_on=date(2026, 9, 1))
    d = case.defendants.get()
    for user in (world.case_manager, world.judge, world.outsider_prosecutor):
        with pytest.raises(Forbidden, match="刑事诉讼法第177条"):
            nonprosecution.do_decide_non_prosecution(
                d, kind="discretionary", reasons="情节轻微", acting_user=user
            )
    with pytest.raises(DomainError, match="刑事诉讼法第177条") as error:
        nonprosecution.do_decide_non_prosecution(
            d, kind="discretionary", reasons=" ", acting_user=world.prosecutor
        )
    assert error.value.field == "reasons"
    nonprosecution.do_decide_non_prosecution(
        d,
        kind="discretionary",
        reasons="犯罪情节轻微，积极退赃。",
        decided_on=date(2026, 9, 20),
        acting_user=world.prosecutor,
    )
    d.refresh_from_db()
    assert (d.stage, d.stage_since) == (Stage.NON_PROSECUTION, date(2026, 9, 20))
    assert AuditEvent.objects.filter(action="defendant.non_prosecution", case_id=case.pk).exists()
    with pytest.raises(DomainError, match="只能对审查起诉阶段"):
        nonprosecution.do_decide_non_prosecution(
            d, kind="discretionary", reasons="再次", acting_user=world.prosecutor
        )


@pytest.mark.django_db
def test_a_statutory_decision_names_its_article_16_ground(world):
    d = _transfer(world).defendants.get()
    with pytest.raises(DomainError, match="第16条") as error:
        nonprosecution.do_decide_non_prosecution(
            d, kind="statutory", reasons="已过时效", acting_user=world.prosecutor
        )
    assert error.value.field == "ground"
    decision = nonprosecution.do_decide_non_prosecution(
        d, kind="statutory", ground="limitation", reasons="已过追诉时效。", acting_user=world.prosecutor
    )
    assert decision.ground == "limitation"


@pytest.mark.django_db
def test_a_decision_for_want_of_evidence_needs_a_supplementary_investigation_first(world):
    case = _transfer(world, received_on=date(2026, 9, 1))
    d = case.defendants.get()
    with pytest.raises(DomainError, match="刑事诉讼法第175条第4款"):
        nonprosecution.do_decide_non_prosecution(
            d, kind="doubt", reasons="证据不足", acting_user=world.prosecutor
        )
    services.do_change_stage(d, to=Stage.INVESTIGATION, as_of=date(2026, 9, 10), acting_user=world.prosecutor)
    services.do_change_stage(
        d, to=Stage.PROSECUTION_REVIEW, as_of=date(2026, 10, 10), acting_user=world.prosecutor
    )
    nonprosecution.do_decide_non_prosecution(
        d,
        kind="doubt",
        reasons="经补充侦查，证据仍然不足。",
        decided_on=date(2026, 10, 20),
        acting_user=world.prosecutor,
    )


@pytest.mark.django_db
def test_a_conditional_decision_is_for_a_minor_with_a_test_period_of_six_to_twelve_months(world):
    adult = _transfer(world).defendants.get()
    with pytest.raises(DomainError, match="刑事诉讼法第282条"):
        nonprosecution.do_decide_non_prosecution(
            adult, kind="conditional", reasons="初犯", test_months=6, acting_user=world.prosecutor
        )
    minor = _transfer(world, name="小王", id_number="", birth_date=date(2010, 3, 1)).defendants.get()
    with pytest.raises(DomainError, match="刑事诉讼法第283条") as error:
        nonprosecution.do_decide_non_prosecution(
            minor, kind="conditional", reasons="初犯", test_months=13, acting_user=world.prosecutor
        )
    assert error.value.field == "test_months"
    decision = nonprosecution.do_decide_non_prosecution(
        minor,
        kind="conditional",
        reasons="初犯、偶犯，悔罪表现明显。",
        test_months=8,
        acting_user=world.prosecutor,
    )
    assert decision.test_months == 8


@pytest.mark.django_db
def test_the_decision_through_the_page_and_its_document_masked_per_reader(client, world):
    case = _transfer(world, received_on=date(2026, 9, 1))
    d = case.defendants.get()
    url = f"/cases/{case.pk}/defendants/{d.pk}/non-prosecution/"
    client.force_login(world.case_manager)
    assert client.get(url).status_code == 403
    client.force_login(world.prosecutor)
    assert url in client.get(f"/cases/{case.pk}/").content.decode()
    bad = client.post(url, {"kind": "statutory", "reasons": "x", "decided_on": "2026-09-20"})
    assert bad.status_code == 400 and "第16条" in bad.context["form"].errors["ground"][0]
    ok = client.post(
        url, {"kind": "discretionary", "reasons": "犯罪情节轻微，积极退赃。", "decided_on": "2026-09-20"}
    )
    assert ok.status_code == 302
    decision = NonProsecution.objects.get(defendant=d)
    page = client.get(url).content.decode()
    assert "酌定不起诉" in page and f"/non-prosecution/{decision.pk}/pdf/" in page
    # The document: the prosecutor sees the full ID number, the case management a masked one.
    full = nonprosecution.non_prosecution_document(decision, show_identity=True).text()
    masked = nonprosecution.non_prosecution_document(decision, show_identity=False).text()
    assert VALID_ID in full and VALID_ID not in masked and d.id_number_masked in masked
    assert "第一百七十七条第二款" in full and "犯罪情节轻微，积极退赃。" in full
    docx = client.get(f"/cases/{case.pk}/non-prosecution/{decision.pk}/docx/")
    assert docx.status_code == 200 and docx["Content-Disposition"].endswith('.docx"')
    event = AuditEvent.objects.filter(action="documents.downloaded", case_id=case.pk).latest("pk")
    assert (event.data["document"], event.data["format"], event.data["fields"]) == (
        "不起诉决定书",
        "docx",
        "id_number",
    )
    pdf = client.get(f"/cases/{case.pk}/non-prosecution/{decision.pk}/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
