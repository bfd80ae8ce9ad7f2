"""The remembered reverse (leniency/cached_reverse.py) and its `{% url %}` (cases/templatetags/cached_url.py) write
what Django's reverse and tag write."""

import pytest
from django.http import HttpResponse
from django.template import engines
from django.test import override_settings
from django.urls import NoReverseMatch, path, reverse, set_script_prefix

from leniency.cached_reverse import cached_reverse

CASES = [
    ("{% url 'case_list' %}", {}),
    ("{% url 'plea_dossier' d %}", {"d": 7}),
    ("{% url 'defendant_identity' c d %}", {"c": 3, "d": 7}),
    ("{% url 'counsel:home' %}", {}),
    ("{% url name d %}", {"name": "recordings_list", "d": 12}),
    ("{% url 'plea_dossier' defendant_id=d %}", {"d": 7}),  # keyword arguments: Django's own node
    ("{% url 'plea_dossier' d as link %}[{{ link }}]", {"d": 7}),
    ("{% url 'no_such_page' as link %}[{{ link }}]", {}),  # as: nothing, no error
    ("{% url 'counsel:warning_action' 5 a %}", {"a": "<b>&'"}),  # escaped as Django's is
    ("{% autoescape off %}{% url 'counsel:warning_action' 5 a %}{% endautoescape %}", {"a": "<b>&'"}),
]


# Another URLconf, for the test that overrides ROOT_URLCONF with this module.
urlpatterns = [path("elsewhere/<int:pk>/", lambda request, pk: HttpResponse(), name="plea_dossier")]


def _render(text, values, cached: bool) -> str:
    load = "{% load cached_url %}" if cached else ""
    return engines["django"].from_string(load + text).render(values)


@pytest.mark.parametrize("text, values", CASES)
def test_the_remembered_url_tag_writes_what_djangos_writes(text, values):
    expected = _render(text, values, cached=False)
    assert _render(text, values, cached=True) == expected
    assert _render(text, values, cached=True) == expected  # the second time, from memory


def test_a_missing_route_or_bad_argument_is_refused_as_by_django():
    with pytest.raises(NoReverseMatch, match="no_such_page"):
        _render("{% url 'no_such_page' %}", {}, cached=True)
    with pytest.raises(NoReverseMatch, match="plea_dossier"):
        _render("{% url 'plea_dossier' d %}", {"d": "not-a-number"}, cached=True)


def test_a_url_is_remembered_per_script_prefix_and_an_unhashable_argument_is_reversed():
    assert cached_reverse("plea_dossier", 7) == reverse("plea_dossier", args=[7]) == "/plea/defendants/7/"
    set_script_prefix("/leniency/")
    try:
        assert cached_reverse("plea_dossier", 7) == "/leniency/plea/defendants/7/"
    finally:
        set_script_prefix("/")
    assert cached_reverse("plea_dossier", 7) == "/plea/defendants/7/"

    class Unhashable(int):
        __hash__ = None

    assert cached_reverse("plea_dossier", Unhashable(8)) == "/plea/defendants/8/"


def test_another_urlconf_is_not_answered_from_the_old_ones_memory():
    assert cached_reverse("plea_dossier", 7) == "/plea/defendants/7/"
    with override_settings(ROOT_URLCONF=__name__):
        assert cached_reverse("plea_dossier", 7) == "/elsewhere/7/"
    assert cached_reverse("plea_dossier", 7) == "/plea/defendants/7/"


def test_equal_arguments_of_other_types_are_other_urls():
    # 1 == True == 1.0, one key: only plain ints and strings are remembered, the others reversed each time.
    for argument in (1, True, 1.0, "1"):
        expected = reverse("counsel:warning_action", args=[5, argument])
        assert cached_reverse("counsel:warning_action", 5, argument) == expected
