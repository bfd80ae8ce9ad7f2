"""The recommendations demo: realistic histories, deterministic, idempotent, audited in the past."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time

import pytest
from django.db import transaction
from django.utils import timezone

from leniency.audit.models import AuditEvent
from leniency.audit.trail import verify_chain
from leniency.demo.builders import recommendations as rec_demo
from leniency.demo.generator import build_demo
from leniency.recommendations.models import CourtDecision, LawyerOpinion, Review, SentencingRecommendation
from leniency.testing.shared_db import kept_for_the_module

TODAY = date(2026, 6, 30)
pytestmark = pytest.mark.django_db  # each test in its own savepoint inside the module's build


def _build():
    build_demo(seed=7, defendants=200, today=TODAY)
    return rec_demo.build(seed=7, today=TODAY, stdout=None)


def _histories():
    return list(
        SentencingRecommendation.objects.order_by(
            "defendant__case__number", "defendant__name", "round"
        ).values_list("defendant__name", "round", "status", "months", "probation")
    )


@dataclass(frozen=True)
class Demo:
    summary: str | None
    first_histories: list  # those of an earlier build with the same seed, rolled back


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Two builds for the module: one rolled back (its histories kept, to compare), and the one the tests read
    (leniency/testing/shared_db.py)."""
    with kept_for_the_module(django_db_blocker):
        with transaction.atomic():
            _build()
            first = _histories()
            transaction.set_rollback(True)
        yield Demo(_build(), first)


def test_demo_histories_are_realistic_and_audited(demo):
    summary = demo.summary
    assert summary and summary.startswith("recommendations:")
    statuses = Counter(SentencingRecommendation.objects.values_list("status", flat=True))
    assert statuses["final"] > 50
    assert statuses["superseded"] > 0, "revised rounds after objections or adjustments"
    assert Review.objects.filter(decision="return").exists()
    assert LawyerOpinion.objects.filter(position="object").exists()
    decisions = Counter(CourtDecision.objects.values_list("decision", flat=True))
    assert decisions["adopt"] > 0.8 * sum(decisions.values())
    # One final round per defendant at most, never a final round without a supervisor's approval.
    finals = Counter(
        SentencingRecommendation.objects.filter(status="final").values_list("defendant_id", flat=True)
    )
    assert max(finals.values()) == 1
    assert not SentencingRecommendation.objects.filter(status="final", approved_at__isnull=True).exists()
    # Every final round has an opinion from the defendant's lawyer, if any.
    for rec in SentencingRecommendation.objects.filter(
        status="final", defendant__counsel_assignments__isnull=False
    )[:50]:
        assert rec.opinions.exists()
    # Events: chained, in the past, one per step.
    checked, problem = verify_chain()
    assert problem is None and checked == AuditEvent.objects.count()
    events = AuditEvent.objects.filter(action__startswith="recommendations.")
    assert events.filter(action="recommendations.recommendation.finalised").count() >= statuses["final"]
    end = timezone.make_aware(datetime.combine(TODAY, time.min))
    assert not events.filter(occurred_at__gte=end).exists()


def test_second_run_adds_nothing(demo):
    before = (SentencingRecommendation.objects.count(), AuditEvent.objects.count())
    assert rec_demo.build(seed=7, today=TODAY, stdout=None) is None
    assert (SentencingRecommendation.objects.count(), AuditEvent.objects.count()) == before


def test_same_seed_same_histories(demo):
    assert demo.first_histories and _histories() == demo.first_histories


def test_each_rounds_events_are_in_order(demo):
    order = [
        "recommendations.draft.created",
        "recommendations.recommendation.submitted",
        "recommendations.review.approved",
        "recommendations.recommendation.finalised",
    ]
    for rec in SentencingRecommendation.objects.filter(status="final")[:80]:
        events = list(
            AuditEvent.objects.filter(
                object_type="recommendations.sentencingrecommendation", object_id=str(rec.pk)
            )
            .order_by("seq")
            .values_list("action", "occurred_at")
        )
        times = [t for _, t in events]
        assert times == sorted(times)
        seen = [a for a, _ in events if a in order]
        firsts = [seen.index(a) for a in order]
        assert firsts == sorted(firsts), seen
