import pytest

from leniency.sentencing.devdata import shared_data_dir


@pytest.fixture
def shared_data():
    """The real development judgments; tests that need them skip, saying why, on a clone without ../shared."""
    path = shared_data_dir()
    if path is None:
        pytest.skip(
            "../shared/data is not beside this checkout (set LENIENCY_SHARED_DATA to run real-case tests)"
        )
    return path
