"""Compiled queries read together by one statement give each the rows the ORM gives it (leniency/compiled_queries.py,
read_together), on SQLite and on PostgreSQL, whose union needs each padding NULL cast to its column's type."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.models import Count, Prefetch
from django.test.utils import CaptureQueriesContext

from leniency.accounts.models import Organisation, Region, User
from leniency.compiled_queries import compiled, read_together, reading_ahead

pytestmark = pytest.mark.django_db

_REGIONS = compiled(lambda pks: Region.objects.filter(pk__in=pks).select_related("parent").order_by())
_ORGANISATIONS = compiled(
    lambda pks: (
        Organisation.objects.filter(region_id__in=pks).annotate(members_count=Count("members")).order_by()
    )
)
_USERS = compiled(
    lambda pks: (
        User.objects.filter(organisation__region_id__in=pks)
        .values_list("username", "is_active", "date_joined", "last_login")
        .order_by()
    )
)


@pytest.fixture
def cities():
    province = Region.objects.create(name="省", level=Region.Level.PROVINCE, code="rt")
    cities = [
        Region.objects.create(name=f"市{i}", level=Region.Level.CITY, code=f"rt{i}", parent=province)
        for i in range(3)
    ]
    for i, city in enumerate(cities[:2]):
        organisation = Organisation.objects.create(
            name=f"合读测试法院{i}", kind=Organisation.Kind.COURT, region=city
        )
        User.objects.create(
            username=f"rt{i}",
            organisation=organisation,
            is_active=bool(i),
            date_joined=datetime(2026, 1, 2 + i, 3, 4, 5, tzinfo=UTC),
            last_login=None if i else datetime(2026, 2, 3, tzinfo=UTC),
        )
    return [c.pk for c in cities]


def _orm(pks):
    return [
        list(Region.objects.filter(pk__in=pks).select_related("parent").order_by("pk")),
        sorted(
            Organisation.objects.filter(region_id__in=pks).annotate(members_count=Count("members")),
            key=lambda o: o.pk,
        ),
        sorted(
            User.objects.filter(organisation__region_id__in=pks).values_list(
                "username", "is_active", "date_joined", "last_login"
            )
        ),
    ]


def test_each_query_gets_the_orms_rows_from_one_statement(cities):
    querysets = [_REGIONS(cities), _ORGANISATIONS(cities), _USERS(cities)]
    with CaptureQueriesContext(connection) as queries:
        read_together(*querysets)
        regions, organisations, users = (list(qs) for qs in querysets)
    assert len(queries) == 1
    assert "UNION ALL" in queries[0]["sql"]
    expected = _orm(cities)
    assert sorted(regions, key=lambda r: r.pk) == expected[0]
    assert [r.parent.name for r in regions] == ["省"] * 3  # joined, read with its row
    assert [(o.pk, o.name, o.members_count) for o in sorted(organisations, key=lambda o: o.pk)] == [
        (o.pk, o.name, o.members_count) for o in expected[1]
    ]
    assert sorted(users) == expected[2]
    assert {type(u[2]) for u in users} == {datetime}  # converted as the ORM converts them
    assert sorted(u[1] for u in users) == [False, True]


def test_a_query_with_no_rows_gets_none_and_the_others_theirs(cities):
    regions, users = _REGIONS([cities[2]]), _USERS([cities[2]])
    read_together(regions, users)
    assert [r.pk for r in regions] == [cities[2]]
    assert list(users) == []


def test_prefetches_of_a_query_read_together_still_run(cities):
    with_organisations = compiled(
        lambda pks: (
            Region.objects.filter(pk__in=pks)
            .prefetch_related(Prefetch("organisations", Organisation.objects.order_by("name")))
            .order_by()
        )
    )
    regions, users = with_organisations(cities[:2]), _USERS(cities[:2])
    with CaptureQueriesContext(connection) as queries:
        read_together(regions, users)
        names = {r.pk: [o.name for o in r.organisations.all()] for r in regions}
    assert len(queries) == 2  # the union, then the prefetch
    assert names == {cities[0]: ["合读测试法院0"], cities[1]: ["合读测试法院1"]}


def test_a_query_of_no_values_is_left_to_the_orm(cities):
    empty, regions = _REGIONS([]), _REGIONS(cities[:1])
    with CaptureQueriesContext(connection) as queries:
        read_together(empty, regions)
        assert list(empty) == []
        assert [r.pk for r in regions] == cities[:1]
    assert len(queries) == 1  # one query left: read as usual, no union


def test_an_ordered_query_is_refused(cities):
    ordered = compiled(lambda pks: Region.objects.filter(pk__in=pks).order_by("code"))
    with pytest.raises(ValueError, match="must not be ordered"):
        read_together(ordered(cities), _USERS(cities))


def test_calls_read_ahead_get_their_rows_without_a_query_once(cities):
    with CaptureQueriesContext(connection) as queries:
        with reading_ahead([(_REGIONS, (cities,)), (_USERS, (list(reversed(cities)),))]):
            read = len(queries)
            regions = [r.pk for r in _REGIONS(list(reversed(cities)))]  # the same values in another order
            users = sorted(_USERS(cities))
            assert len(queries) == read == 1
            again = [r.pk for r in _REGIONS(cities)]  # a second call: read as usual
            assert len(queries) == 2
        after = [r.pk for r in _REGIONS(cities)]
    assert sorted(regions) == sorted(again) == sorted(after) == sorted(cities)
    assert users == _orm(cities)[2]


def test_other_values_than_those_read_ahead_are_read_as_usual(cities):
    with reading_ahead([(_REGIONS, (cities[:1],)), (_USERS, (cities,))]):
        with CaptureQueriesContext(connection) as queries:
            assert sorted(r.pk for r in _REGIONS(cities[1:])) == cities[1:]
    assert len(queries) == 1


def test_an_ordered_query_is_not_read_ahead_but_when_called(cities):
    ordered = compiled(lambda pks: Region.objects.filter(pk__in=pks).order_by("code"))
    with CaptureQueriesContext(connection) as queries:
        with reading_ahead([(ordered, (cities,)), (_REGIONS, (cities,)), (_USERS, (cities,))]):
            assert [r.pk for r in ordered(cities)] == cities
    assert len(queries) == 2  # the union of the two unordered, then the ordered one
