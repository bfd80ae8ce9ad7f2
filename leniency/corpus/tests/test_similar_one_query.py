"""The calculator and the draft page ask one similar-case query: the same facts give the same similar cases.

The draft page used to pass the case's district code, which kept only that district's judgments (20 similar
cases on the draft page against 87 on the calculator for the same facts).
"""

import pytest

from leniency.corpus.factors import circumstance_flags
from leniency.corpus.models import Judgment
from leniency.corpus.service import Request, compute
from leniency.sentencing.extract import extract


def _judgments(text: str, charges: list[str], regions: dict[str, int]):
    flags = circumstance_flags(extract(text, charges))
    i = 0
    for region, n in regions.items():
        for _ in range(n):
            amount = 5000 + 100 * i
            Judgment.objects.create(
                content_hash=f"one-query-{i}",
                fact=f"被告人王某{i}在商场窃取手机一部，价值人民币{amount}元。",
                charges=["盗窃"],
                main_charge="盗窃",
                term_months=6 + i % 5,
                amount_yuan=amount,
                region_code=region,
                year=2024,
                circumstances=flags,
            )
            i += 1


@pytest.mark.django_db
def test_the_draft_page_and_the_calculator_show_the_same_similar_cases_for_the_same_facts(world):
    from leniency.recommendations import services

    text, charges = world.case.facts, ["盗窃"]
    own = world.case.region.code
    _judgments(text, charges, {own: 2, "990105": 7, "990221": 6})  # most similar cases are in other districts

    rec = services.do_create_draft(
        world.defendant,
        acting_user=world.prosecutor,
        facts_text=text,
        charges=charges,
        deviation_reason="测试：类案检索范围",  # the engine's own term may lie outside these invented cases' band
    )
    calculator = compute(Request(fact=rec.facts_text, charges=list(rec.charges))).similar

    draft_ids = [c["judgment_id"] for c in rec.similar["cases"]]
    assert draft_ids == [c.judgment_id for c in calculator.cases]
    assert rec.similar["pool_sizes"] == calculator.pool_sizes
    assert len(draft_ids) == 10  # from every district, not the 2 of the case's own
    assert (rec.similar["stats"] or {}).get("n") == (calculator.stats.n if calculator.stats else None)


@pytest.mark.django_db
def test_a_region_named_on_the_calculator_still_narrows_its_query(world):
    text = world.case.facts
    _judgments(text, ["盗窃"], {"990105": 3, "990221": 6})
    everywhere = compute(Request(fact=text, charges=["盗窃"])).similar
    narrowed = compute(Request(fact=text, charges=["盗窃"], region="990105")).similar
    assert len(everywhere.cases) == 9 and len(narrowed.cases) == 3
