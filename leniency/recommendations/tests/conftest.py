"""Fixtures for the recommendation workflow, on top of the shared `world` personas."""

import sys
import types

import pytest


@pytest.fixture
def blockers(monkeypatch):
    """Control `leniency.plea.review.adoption_blockers` (the plea app's rule) from a test: a list to fill."""
    reasons: list[str] = []

    def adoption_blockers(defendant):
        return list(reasons)

    try:
        import leniency.plea.review as review
    except ImportError:
        review = types.ModuleType("leniency.plea.review")
        monkeypatch.setitem(sys.modules, "leniency.plea.review", review)
        import leniency.plea

        monkeypatch.setattr(leniency.plea, "review", review, raising=False)
    monkeypatch.setattr(review, "adoption_blockers", adoption_blockers, raising=False)
    return reasons


@pytest.fixture
def flow(world):
    """Helpers that walk the world's defendant through the workflow."""
    from leniency.recommendations import services

    class Flow:
        def draft(self, **kw):
            return services.do_create_draft(world.defendant, acting_user=world.prosecutor, **kw)

        def approved(self, **kw):
            rec = self.draft(**kw)
            rec = services.do_submit(rec, acting_user=world.prosecutor)
            services.do_review(rec, acting_user=world.supervisor, decision="approve", comments="同意")
            rec.refresh_from_db()
            return rec

        def final(self, **kw):
            rec = self.approved(**kw)
            services.do_give_opinion(rec, acting_user=world.lawyer, position="agree")
            return services.do_finalise(rec, acting_user=world.prosecutor)

        def at_trial(self):
            from leniency.cases.models import Defendant

            Defendant.objects.filter(pk=world.defendant.pk).update(stage="first_instance")
            world.defendant.refresh_from_db()

    return Flow()
