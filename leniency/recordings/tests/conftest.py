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
