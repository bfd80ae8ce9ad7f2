"""A similar case's amount and term are the judgment's own, not those of another judgment that had its id.

Seen on a real page: an 87,310 元 judgment listed as "金额相近" to a 10,200 元 case. The prebuilt index
(var/corpus-index) had been built from an earlier database; a regenerated database gave the same ids to other
judgments, so the search matched on the old judgment's amount and showed the new judgment's text (the demo
leaves an old index in place when it builds a corpus too small to index).
"""

import pytest

from leniency.corpus.index_build import build_index
from leniency.corpus.models import Judgment
from leniency.corpus.similar import clear_cache, find_similar, index_dir
from leniency.sentencing.extract import extract

QUERY = "被告人张某在超市窃得被害人李某的手机一部，价值人民币10,200元。"


def _judgment(pk: int, amount: int, months: int) -> Judgment:
    return Judgment.objects.create(
        pk=pk,
        content_hash=f"stale-{pk}-{amount}",
        fact=f"被告人王某{pk}在商场窃得现金人民币{amount:,}元。",
        charges=["盗窃"],
        main_charge="盗窃",
        term_months=months,
        amount_yuan=amount,
        region_code="990102",
        year=2024,
        circumstances=0,
    )


def _amount_reason(case) -> dict:
    return next(r for r in case.reasons if r["factor"] == "amount")


@pytest.mark.django_db
def test_a_judgment_far_from_the_amount_is_not_called_close_after_the_database_was_regenerated():
    for pk in range(1, 9):  # the database the index was built from: thefts of about 10,000 元
        _judgment(pk, 10_000 + 100 * pk, 6)
    build_index(index_dir())
    clear_cache()
    Judgment.objects.all().delete()  # a regenerated database: the same ids, other judgments
    for pk in range(1, 9):
        _judgment(pk, 87_310, 30)

    result = find_similar(extract(QUERY, ["盗窃"]))

    assert result.cases, "the judgments of the database are still searched"
    for case in result.cases:
        judgment = Judgment.objects.get(pk=case.judgment_id)
        assert "87,310" in case.excerpt and judgment.amount_yuan == 87_310
        reason = _amount_reason(case)
        assert reason["case"] == 87_310 and not reason["close"], reason["text"]
        assert "金额相近" not in reason["text"]
        assert case.months == 30  # the judgment's own term, not the old one's 6
    assert result.stats is None  # none of them matched on the amount


@pytest.mark.django_db
def test_an_index_that_describes_the_database_is_used_as_it_is():
    for pk in range(1, 9):
        _judgment(pk, 10_000 + 100 * pk, 6 + pk)
    build_index(index_dir())
    clear_cache()
    result = find_similar(extract(QUERY, ["盗窃"]))
    assert result.stats is not None and result.stats.n == 8
    for case in result.cases:
        judgment = Judgment.objects.get(pk=case.judgment_id)
        assert _amount_reason(case)["case"] == judgment.amount_yuan and _amount_reason(case)["close"]
        assert case.months == judgment.term_months
