"""Assigning members automatically is all or none (do_auto_assign runs in one transaction)."""

import pytest

from leniency.audit.models import AuditEvent
from leniency.oversight import committee as services
from leniency.oversight.models import Petition


@pytest.fixture
def petition(committee):
    world = committee.world
    return services.do_file_petition(
        source=Petition.Source.LAWYER,
        defendant=world.defendant,
        subject="值班律师未在场即签署具结书",
        grounds="签署具结书时律师不在场，被告人不理解量刑建议。",
        acting_user=world.lawyer,
    )


def test_a_failure_on_the_second_member_leaves_no_member_assigned(committee, petition, monkeypatch):
    real = services.do_assign_member
    calls = []

    def second_fails(*args, **kwargs):
        calls.append(args[1])
        if len(calls) == 2:
            raise RuntimeError("the second assignment failed")
        return real(*args, **kwargs)

    monkeypatch.setattr(services, "do_assign_member", second_fails)
    with pytest.raises(RuntimeError, match="second assignment"):
        services.do_auto_assign(petition, acting_user=committee.world.admin, count=2)
    assert len(calls) == 2
    assert not petition.assignments.exists()
    petition.refresh_from_db()
    assert petition.status == Petition.Status.OPEN
    assert not AuditEvent.objects.filter(action="oversight.petition.assigned").exists()
