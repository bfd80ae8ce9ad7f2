"""The counsel demo: fast, idempotent, consistent, and its perfunctory lawyers are the ones the warnings catch."""

import time
from datetime import date
from io import StringIO

import pytest

from leniency.audit.trail import verify_chain
from leniency.counsel.models import (
    Allocation,
    Claim,
    CounselAssignment,
    LawyerProfile,
    ParticipationEntry,
    QualityWarning,
    Rating,
    Restriction,
)
from leniency.demo.builders import counsel as counsel_demo
from leniency.demo.generator import build_demo
from leniency.testing.shared_db import kept_for_the_module

TODAY = date(2026, 11, 20)

pytestmark = pytest.mark.django_db  # each test in its own savepoint inside the module's build


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """One build for the module's tests, which only read it (leniency/testing/shared_db.py)."""
    with kept_for_the_module(django_db_blocker):
        build_demo(seed=7, defendants=400, today=TODAY)
        started = time.perf_counter()
        summary = counsel_demo.build(seed=7, today=TODAY, stdout=StringIO())
        yield summary, time.perf_counter() - started


def test_demo_builds_quickly_and_only_once(demo):
    summary, seconds = demo
    assert summary.startswith("counsel:") and seconds < 15
    assert counsel_demo.build(seed=7, today=TODAY, stdout=StringIO()) is None
    assert verify_chain()[1] is None


def test_every_demo_lawyer_is_registered_and_every_duty_assignment_has_a_request(demo):
    lawyers = CounselAssignment.objects.values_list("lawyer", flat=True).distinct()
    assert LawyerProfile.objects.filter(user__in=lawyers).count() == len(set(lawyers))
    aided = CounselAssignment.objects.exclude(kind="retained")
    assert not aided.filter(request__isnull=True).exists()
    assert Allocation.objects.count() == aided.count()
    assert ParticipationEntry.objects.count() > aided.count()
    # nothing happens before the assignment or after the demo's today
    for entry in ParticipationEntry.objects.select_related("assignment")[:2000]:
        assert entry.assignment.assigned_at < entry.occurred_at < counsel_demo._aware(TODAY, 0)


def test_warnings_catch_every_perfunctory_lawyer_and_no_diligent_one(demo):
    perfunctory = counsel_demo.perfunctory_lawyer_ids()
    assert len(perfunctory) == len(counsel_demo.PERFUNCTORY)
    warned = set(QualityWarning.objects.values_list("lawyer_id", flat=True))
    assert warned == perfunctory
    # caught on their record, not by luck: each warning cites at least two cases, complaints or missed targets
    for warning in QualityWarning.objects.all():
        assert warning.evidence["hits"] >= 2
    kinds = set(QualityWarning.objects.values_list("kind", flat=True))
    assert {"only_at_signing", "no_meeting_before_signing", "no_opinion", "missed_response"} <= kinds


def test_demo_shows_the_warning_workflow_and_ratings_and_claims(demo):
    assert Restriction.objects.count() == 1
    warning = Restriction.objects.get().warning
    assert warning.status == QualityWarning.Status.RESTRICTED and warning.contests.count() == 1
    assert Rating.objects.filter(complaint=True).exists()
    assert set(Rating.objects.values_list("rater_kind", flat=True)) == {
        "defendant",
        "procuratorate",
        "court",
        "association",
    }
    assert Claim.objects.filter(status=Claim.Status.APPROVED).exists()
    assert Claim.objects.filter(status=Claim.Status.SUBMITTED).exists()
