"""Plea tests: files go to a temporary archive; the final recommendation a 具结书 rests on is a real one."""

import pytest

from .helpers import final_recommendation


@pytest.fixture(autouse=True)
def chinese():
    """Service messages are Chinese: a request in English earlier in the thread must not leak into a test."""
    from django.utils import translation

    with translation.override("zh-hans"):
        yield


@pytest.fixture(autouse=True)
def archive(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "archive")
    return tmp_path / "archive"


@pytest.fixture
def final_round(world, archive):
    """The world's defendant's final recommendation, made through the recommendations app's services
    (有期徒刑一年六个月，缓刑二年，并处罚金人民币5,000元)."""
    return final_recommendation(world)
