"""Plea tests: files go to a temporary archive; a stand-in final recommendation until a real one is made."""

from types import SimpleNamespace

import pytest


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


def stand_in_recommendation(pk=9001, months=18):
    return SimpleNamespace(pk=pk, principal_penalty="fixed_term", kind="fixed", months=months, low_months=None,
                           high_months=None, probation=True, probation_months=24, fine_yuan=5000)


@pytest.fixture
def final_rec(monkeypatch):
    """Make `final_recommendation(defendant)` return a stand-in; tests change `.current` to simulate a new one."""
    holder = SimpleNamespace(current=stand_in_recommendation())
    monkeypatch.setattr("leniency.plea.state.final_recommendation", lambda defendant: holder.current)
    monkeypatch.setattr("leniency.plea.agreements.final_recommendation", lambda defendant: holder.current)
    monkeypatch.setattr("leniency.plea.review.final_recommendation", lambda defendant: holder.current)
    monkeypatch.setattr("leniency.plea.withdrawals.final_recommendation", lambda defendant: holder.current)
    monkeypatch.setattr("leniency.plea.story.final_recommendation", lambda defendant: holder.current)
    return holder
