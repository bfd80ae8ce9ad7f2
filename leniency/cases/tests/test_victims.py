"""Victims: registered on a case, heard before a recommendation is finalised (CPL art. 173), their agreements
recorded with a scanned copy and read by the calculation as facts of the record; contact details encrypted."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.db import connection

from leniency.audit.models import AuditEvent, PersonalDataAccess
from leniency.cases import victims as v
from leniency.cases.access import can_see_victim_contact
from leniency.cases.models import Settlement, Victim, VictimOpinion
from leniency.errors import DomainError, Forbidden

TODAY = date(2026, 11, 1)
PDF = b"%PDF-1.4\n%scan\n" + b"0" * 100 + b"\n%%EOF\n"


@pytest.fixture
def victim(world):
    return v.do_add_victim(
        world.case,
        name="王某",
        defendants=[world.defendant],
        phone="13800138000",
        address="测试市东区幸福路8号",
        id_number="110101199005010020",
        acting_user=world.prosecutor,
    )


def _approved(world):
    from leniency.recommendations import services

    rec = services.do_create_draft(world.defendant, acting_user=world.prosecutor)
    rec = services.do_submit(rec, acting_user=world.prosecutor)
    services.do_review(rec, acting_user=world.supervisor, decision="approve", comments="同意")
    rec.refresh_from_db()
    services.do_give_opinion(rec, acting_user=world.lawyer, position="agree")
    return rec


def test_contact_details_are_encrypted_at_rest(world, victim):
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone, address, id_number FROM cases_victim WHERE id = %s", [victim.pk])
        raw = cursor.fetchone()
    assert all(value.startswith("enc1:") for value in raw)
    assert "13800138000" not in raw[0] and "幸福路" not in raw[1] and "110101" not in raw[2]
    assert Victim.objects.get(pk=victim.pk).phone == "13800138000"


def test_masks_and_who_sees_the_full_contact(world, victim):
    assert victim.phone_masked == "138******00"
    assert victim.address_masked == "测试市****"
    assert victim.id_number_masked == "1101************20"
    assert can_see_victim_contact(world.prosecutor, world.case)
    assert not can_see_victim_contact(world.judge, world.case)  # no court's case before 提起公诉
    world.to_trial()
    assert can_see_victim_contact(world.judge, world.case)
    for user in (world.lawyer, world.auditor, world.admin, world.case_manager, world.outsider_prosecutor):
        assert not can_see_victim_contact(user, world.case), user


def test_a_lawyer_sees_only_the_victims_of_their_client(world, victim):
    other = v.do_add_victim(
        world.case, name="赵某", defendants=[world.co_defendant], acting_user=world.prosecutor
    )
    assert list(v.visible_victims(world.lawyer)) == [victim]
    assert set(v.visible_victims(world.prosecutor)) == {victim, other}
    assert not v.visible_victims(world.outsider_prosecutor).exists()


def test_reading_the_contact_is_logged_under_the_victims_defendant(world, victim):
    v.log_contact_read(world.prosecutor, victim, via="page", path="/x/")
    row = PersonalDataAccess.objects.get(user=world.prosecutor)
    assert row.defendant == world.defendant and row.fields == f"victim#{victim.pk}:id_number,phone,address"


def test_adding_a_victim_is_audited_without_personal_data(world, victim):
    event = AuditEvent.objects.get(action="case.victim.added")
    assert event.case_id == world.case.pk and event.data == {
        "victim": victim.pk,
        "defendants": [world.defendant.pk],
    }
    assert "13800138000" not in str(event.data)


def test_only_the_procuratorate_adds_victims(world):
    for user in (world.lawyer, world.judge, world.outsider_prosecutor, world.auditor):
        with pytest.raises(Forbidden, match="第173条"):
            v.do_add_victim(world.case, name="王某", defendants=[world.defendant], acting_user=user)


def test_a_victim_needs_a_defendant_of_the_case_and_a_valid_id(world):
    with pytest.raises(DomainError) as error:
        v.do_add_victim(world.case, name="王某", defendants=[], acting_user=world.prosecutor)
    assert error.value.field == "defendants"
    with pytest.raises(DomainError) as error:
        v.do_add_victim(
            world.case,
            name="王某",
            defendants=[world.defendant],
            id_number="110101199005010021",
            acting_user=world.prosecutor,
        )
    assert error.value.field == "id_number"


def test_finalising_without_the_victims_opinion_is_refused_citing_art_173(world, victim):
    from leniency.recommendations import services

    rec = _approved(world)
    with pytest.raises(DomainError, match="须先听取被害人王某.*刑事诉讼法第173条") as error:
        services.do_finalise(rec, acting_user=world.prosecutor)
    assert error.value.field == "victims"
    rec.refresh_from_db()
    assert rec.status == "approved"


def test_finalising_is_allowed_once_the_victim_is_heard(world, victim):
    from leniency.recommendations import services

    rec = _approved(world)
    opinion = v.do_record_victim_opinion(
        victim,
        defendant=world.defendant,
        position="agree",
        method="in_person",
        heard_on=date(2026, 9, 10),
        text="同意从宽",
        acting_user=world.prosecutor,
    )
    assert AuditEvent.objects.filter(action="case.victim.heard", object_id=str(opinion.pk)).exists()
    assert services.do_finalise(rec, acting_user=world.prosecutor).status == "final"


def test_finalising_is_allowed_with_the_reason_the_victim_could_not_be_heard(world, victim):
    from leniency.recommendations import services

    rec = _approved(world)
    with pytest.raises(DomainError) as error:
        v.do_record_victim_unreachable(
            victim,
            defendant=world.defendant,
            reason=" ",
            as_of=date(2026, 9, 10),
            acting_user=world.prosecutor,
        )
    assert error.value.field == "text"
    v.do_record_victim_unreachable(
        victim,
        defendant=world.defendant,
        reason="三次电话无人接听，户籍地查无此人",
        as_of=date(2026, 9, 10),
        acting_user=world.prosecutor,
    )
    assert AuditEvent.objects.filter(action="case.victim.unreachable").count() == 1
    assert services.do_finalise(rec, acting_user=world.prosecutor).status == "final"


def test_the_victim_of_another_defendant_does_not_hold_up_this_one(world):
    v.do_add_victim(world.case, name="赵某", defendants=[world.co_defendant], acting_user=world.prosecutor)
    assert v.finalise_blockers(world.defendant) == []
    assert len(v.finalise_blockers(world.co_defendant)) == 1


def test_an_opinion_is_the_procuratorates_and_about_a_defendant_who_harmed_the_victim(world, victim):
    kw = dict(position="agree", method="phone", heard_on=date(2026, 9, 10))
    with pytest.raises(Forbidden, match="第173条"):
        v.do_record_victim_opinion(victim, defendant=world.defendant, acting_user=world.judge, **kw)
    with pytest.raises(DomainError) as error:
        v.do_record_victim_opinion(victim, defendant=world.co_defendant, acting_user=world.prosecutor, **kw)
    assert error.value.field == "defendant"
    with pytest.raises(DomainError) as error:
        v.do_record_victim_opinion(
            victim, defendant=world.defendant, acting_user=world.prosecutor, **{**kw, "position": "object"}
        )
    assert error.value.field == "text"


def test_a_forgiveness_with_its_scan_is_hashed_and_stored(world, victim, settings, tmp_path):
    import hashlib

    from leniency.documents.archive import read_stored

    settings.MEDIA_ROOT = tmp_path
    s = v.do_record_settlement(
        victim,
        defendant=world.defendant,
        kind="forgiveness",
        signed_on=date(2026, 9, 12),
        fileobj=BytesIO(PDF),
        original_name="谅解书.pdf",
        acting_user=world.prosecutor,
    )
    assert s.media_type == "application/pdf" and s.sha256 == hashlib.sha256(PDF).hexdigest()
    assert read_stored(s.file_name) == PDF
    assert AuditEvent.objects.get(action="case.settlement.forgiveness").data["sha256"] == s.sha256


def test_a_scan_that_is_not_a_document_is_refused(world, victim, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(DomainError, match="PDF、JPEG、PNG 或 TIFF") as error:
        v.do_record_settlement(
            victim,
            defendant=world.defendant,
            kind="forgiveness",
            signed_on=date(2026, 9, 12),
            fileobj=BytesIO(b"MZ\x90\x00 not a scan"),
            original_name="谅解书.pdf",
            acting_user=world.prosecutor,
        )
    assert error.value.field == "document"
    assert not Settlement.objects.exists()


def test_compensation_needs_its_sum_and_cannot_be_overpaid(world, victim):
    kw = dict(
        defendant=world.defendant,
        kind="compensation",
        signed_on=date(2026, 9, 12),
        acting_user=world.prosecutor,
    )
    with pytest.raises(DomainError) as error:
        v.do_record_settlement(victim, **kw)
    assert error.value.field == "amount"
    with pytest.raises(DomainError) as error:
        v.do_record_settlement(victim, amount=Decimal(100), amount_paid=Decimal(200), **kw)
    assert error.value.field == "amount_paid"


def test_the_lawyer_cannot_record_an_agreement(world, victim):
    with pytest.raises(Forbidden, match="第288条"):
        v.do_record_settlement(
            victim,
            defendant=world.defendant,
            kind="forgiveness",
            signed_on=date(2026, 9, 12),
            acting_user=world.lawyer,
        )


def test_settlement_facts_give_the_engine_what_the_record_holds(world, victim):
    assert [(f.key, f.value) for f in v.settlement_facts(world.defendant)] == [("victims", 1)]
    v.do_record_settlement(
        victim,
        defendant=world.defendant,
        kind="compensation",
        signed_on=date(2026, 9, 12),
        amount=Decimal("6000"),
        amount_paid=Decimal("2000"),
        acting_user=world.prosecutor,
    )
    world.to_trial()  # the trial judge records the forgiveness the victim gives before the court
    forgiveness = v.do_record_settlement(
        victim,
        defendant=world.defendant,
        kind="forgiveness",
        signed_on=date(2026, 9, 13),
        acting_user=world.judge,
    )
    facts = {f.key: f for f in v.settlement_facts(world.defendant)}
    assert facts["compensation"].value is True and "部分赔偿 2000" in facts["compensation"].note
    assert facts["compensation"].recorded_on == date(2026, 9, 12)
    assert facts["forgiveness"].source == f"settlement:{forgiveness.pk}"
    assert facts["forgiveness"].recorded_on == date(2026, 9, 13)
    assert "reconciliation" not in facts
    assert v.settlement_facts(world.co_defendant) == []


def test_an_agreed_compensation_not_yet_paid_is_not_compensation(world, victim):
    v.do_record_settlement(
        victim,
        defendant=world.defendant,
        kind="compensation",
        signed_on=date(2026, 9, 12),
        amount=Decimal("6000"),
        acting_user=world.prosecutor,
    )
    assert "compensation" not in {f.key for f in v.settlement_facts(world.defendant)}


def test_victims_registered_at_intake(world):
    from leniency.cases.services import do_register_transfer

    case = do_register_transfer(
        title="钱某故意伤害案",
        region=world.region,
        procuratorate=world.procuratorate,
        received_on=date(2026, 10, 1),
        acting_user=world.case_manager,
        defendants=[
            {"name": "钱某", "gender": "M", "birth_date": date(1990, 5, 1), "charges": [world.theft]},
            {"name": "孙某", "gender": "M", "birth_date": date(1990, 5, 1), "charges": [world.theft]},
        ],
        victims=[{"name": "周某", "phone": "13900000000", "defendants": [1]}],
    )
    victim = case.victims.get()
    assert victim.name == "周某" and [d.name for d in victim.defendants.all()] == ["孙某"]
    assert VictimOpinion.objects.count() == 0


def test_the_victim_count_is_given_only_for_a_single_charge(world, victim):
    from leniency.cases.models import Charge, DefendantCharge

    assert [f.value for f in v.settlement_facts(world.defendant) if f.key == "victims"] == [1]
    injury = Charge.objects.create(name="故意伤害", article=234, article_label="第二百三十四条")
    DefendantCharge.objects.create(defendant=world.defendant, charge=injury, principal=False)
    assert "victims" not in {f.key for f in v.settlement_facts(world.defendant)}


def test_the_calculation_takes_the_forgiveness_as_recorded_on_its_date(world, victim):
    from leniency.recommendations import services
    from leniency.recommendations.confirmed import current_facts
    from leniency.recommendations.record_facts import engine_facts

    v.do_record_settlement(
        victim,
        defendant=world.defendant,
        kind="forgiveness",
        signed_on=date(2026, 9, 13),
        acting_user=world.prosecutor,
    )
    given = {g.key: g for g in engine_facts(world.defendant)}
    assert given["forgiveness"].value is True and given["forgiveness"].source == "record"
    assert given["forgiveness"].note == "谅解书 2026-09-13"
    assert "compensation" not in given  # nothing paid: the text is not overridden by a guess
    rec = services.do_create_draft(world.defendant, acting_user=world.prosecutor)
    facts = {f.key: f for f in current_facts(rec)}
    assert facts["forgiveness"].source == "record" and "2026-09-13" in facts["forgiveness"].note
    assert facts["victims"].value == 1 and facts["victims"].source == "record"
