"""The demo generator builds what it is asked for: the same demo for a seed, its charge mix, closed history and
open work, and a command that prints where to log in (each test builds its own demo; test_demo.py's tests share
one)."""

from collections import Counter
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from leniency.cases.models import Case, Defendant, DefendantCharge
from leniency.cases.stages import CLOSED_STAGES, Stage
from leniency.demo.charge_mix import DOMINANT
from leniency.demo.generator import build_demo
from leniency.demo.personas import DEMO_PASSWORD, PERSONA_USERNAMES

TODAY = date(2026, 6, 30)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_same_seed_gives_the_same_demo():
    def snapshot():
        with transaction.atomic():
            build_demo(seed=3, defendants=40, today=TODAY)
            rows = list(
                Case.objects.order_by("number").values_list("number", "title", "facts", "received_on")
            )
            # ID numbers are encrypted at rest, so they are sorted after reading, not by the database.
            people = sorted(
                Defendant.objects.values_list(
                    "name", "id_number", "phone", "stage", "stage_since", "detention"
                ),
                key=lambda row: row[1],
            )
            transaction.set_rollback(True)
        return rows, people

    assert snapshot() == snapshot()


def test_dominant_charges_dominate_old_cases_are_closed_and_recent_ones_open():
    """One 400-defendant demo for both checks (each built its own, the costliest builds of this module)."""
    build_demo(seed=11, defendants=400, today=TODAY)
    _dominant_charges_dominate()
    _old_cases_are_closed_and_recent_ones_open()


def _dominant_charges_dominate():
    principal = Counter(DefendantCharge.objects.filter(principal=True).values_list("charge__name", flat=True))
    assert principal.most_common(1)[0][0] == "危险驾驶"
    assert sum(principal[name] for name in DOMINANT) > 0.55 * sum(principal.values())
    top_five = {name for name, _ in principal.most_common(5)}
    assert {"危险驾驶", "盗窃"} <= top_five


def _old_cases_are_closed_and_recent_ones_open():
    old = Defendant.objects.filter(case__received_on__lt=TODAY - timedelta(days=365))
    recent = Defendant.objects.filter(case__received_on__gte=TODAY - timedelta(days=30))
    assert old.filter(stage__in=CLOSED_STAGES).count() > 0.95 * old.count()
    assert recent.exclude(stage__in=CLOSED_STAGES).count() > 0.8 * recent.count()
    assert Defendant.objects.filter(stage=Stage.NON_PROSECUTION).exists()


def test_command_prints_log_ins_and_is_idempotent():
    out = StringIO()
    call_command("demo", defendants=30, seed=1, today=TODAY, stdout=out)
    text = out.getvalue()
    assert all(name in text for name in PERSONA_USERNAMES)
    assert DEMO_PASSWORD in text and "http://127.0.0.1:8000/" in text
    out = StringIO()
    call_command("demo", defendants=30, seed=1, stdout=out)
    assert "已存在" in out.getvalue() and "prosecutor2" in out.getvalue()
    assert Defendant.objects.count() == 30
