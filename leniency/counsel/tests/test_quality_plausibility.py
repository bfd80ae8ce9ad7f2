"""The centre's warnings on participation records that do not look like work done (counsel/quality.py,
Plausibility): days logged beyond working time across cases, one duration for most entries, entries logged
long after the event. Each threshold binds at its value and not just below it; a diligent record raises none."""

from collections import Counter, defaultdict
from datetime import date, timedelta

from django.urls import reverse

from leniency.counsel.models import QualityWarning, Service
from leniency.counsel.participation import do_log_participation
from leniency.counsel.quality import PLAUSIBILITY, Pattern, do_detect_warnings, participation_findings
from leniency.counsel.services import do_assign_counsel

from .conftest import AS_OF

LIMITS = PLAUSIBILITY


def _pattern(*, days=(), durations=(), late=0) -> Pattern:
    pattern = Pattern(day_minutes=defaultdict(int, dict(days)))
    pattern.entries = len(durations)
    pattern.durations = Counter(durations)
    pattern.late = list(range(late))
    return pattern


def test_overlong_days_bind_at_the_count_of_days_over_the_day_limit():
    over, at = LIMITS.day_minutes + 1, LIMITS.day_minutes
    days = [(date(2027, 1, d), over) for d in range(1, LIMITS.overlong_days + 1)]
    found = participation_findings(_pattern(days=days))
    assert found["overlong_days"]["hits"] == LIMITS.overlong_days
    assert found["overlong_days"]["days"]["2027-01-01"] == over
    assert participation_findings(_pattern(days=days[:-1])) == {}  # one day fewer
    assert participation_findings(_pattern(days=[(d, at) for d, _ in days])) == {}  # exactly the limit


def test_one_duration_for_most_entries_binds_at_its_share_over_enough_entries():
    n = LIMITS.min_entries
    same = round(n * LIMITS.same_duration_share)
    durations = [60] * same + [20 + 7 * i for i in range(n - same)]
    found = participation_findings(_pattern(durations=durations))
    assert found["same_durations"] == {
        "entries": n,
        "hits": same,
        "rate": LIMITS.same_duration_share,
        "threshold": LIMITS.same_duration_share,
        "minutes": 60,
    }
    assert participation_findings(_pattern(durations=[60] * (same - 1) + [45] + durations[same:])) == {}
    assert participation_findings(_pattern(durations=[60] * (n - 1))) == {}  # too few entries to judge


def test_late_logging_binds_at_its_count_and_share():
    n = 10
    late = max(LIMITS.late_entries, round(n * LIMITS.late_share))
    durations = [30 + i for i in range(n)]
    found = participation_findings(_pattern(durations=durations, late=late))
    assert found["late_logging"]["hits"] == late and found["late_logging"]["late_days"] == 30
    assert participation_findings(_pattern(durations=durations, late=late - 1)) == {}
    assert participation_findings(_pattern(durations=durations[:2], late=2)) == {}  # share 1.0, two entries


def _assign(cw, lawyer, n):
    return [
        do_assign_counsel(
            cw.case.defendants.create(
                name=f"钱{lawyer.pk}{i}", gender="M", stage="prosecution_review", stage_since=AS_OF.date()
            ),
            lawyer=lawyer,
            kind="duty",
            acting_user=cw.officer,
            as_of=AS_OF,
        )
        for i in range(n)
    ]


def _log(assignment, *, day, hour, minutes, logged_after=timedelta(hours=1)):
    at = AS_OF.replace(hour=hour) + timedelta(days=day)
    do_log_participation(
        assignment,
        service=Service.MEETING,
        occurred_at=at,
        minutes=minutes,
        acting_user=assignment.lawyer,
        as_of=at + timedelta(minutes=minutes) + logged_after,
    )


def test_the_centre_is_warned_of_implausible_records_and_not_of_a_diligent_one(cw, client):
    padded, templated, diligent = cw.lawyers[1], cw.lawyers[2], cw.lawyers[3]
    # Five hours in each of three cases, on two days: each case adds up, the days do not (15 h).
    for assignment in _assign(cw, padded, 3):
        for day in (1, 2):
            _log(assignment, day=day, hour=9, minutes=300)
    # Ten entries of 60 minutes, four of them written 40 days after the work.
    for i, assignment in enumerate(_assign(cw, templated, 2) * 5):
        late = timedelta(days=40) if i < 4 else timedelta(hours=2)
        _log(assignment, day=1 + i, hour=10, minutes=60, logged_after=late)
    # Ten entries of varied length, logged the same day; one long day (12 h 30) across three cases.
    diligent_cases = _assign(cw, diligent, 3)
    for i, assignment in enumerate(diligent_cases * 3):
        _log(assignment, day=3 + i, hour=9, minutes=35 + 11 * i)
    for assignment, minutes in zip(diligent_cases, (300, 250, 200), strict=True):
        _log(assignment, day=1, hour=8, minutes=minutes)

    raised = do_detect_warnings(as_of=AS_OF + timedelta(days=60))
    kinds = defaultdict(set)
    for warning in raised:
        kinds[warning.lawyer_id].add(warning.kind)
    assert kinds == {padded.pk: {"overlong_days"}, templated.pk: {"same_durations", "late_logging"}}
    overlong = next(w for w in raised if w.kind == "overlong_days")
    assert overlong.evidence["days"] == {"2027-01-05": 900, "2027-01-06": 900}

    client.force_login(cw.officer)  # the region's legal-aid centre, where the other warnings are shown
    listing = client.get(reverse("counsel:warnings")).content.decode()
    for label in ("单日登记用时超出合理工作时间", "履职用时多为同一数值", "履职记录多为事后补登"):
        assert label in listing
    same = QualityWarning.objects.get(kind="same_durations")
    page = client.get(reverse("counsel:warning_detail", args=[same.pk])).content.decode()
    assert "期间登记的 10 条履职记录中 10 条" in page and "均为 60 分钟" in page
    page = client.get(reverse("counsel:warning_detail", args=[overlong.pk])).content.decode()
    assert "2027-01-05（900）" in page
