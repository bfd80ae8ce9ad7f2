"""A compiled query gives the rows the ORM gives for the same values, compiles once per shape, and refuses what it
cannot do (leniency/compiled_queries.py)."""

import pytest
from django.db import connection
from django.db.models import Prefetch, Q
from django.test.utils import CaptureQueriesContext

from leniency.accounts.models import Organisation, Region
from leniency.compiled_queries import RefinedCompiledQuery, compiled

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions():
    province = Region.objects.create(name="省", level=Region.Level.PROVINCE, code="zz")
    cities = [
        Region.objects.create(name=f"市{i}", level=Region.Level.CITY, code=f"zz{i}", parent=province)
        for i in range(4)
    ]
    for i, city in enumerate(cities):
        Organisation.objects.create(
            name=f"编译测试检察院{i}", kind=Organisation.Kind.PROCURATORATE, region=city
        )
    return province, cities


def test_rows_are_the_orms_for_other_values_of_the_same_shape_and_of_another(regions):
    _, cities = regions
    builds = []

    def build(pks):
        builds.append(list(pks))
        return Region.objects.filter(pk__in=pks).order_by("code")

    query = compiled(build)
    for pks in ([cities[0].pk, cities[1].pk], [cities[3].pk, cities[2].pk], [cities[1].pk]):
        assert list(query(pks)) == list(Region.objects.filter(pk__in=pks).order_by("code"))
    assert len(builds) == 2  # two shapes: two values, one value
    assert all(
        pk >= 1_987_000_000 for pks in builds for pk in pks
    )  # compiled with stand-ins, not a caller's pks


def test_repeated_values_count_once(regions):
    _, cities = regions
    query = compiled(lambda pks: Region.objects.filter(pk__in=pks))
    query([cities[0].pk, cities[1].pk])
    assert {r.pk for r in query([cities[2].pk, cities[2].pk])} == {cities[2].pk}


def test_a_pk_and_a_list_together_with_select_related_and_prefetch(regions):
    province, cities = regions
    query = compiled(
        lambda parent, pks: (
            Region.objects.filter(parent_id=parent, pk__in=pks)
            .select_related("parent")
            .prefetch_related(Prefetch("organisations", Organisation.objects.order_by("name")))
            .order_by("code")
        )
    )
    rows = list(query(province.pk, [c.pk for c in cities[:3]]))
    assert [r.name for r in rows] == ["市0", "市1", "市2"]
    with CaptureQueriesContext(connection) as queries:
        assert rows[2].parent.name == "省"  # joined, not read again
        assert [o.name for o in rows[2].organisations.all()] == ["编译测试检察院2"]
    assert len(queries) == 0
    assert list(query(cities[0].pk, [c.pk for c in cities[:3]])) == []  # another parent: none of them


def test_values_list_stays_tuples(regions):
    _, cities = regions
    query = compiled(
        lambda pks: Region.objects.filter(pk__in=pks).values_list("name", "level").order_by("code")
    )
    assert list(query([cities[1].pk, cities[0].pk])) == [("市0", "city"), ("市1", "city")]


def test_no_values_asks_no_database(regions):
    query = compiled(lambda pks: Region.objects.filter(pk__in=pks))
    with CaptureQueriesContext(connection) as queries:
        assert list(query([])) == []
    assert len(queries) == 0


def test_without_arguments_and_with_a_limit(regions):
    _, cities = regions
    newest = compiled(lambda: Region.objects.filter(level=Region.Level.CITY).order_by("-code")[:1])
    assert [r.pk for r in newest()] == [cities[3].pk]


def test_refining_the_result_is_refused(regions):
    query = compiled(lambda pks: Region.objects.filter(pk__in=pks))
    with pytest.raises(RefinedCompiledQuery, match="runs as built"):
        query([regions[0].pk]).filter(level=Region.Level.PROVINCE)
    with pytest.raises(RefinedCompiledQuery, match="runs as built"):
        query([regions[0].pk]).count()


def test_arguments_must_be_pks():
    query = compiled(lambda pks: Region.objects.filter(pk__in=pks))
    with pytest.raises(TypeError, match="pks"):
        query(["1"])
    with pytest.raises(TypeError, match="pks"):
        query([True])


def test_a_build_that_drops_its_argument_is_refused():
    query = compiled(lambda pks: Region.objects.filter(pk__in=[1]))
    with pytest.raises(ValueError, match="does not put each of its arguments into the query"):
        query([5])


def test_an_argument_used_twice_takes_the_callers_value_in_both_places(regions):
    province, cities = regions
    other = Region.objects.create(name="另省", level=Region.Level.PROVINCE, code="yy")
    Region.objects.create(name="另市", level=Region.Level.CITY, code="yy1", parent=other)

    def build(region):
        return Region.objects.filter(Q(pk=region) | Q(parent=region)).order_by("code")

    query = compiled(build)
    for region in (province, other):  # the second call runs the SQL compiled for the first, with other values
        assert list(query(region.pk)) == list(build(region.pk))
    assert [r.code for r in query(other.pk)] == ["yy", "yy1"]
