"""Fixtures for the recommendation workflow, on top of the shared `world` personas."""

import pytest


@pytest.fixture
def flow(world, settings, tmp_path):
    """Helpers that walk the world's defendant through the workflow. The plea's documents (the 具结书, the
    signing recording) go to a temporary archive."""
    from leniency.recommendations import safeguards, services

    settings.MEDIA_ROOT = str(tmp_path / "archive")

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

        def plea_signed(self):
            """The plea's own services at review for prosecution: the rights notice, then the 具结书 generated
            from the final recommendation and signed by the defendant, the lawyer and the prosecutor, each
            naming the signing recording's segment."""
            from leniency.plea.tests.helpers import agreement, notice, sign_all

            notice(world)
            return sign_all(world, agreement(world))

        def reviewed(self, **answers):
            """The trial judge's voluntariness review of the current 具结书 (every item affirmed unless given)."""
            from leniency.plea.tests.helpers import all_yes
            from leniency.plea.voluntariness import do_record_review

            world.defendant.refresh_from_db()  # the stage may have changed through a page
            return do_record_review(world.defendant, acting_user=world.judge, answers=all_yes(**answers))

        def ready_for_adoption(self):
            """After `final()`: the plea signed, 提起公诉, and a voluntariness review that passed, so that the
            plea app's real adoption check finds nothing in the way."""
            self.plea_signed()
            self.at_trial()
            self.reviewed()
            assert safeguards.adoption_blockers(world.defendant) == []

    return Flow()
