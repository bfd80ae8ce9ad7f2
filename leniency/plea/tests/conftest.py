"""Plea tests: files go to a temporary archive; a stand-in final recommendation until a real one is made."""

from types import SimpleNamespace

import pytest

from .helpers import stand_in_recommendation


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
def final_rec(monkeypatch):
    """Make `state.final_recommendation(defendant)` return a stand-in; tests change `.current` to simulate a
    new one. The plea modules look the function up on `state` at call time, so the patch ends with the test."""
    holder = SimpleNamespace(current=stand_in_recommendation())
    monkeypatch.setattr("leniency.plea.state.final_recommendation", lambda defendant: holder.current)
    return holder
