"""Where the development judgments live (`../shared/data` beside the checkout, or $LENIENCY_SHARED_DATA)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def shared_data_dir() -> Path | None:
    """The folder holding cail-term-dev.jsonl etc., or None when this checkout has none beside it."""
    candidates = [os.environ.get("LENIENCY_SHARED_DATA"), REPO_ROOT.parent / "shared" / "data"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "cail-term-dev.jsonl").exists():
            return Path(candidate)
    return None
