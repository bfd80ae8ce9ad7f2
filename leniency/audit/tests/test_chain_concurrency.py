"""Writers of the trail at the same moment chain one after another (the chain head's row lock,
leniency/audit/trail.py): every event gets its own number and the chain verifies."""

import pytest
from django.db import transaction

from leniency.audit.models import AuditEvent
from leniency.audit.trail import record, verify_chain
from leniency.testing.concurrency import at_once

pytestmark = pytest.mark.django_db(transaction=True)


def test_writers_at_once_each_get_the_next_number_and_the_chain_holds():
    def write(i):
        with transaction.atomic():
            AuditEvent.objects.count()  # a read before the append, as a service's guards do
            return record("test.concurrent", actor=None, object_type="test", object_id=i).seq

    outcomes = at_once(write, n=4)
    assert [o.error for o in outcomes] == [None] * 4
    assert sorted(o.value for o in outcomes) == [1, 2, 3, 4]
    checked, problem = verify_chain()
    assert problem is None and checked == 4
