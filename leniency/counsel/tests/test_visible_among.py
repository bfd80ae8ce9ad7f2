"""`access.visible_among` (the case page's counsel panel) decides from the rows what `visible_assignments` decides
with a query, or says it cannot (None) where the rule reads the region."""

import pytest
from django.contrib.auth.models import AnonymousUser

from leniency.cases.access import visible_defendants
from leniency.counsel.access import visible_among, visible_assignments
from leniency.counsel.models import CounselAssignment
from leniency.counsel.services import do_assign_counsel

PERSONAS = [
    "prosecutor",
    "supervisor",
    "judge",
    "lawyer",
    "unassigned_lawyer",
    "outsider_prosecutor",
    "outsider_judge",
    "auditor",
    "admin",
    "aid_officer",
]


@pytest.mark.parametrize("persona", PERSONAS)
def test_visible_among_agrees_with_visible_assignments(world, persona):
    world.to_trial()  # the court's judge sees the case once it is filed before them
    do_assign_counsel(
        world.co_defendant,
        lawyer=world.unassigned_lawyer,
        kind=CounselAssignment.Kind.DUTY,
        acting_user=world.prosecutor,
    )
    user = getattr(world, persona)
    rows = list(CounselAssignment.objects.filter(defendant__case=world.case))
    assert len(rows) >= 2
    seen = set(visible_defendants(user).filter(case=world.case).values_list("pk", flat=True))
    decided = visible_among(user, rows, seen)
    queried = set(visible_assignments(user).filter(pk__in=[a.pk for a in rows]).values_list("pk", flat=True))
    if decided is None:  # the region's rule: the panel asks the database
        assert persona == "aid_officer"
    else:
        assert decided == queried


def test_visible_among_shows_nothing_to_the_public(world):
    rows = list(CounselAssignment.objects.filter(defendant__case=world.case))
    assert visible_among(AnonymousUser(), rows, {world.defendant.pk}) == set()
