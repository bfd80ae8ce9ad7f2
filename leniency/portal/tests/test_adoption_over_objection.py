"""The public figure of adoptions over the defence's objection, split by whether the court wrote its reasons
(issue 17): counted from the court's decisions and the lawyer's opinions, never publishing the reasons."""

from leniency.portal.figures import adoption_over_objection, build_frame
from leniency.portal.periods import parse_period
from leniency.recommendations import safeguards, services

REASONS = "辩护人所称退赔情节已在建议中评价，且被告人多次作案，不判处缓刑并无不当，量刑建议不属明显不当"


def test_an_adoption_over_an_objection_counts_with_its_reasons(world, monkeypatch):
    monkeypatch.setattr(safeguards, "_ADOPTION_BLOCKERS", [])  # the plea's rules are not what is counted here
    frame = build_frame(parse_period("all"), "region", threshold=1)
    assert not adoption_over_objection(frame).available  # no adoption yet: not published
    rec = services.do_create_draft(world.defendant, acting_user=world.prosecutor)
    rec = services.do_submit(rec, acting_user=world.prosecutor)
    services.do_review(rec, acting_user=world.supervisor, decision="approve", comments="同意")
    rec.refresh_from_db()
    services.do_give_opinion(rec, acting_user=world.lawyer, position="object", reasons="应判缓刑")
    rec = services.do_finalise(rec, acting_user=world.prosecutor, lawyer_reply="多次作案")
    world.to_trial()
    rec.refresh_from_db()
    services.do_court_decision(rec, acting_user=world.judge, decision="adopt", reasons=REASONS)

    fig = adoption_over_objection(build_frame(parse_period("all"), "region", threshold=1))
    cells = [c.shown for c in fig.table.cells[0]]
    assert cells == [1, 0, 0] and fig.rates() == [1.0]
    assert REASONS not in repr(fig.table)
