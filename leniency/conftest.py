import pytest


@pytest.fixture
def world(db):
    """The personas of one case (see leniency/testing/personas.py)."""
    from leniency.testing.personas import build_world

    return build_world()
