"""`reverse` with its result remembered, for URLs written many times a page.

Django's `reverse` finds the pattern, fills its arguments in and checks the result against the pattern's regular
expression on every call, about 10 µs; the case page, its panels and the menus around them write some thirty
URLs a page (issue 21 item 5). A URL depends only on the URLconf, the script prefix, the language (translated
patterns), the namespace's current app and the arguments, which are the key here: nothing a request or a user
changes, and nothing another app server needs (each builds its own). Arguments other than plain ints and
strings go through Django's reverse unchanged.

    cached_reverse("plea_agreement", agreement.pk)      for reverse(name, args=[...])

Templates get it as `{% url %}` after `{% load cached_url %}` (leniency/cases/templatetags/cached_url.py).
"""

from functools import lru_cache

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


@lru_cache(maxsize=16384)  # bounded: at most a few MB of short strings
def _reverse(view_name, args: tuple, current_app, urlconf, prefix: str, language) -> str:
    return reverse(view_name, urlconf=urlconf, args=args, current_app=current_app)


def _forget(*, setting, **kwargs) -> None:
    """Another ROOT_URLCONF (a test's override_settings): the URLs remembered were the old one's."""
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()


setting_changed.connect(_forget)


def cached_reverse(view_name: str, *args, current_app=None) -> str:
    """`reverse(view_name, args=args, current_app=current_app)`, remembered (see the module's docstring) where
    every argument is a plain int or str: not a model (its str may change under the same key), not True (== 1)."""
    if all(type(arg) in (int, str) for arg in args):
        return _reverse(view_name, args, current_app, get_urlconf(), get_script_prefix(), get_language())
    return reverse(view_name, args=args, current_app=current_app)
