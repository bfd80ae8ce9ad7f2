"""Fixtures of the study tests (the L区 district's are in district/conftest.py)."""

import pytest


@pytest.fixture(autouse=True)
def _models_dir(settings, tmp_path):
    """The risk artifact goes to a temporary var/ in every test; Chinese is active (a page in English leaves
    English active in the thread)."""
    from django.utils import translation

    settings.VAR_DIR = tmp_path
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
