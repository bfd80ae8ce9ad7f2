"""The demo's victims go in through the victims' services: registered, heard, some compensated and forgiving
with a scan; deterministic and idempotent; the trail still verifies."""

from datetime import date

import pytest

from leniency.audit.trail import verify_chain
from leniency.cases.models import Settlement, Victim, VictimOpinion
from leniency.cases.victims import finalise_blockers, settlement_facts
from leniency.demo.builders import victims as victims_demo
from leniency.demo.generator import build_demo

TODAY = date(2026, 6, 30)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_hasher(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path


def test_demo_victims_are_heard_and_some_forgive():
    build_demo(seed=7, defendants=300, today=TODAY)
    summary = victims_demo.build(seed=7, today=TODAY, stdout=None)
    assert summary == "victims: 8 registered, 8 heard, 4 with compensation and forgiveness"
    assert Victim.objects.count() == 8 and VictimOpinion.objects.count() == 8
    for victim in Victim.objects.all():
        (defendant,) = victim.defendants.all()
        assert finalise_blockers(defendant) == []
    forgiven = Settlement.objects.filter(kind="forgiveness")
    assert forgiven.count() == 4 and all(s.sha256 and s.media_type == "application/pdf" for s in forgiven)
    keys = {f.key for f in settlement_facts(forgiven.first().defendant)}
    assert {"compensation", "forgiveness"} <= keys
    assert not VictimOpinion.objects.filter(heard_on__gt=TODAY).exists()
    checked, problem = verify_chain()
    assert problem is None
    assert victims_demo.build(seed=7, today=TODAY, stdout=None) is None
    assert Victim.objects.count() == 8
