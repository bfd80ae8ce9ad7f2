"""A compiled prefetch leaves the instances as Django's prefetch_related_objects does, with its query compiled once
(leniency/cases/compiled_prefetch.py)."""

import pytest
from django.db import connection
from django.db.models import Prefetch, prefetch_related_objects
from django.test.utils import CaptureQueriesContext

from leniency.accounts.models import Organisation, Region
from leniency.cases.compiled_prefetch import compiled_prefetch
from leniency.cases.models import Charge, Defendant

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions():
    province = Region.objects.create(name="省", level=Region.Level.PROVINCE, code="yy")
    cities = [
        Region.objects.create(name=f"市{i}", level=Region.Level.CITY, code=f"yy{i}", parent=province)
        for i in range(3)
    ]
    for i, city in enumerate(cities[:2]):
        for kind in (Organisation.Kind.PROCURATORATE, Organisation.Kind.COURT):
            Organisation.objects.create(name=f"预取测试{kind}{i}", kind=kind, region=city)
    return cities


def _regions(cities):
    return list(Region.objects.filter(pk__in=[c.pk for c in cities]).order_by("code"))


def test_reverse_foreign_key_rows_are_djangos_with_the_owner_known(regions):
    expected = _regions(regions)
    prefetch_related_objects(expected, "organisations")
    got = _regions(regions)
    compiled_prefetch(Region, "organisations")(got)
    with CaptureQueriesContext(connection) as queries:
        for mine, theirs in zip(got, expected, strict=True):
            assert list(mine.organisations.all()) == list(theirs.organisations.all())
            assert all(o.region is mine for o in mine.organisations.all())
    assert len(queries) == 0  # read from the prefetched rows, owners included
    assert list(got[2].organisations.all()) == []  # a city without organisations


def test_a_prefetch_with_to_attr_and_its_own_queryset(regions):
    courts = Organisation.objects.filter(kind=Organisation.Kind.COURT).order_by()
    got = _regions(regions)
    compiled_prefetch(Region, Prefetch("organisations", queryset=courts, to_attr="courts"))(got)
    assert [[o.name for o in r.courts] for r in got] == [
        [f"预取测试{Organisation.Kind.COURT}0"],
        [f"预取测试{Organisation.Kind.COURT}1"],
        [],
    ]


def test_many_to_many_rows_are_djangos(world):
    from .test_intake import _transfer

    # Before theft (第264条) in the charges' order: the rows keep it.
    other = Charge.objects.get_or_create(name="预取测试", defaults={"article": 1, "article_label": "第一条"})[
        0
    ]
    _transfer(world)
    _transfer(world, name="李某", charges=[world.theft, other])
    defendants = list(Defendant.objects.order_by("pk"))
    expected = list(Defendant.objects.order_by("pk"))
    prefetch_related_objects(expected, "charges")
    prefetch = compiled_prefetch(Defendant, "charges")
    prefetch(defendants)
    with CaptureQueriesContext(connection) as queries:
        assert [list(d.charges.all()) for d in defendants] == [list(d.charges.all()) for d in expected]
    assert len(queries) == 0
    assert [c.name for c in defendants[-1].charges.all()] == ["预取测试", world.theft.name]


def test_one_query_a_call_and_none_for_no_instances(regions):
    prefetch = compiled_prefetch(Region, "organisations")
    cities = _regions(regions[:2])
    with CaptureQueriesContext(connection) as queries:
        prefetch(cities)
        prefetch([])
    assert len(queries) == 1
    assert [len(c.organisations.all()) for c in cities] == [2, 2]


def test_nested_lookups_and_forward_relations_are_refused():
    with pytest.raises(ValueError, match="one relation"):
        compiled_prefetch(Defendant, "case__defendants")
    with pytest.raises(ValueError, match="not a reverse foreign key or a many-to-many"):
        compiled_prefetch(Defendant, "case")
