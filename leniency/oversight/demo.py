"""Demo data for the oversight app, built after the demo province exists (see leniency.demo.extensions)."""


def build(*, seed: int, today, stdout) -> str | None:
    """Add this app's demo rows once; return a one-line summary, or None when there was nothing to add."""
    return None
