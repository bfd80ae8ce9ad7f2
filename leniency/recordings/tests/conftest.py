import pytest


@pytest.fixture(autouse=True)
def archive(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "archive")
    return tmp_path / "archive"
