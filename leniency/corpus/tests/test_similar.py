import pytest
from django.core.management import call_command

from leniency.corpus.factors import circumstance_flags
from leniency.corpus.models import Judgment
from leniency.corpus.similar import clear_cache, find_similar
from leniency.sentencing.extract import extract

QUERY = "被告人张某在超市窃得被害人李某的手机一部，价值人民币5000元。到案后如实供述，系坦白。"


def add(
    i,
    *,
    amount=5000,
    months=6,
    region="990102",
    year=2021,
    flags=None,
    fact=None,
    charge="盗窃",
    injury="",
    probation=False,
):
    facts = extract(QUERY, ["盗窃"])
    return Judgment.objects.create(
        content_hash=f"h{i}",
        fact=fact or f"被告人王某{i}在商场窃得手机一部，价值人民币{amount}元，到案后如实供述。",
        charges=[charge],
        main_charge=charge,
        term_months=months,
        amount_yuan=amount,
        region_code=region,
        year=year,
        circumstances=circumstance_flags(facts) if flags is None else flags,
        injury=injury,
        probation=probation,
    )


def query(**kwargs):
    return find_similar(extract(QUERY, ["盗窃"]), **kwargs)


@pytest.mark.django_db
def test_fewer_than_five_similar_cases_say_so_without_statistics():
    for i in range(3):
        add(i)
    result = query()
    assert result.stats is None and "不足 5 件" in result.note
    assert len(result.cases) == 3


@pytest.mark.django_db
def test_amount_bracket_filters_and_stats_describe_the_pool():
    for i in range(6):
        add(i, amount=4000 + 200 * i, months=6 + i, probation=i < 3)
    for i in range(6, 12):
        add(i, amount=900_000, months=120)  # far outside the amount bracket
    result = query()
    assert result.relaxed == 0 and result.stats is not None and result.stats.n == 6
    assert {c.months for c in result.cases} == set(range(6, 12))
    assert result.stats.median == pytest.approx(8.5) and result.stats.probation_share == pytest.approx(0.5)
    why = result.cases[0].shared_factors
    assert (
        why[0] == "同罪名：盗窃"
        and any(w.startswith("金额相近") for w in why)
        and any("坦白" in w for w in why)
    )


@pytest.mark.django_db
def test_other_charges_never_match():
    for i in range(6):
        add(i, charge="诈骗")
    result = query()
    assert result.cases == [] and result.stats is None and "没有" in result.note


@pytest.mark.django_db
def test_region_and_period_filters():
    for i in range(6):
        add(i, region="990102", year=2019)
    for i in range(6, 12):
        add(i, region="990221", year=2023)
    east = query(region_code="990102")
    assert east.stats.n == 6 and all(
        Judgment.objects.get(pk=c.judgment_id).region_code == "990102" for c in east.cases
    )
    assert query(region_code="9902").stats.n == 6  # a prefix names a city or province
    recent = query(years=(2022, 2025))
    assert all(Judgment.objects.get(pk=c.judgment_id).year == 2023 for c in recent.cases)
    assert query(region_code="990102", years=(2022, 2025)).cases == []


@pytest.mark.django_db
def test_key_circumstances_must_match_or_the_cases_are_context_without_statistics():
    from leniency.corpus.factors import CIRCUMSTANCE_BITS

    surrendered = 1 << CIRCUMSTANCE_BITS.index("surrender")
    for i in range(6):
        add(i, flags=surrendered)  # every one surrendered; the query's defendant did not
    result = query()
    assert result.relaxed == 1 and result.match_level == "charge_set" and result.stats is None
    assert result.pool_sizes == {"factors": 0, "charge_set": 6, "charge": 0}
    assert "仅供参考" in result.note and all(c.match == "charge_set" for c in result.cases)
    assert all("情节不同：该案有自首" in c.shared_factors for c in result.cases)


@pytest.mark.django_db
def test_text_similarity_ranks_the_closest_fact_first():
    for i in range(6):
        add(i, fact=f"被告人赵某{i}驾驶车辆在路口与行人发生碰撞，造成财物损失人民币5000元。")
    close = add(
        99, fact="被告人张某在超市窃得被害人李某的手机一部，价值人民币5000元，到案后如实供述，系坦白。"
    )
    assert query().cases[0].judgment_id == close.pk


@pytest.mark.django_db
def test_prebuilt_index_gives_the_same_answer(settings):
    for i in range(8):
        add(i, months=4 + i)
    from_db = query()
    call_command("corpus", "index", "--no-progress")
    clear_cache()
    assert (settings.CORPUS_INDEX_DIR / "manifest.json").exists()
    prebuilt = query()
    assert [c.judgment_id for c in prebuilt.cases] == [c.judgment_id for c in from_db.cases]
    assert prebuilt.stats == from_db.stats


@pytest.mark.django_db
def test_percentiles_are_tenths_of_a_month_not_float_noise():
    for i, months in enumerate((1, 1, 1, 1, 4)):
        add(i, months=months)
    stats = query().stats
    # np.percentile gives 2.8000000000000003, shown as such on the draft page before.
    assert repr(stats.p90) == "2.8"
