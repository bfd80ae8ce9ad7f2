"""Fixtures for the recommendation workflow, on top of the shared `world` personas."""

import pytest

from leniency.recommendations import safeguards


@pytest.fixture
def blockers(monkeypatch):
    """Stand in for the adoption blockers other apps register (the plea app's rule): a list to fill."""
    reasons: list[str] = []
    monkeypatch.setattr(safeguards, "_ADOPTION_BLOCKERS", [lambda defendant: list(reasons)])
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
            world.to_trial()

    return Flow()
