import pytest
from django.utils import timezone

from leniency.audit.models import AuditEvent
from leniency.cases.nonprosecution import do_decide_non_prosecution
from leniency.cases.services import do_set_procedure
from leniency.cases.stages import Procedure
from leniency.errors import DomainError
from leniency.plea.models import PleaAgreement, Signature, Withdrawal
from leniency.plea.review import adoption_blockers
from leniency.plea.taxonomy import Consequence, WithdrawalReason, WithdrawalStage, grouped_reason_choices
from leniency.plea.withdrawals import do_record_withdrawal

from .helpers import agreement, final_recommendation, first_instance_judgment, sign_all


def _withdraw(world, user=None, **extra):
    values = {
        "initiated_by": "defendant",
        "reasons": [WithdrawalReason.TOO_HEAVY],
        "occurred_at": timezone.now(),
    }
    return do_record_withdrawal(world.defendant, acting_user=user or world.prosecutor, **(values | extra))


def test_taxonomy_has_the_four_sides():
    groups = dict(grouped_reason_choices())
    assert [len(v) for v in groups.values()] == [4, 5, 1, 1]


def test_withdrawal_before_prosecution_lapses_agreement_and_keeps_everything(world, final_round):
    a = sign_all(world, agreement(world))
    w = _withdraw(world, reasons=[WithdrawalReason.TOO_HEAVY, WithdrawalReason.PRESSURE])
    a.refresh_from_db()
    assert w.stage == WithdrawalStage.BEFORE_PROSECUTION and w.agreement == a
    assert a.status == PleaAgreement.Status.LAPSED and "反悔" in a.end_reason
    assert set(a.signatures.values_list("status", flat=True)) == {Signature.Status.LAPSED}
    assert a.signatures.count() == 3  # nothing deleted
    assert Consequence.AGREEMENT_LAPSED in w.consequences and Consequence.FULL_REVIEW in w.consequences
    event = AuditEvent.objects.get(action="plea.withdrawn")
    assert event.data["reasons"] == ["proc_too_heavy", "def_pressure"] and event.data["agreement"] == a.pk
    assert AuditEvent.objects.filter(action="plea.agreement.lapsed", object_id=str(a.pk)).exists()
    assert any("反悔" in b for b in adoption_blockers(world.defendant))


def test_withdrawal_at_trial_switches_procedure_when_the_judge_records_it(world, final_round):
    sign_all(world, agreement(world))
    world.to_trial()
    do_set_procedure(world.defendant, procedure=Procedure.EXPEDITED, acting_user=world.judge)
    w = _withdraw(
        world,
        user=world.judge,
        procedure_to=Procedure.ORDINARY,
        reasons=[WithdrawalReason.OTHER],
        other_reason="称作案时不在场",
    )
    world.defendant.refresh_from_db()
    assert w.stage == WithdrawalStage.AT_TRIAL and world.defendant.procedure == Procedure.ORDINARY
    assert (
        Consequence.PROCEDURE_SWITCHED in w.consequences and Consequence.PLEA_SCHEME_STOPPED in w.consequences
    )
    assert w.reason_labels()[-1] == "称作案时不在场"


def test_other_reason_needs_text_and_reasons_are_from_the_taxonomy(world):
    with pytest.raises(DomainError) as error:
        _withdraw(world, reasons=[WithdrawalReason.OTHER])
    assert error.value.field == "other_reason"
    with pytest.raises(DomainError):
        _withdraw(world, reasons=["bribed"])
    with pytest.raises(DomainError):
        _withdraw(world, reasons=[])


def test_protest_only_after_judgment_and_only_by_the_procuratorate(world, final_round):
    with pytest.raises(DomainError):
        _withdraw(world, protest=True)
    world.to_trial()
    first_instance_judgment(world)
    with pytest.raises(DomainError):
        _withdraw(world, user=world.judge, protest=True)
    w = _withdraw(
        world, protest=True, protest_note="仅以量刑过重上诉", reasons=[WithdrawalReason.TECHNICAL_APPEAL]
    )
    assert w.stage == WithdrawalStage.AFTER_JUDGMENT
    assert Consequence.PROTEST in w.consequences and Consequence.APPEAL_HEARD in w.consequences


def test_after_non_prosecution_the_decision_must_be_revisited(world):
    do_decide_non_prosecution(
        world.defendant,
        kind="discretionary",
        reasons="犯罪情节轻微，不需要判处刑罚。",
        acting_user=world.prosecutor,
    )
    with pytest.raises(DomainError) as error:
        _withdraw(world)
    assert error.value.field == "non_prosecution_decision"
    w = _withdraw(world, non_prosecution_decision=Withdrawal.NonProsecutionDecision.REVOKE)
    assert Consequence.NON_PROSECUTION_REVISITED in w.consequences


def test_a_second_withdrawal_needs_a_new_plea_first(world, final_round):
    sign_all(world, agreement(world))
    _withdraw(world)
    with pytest.raises(DomainError):
        _withdraw(world)
    # The withdrawal lapsed the final round: pleading again needs a new one, then the 具结书's version 2.
    final_recommendation(world, change_basis="被告人反悔后重新表示认罪认罚")
    sign_all(world, agreement(world))
    assert not any("反悔" in b for b in adoption_blockers(world.defendant))
    assert _withdraw(world).agreement.version == 2
