import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from leniency.audit.models import AppendOnlyError, AuditEvent
from leniency.audit.trail import record, verify_chain


def _events(n, actor=None):
    return [
        record(f"test.event.{i}", actor=actor, object_type="test", object_id=i, data={"i": i})
        for i in range(n)
    ]


@pytest.mark.django_db
def test_each_event_chains_to_the_previous_hash():
    events = _events(3)
    assert [e.seq for e in events] == [1, 2, 3]
    assert events[1].prev_hash == events[0].hash and events[2].prev_hash == events[1].hash
    assert verify_chain() == (3, None)


@pytest.mark.django_db
def test_verify_command_passes_on_an_intact_chain(capsys):
    _events(5)
    call_command("audit", "verify")
    assert "5 events verified" in capsys.readouterr().out


@pytest.mark.django_db
def test_altered_event_is_named_by_verify():
    _events(5)
    AuditEvent.objects.filter(seq=3).update(data={"i": 999})
    with pytest.raises(CommandError, match=r"event #3 \(test.event.2\).*altered"):
        call_command("audit", "verify")


@pytest.mark.django_db
def test_removed_event_is_named_by_verify():
    _events(5)
    AuditEvent.objects.filter(seq=2).delete()
    checked, problem = verify_chain()
    assert checked == 1 and problem.kind == "missing_before" and problem.seq == 3
    assert "#2–#2 are missing" in problem.message


@pytest.mark.django_db
def test_inserted_event_is_named_by_verify():
    events = _events(3)
    forged = AuditEvent(
        seq=4,
        actor_label="intruder",
        action="plea.agreement.signed",
        object_type="x",
        object_id="1",
        data={},
        occurred_at=events[-1].occurred_at,
        prev_hash="f" * 64,
    )
    forged.hash = forged.compute_hash()
    forged.save(force_insert=True)
    checked, problem = verify_chain()
    assert (checked, problem.seq, problem.kind) == (3, 4, "unkeyed")


@pytest.mark.django_db
def test_rehashed_alteration_breaks_the_next_link():
    _events(4)
    event = AuditEvent.objects.get(seq=2)
    event.data = {"i": "changed"}
    AuditEvent.objects.filter(seq=2).update(data=event.data, hash=event.compute_hash())
    _, problem = verify_chain()
    assert (problem.seq, problem.kind) == (3, "broken_link")


@pytest.mark.django_db
def test_events_cannot_be_changed_or_deleted_through_the_model():
    event = _events(1)[0]
    event.action = "other"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


@pytest.mark.django_db
def test_hash_survives_storage_round_trip_with_decimals_and_dates():
    from datetime import date
    from decimal import Decimal

    record(
        "test.types",
        actor=None,
        object_type="t",
        object_id=1,
        data={"amount": Decimal("12.50"), "on": date(2026, 1, 2)},
    )
    assert verify_chain() == (1, None)
