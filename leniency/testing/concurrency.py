"""Run a function in several threads at once, each with its own database connection, for the tests of what
two requests at the same moment must not break (a duplicate number, a guard passed twice, a 500)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.db import close_old_connections, connection


@dataclass
class Outcome:
    value: object = None
    error: BaseException | None = None


def at_once(call: Callable[[int], object], n: int = 2, timeout: float = 60) -> list[Outcome]:
    """Start `call(i)` for i in 0..n-1 in n threads released together; return what each returned or raised.

    Each thread opens its own connection (Django's connections are per thread) and closes it at the end.
    The tests that use this must commit for real (`django_db(transaction=True)`): the threads cannot see
    a test's open transaction. On PostgreSQL the calls race. SQLite's in-memory test database (shared
    cache) refuses a second writer at once ("database table is locked") instead of making it wait as a
    database file does (settings.py: IMMEDIATE transactions and a busy timeout), so there the calls take
    turns: the test still shows that the second call, with the first one's rows committed, gives no
    duplicate and no error.
    """
    barrier = threading.Barrier(n)
    outcomes = [Outcome() for _ in range(n)]
    turns = threading.Lock() if connection.vendor == "sqlite" and connection.is_in_memory_db() else None

    def run(i: int) -> None:
        close_old_connections()
        try:
            barrier.wait(timeout)
            if turns is None:
                outcomes[i].value = call(i)
            else:
                with turns:
                    outcomes[i].value = call(i)
        except BaseException as error:  # handed back to the test, which names what it expects
            outcomes[i].error = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    if any(thread.is_alive() for thread in threads):
        raise TimeoutError(f"a thread was still running after {timeout} s")
    return outcomes
