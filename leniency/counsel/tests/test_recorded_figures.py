"""The lawyer's figures count what the app itself holds — the defendant's 具结书 signature and the lawyer's opinion
on a recommendation — beside what the lawyer logged, in whatever order they came (issue 17 item 6)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from leniency.counsel.models import Service
from leniency.counsel.participation import do_log_participation, figures_by_assignment, figures_for
from leniency.plea.tests.helpers import agreement, sign_all
from leniency.recommendations import services as recs
from leniency.recommendations.templatetags.recommendation_tags import rounds_of


def _assignment(world):
    return world.defendant.counsel_assignments.get(ended_at__isnull=True)


def _assigned_hours_ago(world, hours=3):
    assignment = _assignment(world)
    type(assignment).objects.filter(pk=assignment.pk).update(
        assigned_at=timezone.now() - timedelta(hours=hours)
    )
    return timezone.now() - timedelta(hours=hours)


def _meeting(world, at):
    do_log_participation(
        _assignment(world),
        service=Service.MEETING,
        occurred_at=at,
        minutes=5,
        acting_user=world.lawyer,
        as_of=at + timedelta(hours=1),
    )


def _final_with_opinion(world, at):
    rec = recs.do_create_draft(world.defendant, acting_user=world.prosecutor, now=at)
    rec = recs.do_submit(rec, acting_user=world.prosecutor, now=at)
    recs.do_review(rec, acting_user=world.supervisor, decision="approve", comments="同意", now=at)
    rec.refresh_from_db()
    recs.do_give_opinion(rec, acting_user=world.lawyer, position="agree", now=at)
    return recs.do_finalise(rec, acting_user=world.prosecutor, now=at)


def test_meetings_count_before_any_signing(world):
    start = _assigned_hours_ago(world)
    _meeting(world, start + timedelta(minutes=10))
    _meeting(world, start + timedelta(minutes=50))
    figures = figures_for(_assignment(world))
    # Before, "签署前会见 0 次" until the lawyer logged a signing entry.
    assert figures.meetings_before_signing == 2 and not figures.signed


def test_the_apps_signature_and_opinion_count_without_a_logged_entry(world):
    start = _assigned_hours_ago(world)
    _meeting(world, start + timedelta(minutes=10))
    _meeting(world, start + timedelta(minutes=20))
    _final_with_opinion(world, start + timedelta(minutes=30))
    sign_all(world, agreement(world))
    _meeting(world, timezone.now() + timedelta(minutes=5))  # after the signing: not before it

    figures = figures_for(_assignment(world))
    assert figures.signed and figures.signing_at <= timezone.now()
    assert figures.meetings_before_signing == 2
    assert figures.opinion_filed and not figures.only_at_signing
    assert figures.services[Service.OPINION_RECOMMENDATION] == 1
    # The case page gives the rounds it loaded: the opinions are read by those rounds, with the same figures.
    assignment = _assignment(world)
    rounds = rounds_of([world.defendant])
    assert figures_by_assignment([assignment], rounds=rounds)[assignment.pk] == figures
    without = figures_by_assignment([assignment], rounds={world.defendant.pk: []})[assignment.pk]
    assert not without.opinion_filed and Service.OPINION_RECOMMENDATION not in without.services


def test_a_signature_before_the_assignment_is_not_this_lawyers(world):
    assignment = _assignment(world)
    _final_with_opinion(world, assignment.assigned_at + timedelta(minutes=1))
    sign_all(world, agreement(world))
    type(assignment).objects.filter(pk=assignment.pk).update(assigned_at=timezone.now() + timedelta(hours=1))
    figures = figures_by_assignment(type(assignment).objects.filter(pk=assignment.pk))[assignment.pk]
    assert not figures.signed and not figures.opinion_filed


def test_the_case_page_counts_the_signature_from_the_plea_records_it_loaded(client, world):
    """The counsel panel takes the defendant's signatures from the plea records the case page loads once; its
    figures are those `figures_for` reads from the database."""
    start = _assigned_hours_ago(world)
    _meeting(world, start + timedelta(minutes=10))
    _final_with_opinion(world, start + timedelta(minutes=30))
    sign_all(world, agreement(world))
    _meeting(world, timezone.now() + timedelta(minutes=5))  # after the signing: not before it
    figures = figures_for(_assignment(world))
    assert figures.signed and figures.meetings_before_signing == 1

    client.force_login(world.prosecutor)
    page = client.get(reverse("case_detail", args=[world.case.pk])).content.decode()
    panel = page.split(f'data-counsel-defendant="{world.defendant.pk}"')[1].split("</div>")[0]
    assert "签署前会见 1 次" in panel
