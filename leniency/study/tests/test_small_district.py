"""A small generated district: the study says in words where counts are too small, and the period filter holds."""

from datetime import date

from leniency.accounts.models import Organisation
from leniency.demo.district import PROCURATORATE_NAME, build_district
from leniency.study.analysis import run_study


def test_small_district_uses_fisher_or_no_test_and_filters_by_period(world):
    counts = build_district(seed=7, persons=90, province=world.region.parent.parent)
    assert counts["persons"] == 90
    org = Organisation.objects.get(name=PROCURATORATE_NAME)
    study = run_study(org, date(2019, 9, 1), date(2020, 8, 31), with_charts=False)
    assert study.figures["persons"] == 90
    methods = {t.test.method for t in study.tables.values() if t.test}
    assert methods & {"fisher", "none"}  # some tables are too sparse for chi-square
    for table in study.tables.values():
        if table.test and table.test.method == "none":
            assert "不作检验" in table.test.text or "无法检验" in table.test.text
    half = run_study(org, date(2019, 9, 1), date(2020, 2, 29), with_charts=False, with_model=False)
    assert 0 < half.figures["persons"] < 90
    assert all(date(2019, 9, 1) <= r.received_on <= date(2020, 2, 29) for r in half.rows)


def test_demo_builder_leaves_a_small_demo_province_alone(world):
    from leniency.demo.builders.study import build

    assert build(seed=1, today=date(2026, 11, 23), stdout=None) is None
    assert not Organisation.objects.filter(name=PROCURATORATE_NAME).exists()
