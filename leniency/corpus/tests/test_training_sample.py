"""Training in bounded memory (issue 21 item 5): at most settings.TRAIN_MAX_ROWS judgments, stratified by charge."""

import io

import pytest

from leniency.corpus.models import Judgment
from leniency.corpus.training import load_sample, sample_plan, train_from_database

CORPUS = {"盗窃": 30, "危险驾驶": 12, "抢劫": 3}


def test_rare_charges_keep_every_judgment_and_the_frequent_ones_share_the_rest():
    assert sample_plan({"a": 2, "b": 50, "c": 30}, 20) == {"a": 2, "b": 9, "c": 9}
    # one row left over goes to the largest charge
    assert sample_plan({"a": 2, "b": 50, "c": 30}, 21) == {"a": 2, "b": 10, "c": 9}
    assert sample_plan({"a": 2, "b": 50, "c": 30}, 1000) == {"a": 2, "b": 50, "c": 30}
    assert sum(sample_plan({f"c{i}": 7 * i + 1 for i in range(40)}, 999).values()) == 999


def _corpus():
    """CORPUS's judgments, the charges interleaved in id order."""
    rows, left, i = [], dict(CORPUS), 0
    while any(left.values()):
        for charge in CORPUS:
            if left[charge]:
                left[charge] -= 1
                i += 1
                rows.append(
                    Judgment(
                        content_hash=f"sample-{i}",
                        fact=f"被告人王某{i}犯{charge}罪，到案后如实供述。",
                        charges=[charge],
                        main_charge=charge,
                        term_months=1 + i % 24,
                        region_code="990102",
                        year=2024,
                    )
                )
    Judgment.objects.bulk_create(rows)


def _per_charge(records):
    counts = {}
    for r in records:
        counts[r.charges[0]] = counts.get(r.charges[0], 0) + 1
    return counts


@pytest.mark.django_db
def test_above_the_cap_training_reads_exactly_the_cap_per_charge_the_same_rows_for_the_same_seed():
    _corpus()
    records, months, rows = load_sample(max_rows=20, seed=0)
    assert _per_charge(records) == {"抢劫": 3, "盗窃": 9, "危险驾驶": 8} == sample_plan(CORPUS, 20)
    assert len(months) == 20 and rows.used == 20 and rows.read == 45 and rows.sampled
    assert rows.per_charge == {"盗窃": (9, 30), "危险驾驶": (8, 12), "抢劫": (3, 3)}
    numbers = [int(r.text.split("王某")[1].split("犯")[0]) for r in records]
    assert numbers == sorted(numbers)  # in id order, as without a cap
    again, _, _ = load_sample(max_rows=20, seed=0)
    assert [r.text for r in again] == [r.text for r in records]
    other, _, _ = load_sample(max_rows=20, seed=1)
    assert _per_charge(other) == _per_charge(records) and [r.text for r in other] != [r.text for r in records]


@pytest.mark.django_db
def test_below_the_cap_every_judgment_is_read_in_id_order():
    _corpus()
    records, months, rows = load_sample(max_rows=45)
    assert len(records) == 45 and not rows.sampled
    assert [r.text for r in records] == list(Judgment.objects.order_by("id").values_list("fact", flat=True))
    assert months == list(Judgment.objects.order_by("id").values_list("term_months", flat=True))


@pytest.mark.django_db
def test_the_trained_model_says_which_rows_it_saw(settings):
    _corpus()
    settings.TRAIN_MAX_ROWS = 20
    err = io.StringIO()
    model = train_from_database(folds=0, err=err)
    assert model.n_train == 20
    assert model.params["rows"]["used"] == 20 and model.params["rows"]["sampled"] is True
    assert model.params["rows"]["per_charge"]["盗窃"] == {"used": 9, "of": 30}
    assert "training on 20 of 45 judgments" in err.getvalue()


class _Progress:
    unit = ""

    def update(self, done, total, force=False):
        pass


@pytest.mark.django_db
def test_the_training_jobs_result_says_it_trained_on_a_sample(settings):
    from types import SimpleNamespace

    from leniency.jobs.runners import train

    _corpus()
    settings.TRAIN_MAX_ROWS = 20
    result = train(SimpleNamespace(params={"folds": 0}), _Progress())
    assert "数据库共 45 件，按罪名分层抽样 20 件，上限 20" in result
