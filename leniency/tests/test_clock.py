"""The clock a block of code runs at holds for its own thread only, and nothing else moves."""

import threading
from datetime import UTC, datetime

import pytest
from django.utils import timezone

from leniency import clock

MOMENT = datetime(2025, 3, 4, 10, 30, tzinfo=UTC)


def test_running_at_sets_now_and_today_inside_the_block_only():
    with clock.running_at(MOMENT):
        assert clock.now() == MOMENT
        assert clock.today() == timezone.localdate(MOMENT)
    assert clock.now() > MOMENT


def test_another_thread_keeps_the_real_time():
    seen = []
    with clock.running_at(MOMENT):
        worker = threading.Thread(target=lambda: seen.append(clock.now()))
        worker.start()
        worker.join()
    assert seen[0] > MOMENT


def test_a_naive_moment_is_refused():
    with pytest.raises(ValueError, match="aware"):
        with clock.running_at(datetime(2025, 3, 4, 10, 30)):
            pass
