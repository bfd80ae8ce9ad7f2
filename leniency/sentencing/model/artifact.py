"""Saving and loading trained models as versioned artifacts.

`<dir>/sentencing-<version>.joblib` holds the model; `<dir>/sentencing-<version>.json` beside it says
what it is: version, training-data fingerprint, N, cross-validated metrics, parameters. The version is
`<UTC timestamp>-<first 8 hex of the fingerprint>`, so two trainings on the same data are told apart
and a model names the data it learned from.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import joblib

from leniency.sentencing.model.estimator import SentencingModel
from leniency.sentencing.model.features import DENSE_NAMES

PREFIX = "sentencing-"
log = logging.getLogger(__name__)
_lock = threading.Lock()
_loaded: dict[str, tuple[float, SentencingModel | None]] = {}


def fingerprint(items: Iterable[tuple[str, int]]) -> str:
    """sha256 over the (text, months) pairs in order: the training data's identity."""
    digest = hashlib.sha256()
    for text, months in items:
        digest.update(hashlib.sha256(text.encode("utf-8")).digest())
        digest.update(str(months).encode())
    return digest.hexdigest()


def new_version(fp: str, now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    return f"{now:%Y%m%dT%H%M%S}-{fp[:8]}"


def save_model(model: SentencingModel, directory: Path | str) -> Path:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{PREFIX}{model.version}.joblib"
    tmp = path.with_suffix(".tmp")
    joblib.dump(model, tmp, compress=3)
    tmp.replace(path)
    path.with_suffix(".json").write_text(
        json.dumps(model.describe(), ensure_ascii=False, indent=2, default=str), encoding="utf-8"
    )
    return path


class StaleModel(ValueError):
    """A model trained on other features than the engine now gives (a circumstance added since): train it again."""


def load_model(path: Path | str) -> SentencingModel:
    model = joblib.load(path)
    if not isinstance(model, SentencingModel):
        raise ValueError(f"{path}: not a sentencing model artifact")
    if model.features != tuple(DENSE_NAMES):
        raise StaleModel(
            f"{path}: trained on other features than this version of the engine gives; "
            "train it again (leniency sentencing train)"
        )
    return model


def latest_path(directory: Path | str) -> Path | None:
    directory = Path(directory)
    if not directory.is_dir():
        return None
    paths = sorted(directory.glob(f"{PREFIX}*.joblib"))
    return paths[-1] if paths else None  # versions start with a UTC timestamp: the last is the newest


def current_model(directory: Path | str) -> SentencingModel | None:
    """The newest model in `directory` (cached while its file is unchanged), or None when there is none or it was
    trained on other features (logged: the engine answers alone until a model is trained again)."""
    path = latest_path(directory)
    if path is None:
        return None
    mtime = path.stat().st_mtime
    key = str(path)
    with _lock:
        cached = _loaded.get(key)
        if cached is not None and cached[0] == mtime:
            return cached[1]
    try:
        model = load_model(path)
    except StaleModel as error:
        log.warning("%s; until then the engine answers alone", error)
        model = None
    with _lock:
        _loaded.clear()
        _loaded[key] = (mtime, model)
    return model
