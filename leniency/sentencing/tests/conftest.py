import importlib.util
import os
from pathlib import Path

import pytest

from leniency.sentencing.devdata import shared_data_dir

MISSING = "../shared/data is not beside this checkout (set LENIENCY_SHARED_DATA to run real-case tests)"


def shared_data_or_stop():
    """The shared data's folder. Without it a test skips, saying why, on a clone without ../shared; but CI expects
    the data (.ci/run sets LENIENCY_EXPECT_SHARED_DATA=1), and there the test fails instead of passing unseen."""
    path = shared_data_dir()
    if path is None:
        if os.environ.get("LENIENCY_EXPECT_SHARED_DATA") == "1":
            pytest.fail(f"LENIENCY_EXPECT_SHARED_DATA=1, but {MISSING}")
        pytest.skip(MISSING)
    return path


@pytest.fixture
def shared_data():
    """The real development judgments (shared_data_or_stop)."""
    return shared_data_or_stop()


@pytest.fixture(scope="session")
def parse_penalty():
    """The statute builder's reading of one penalty clause (standards/ is data, not a package: its script loaded)."""
    builder = Path(__file__).resolve().parents[1] / "standards" / "build_brackets.py"
    spec = importlib.util.spec_from_file_location("build_brackets", builder)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.parse_penalty
