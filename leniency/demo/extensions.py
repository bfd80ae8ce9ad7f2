"""The other apps' demo builders, run in this order after the demo province exists.

Each module has `build(*, seed, today, stdout) -> str | None`: it adds its rows once (it must be
idempotent, like the province itself) and returns a one-line summary.
"""

from importlib import import_module

EXTENSIONS = [
    "leniency.corpus.demo",
    "leniency.counsel.demo",
    "leniency.recommendations.demo",
    "leniency.plea.demo",
    "leniency.recordings.demo",
    "leniency.study.demo",
    "leniency.oversight.demo",
    "leniency.portal.demo",
]


def build_extensions(*, seed: int, today, stdout) -> list[str]:
    summaries = []
    for path in EXTENSIONS:
        summary = import_module(path).build(seed=seed, today=today, stdout=stdout)
        if summary:
            summaries.append(summary)
    return summaries
