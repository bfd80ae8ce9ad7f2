"""The other apps' demo builders (leniency/demo/builders/), run in this order after the demo province exists.

Each module has `build(*, seed, today, stdout) -> str | None`: it adds its rows once (it must be
idempotent, like the province itself) and returns a one-line summary.
"""

from .builders import corpus, counsel, oversight, plea, portal, recommendations, recordings, study, victims

EXTENSIONS = [corpus, counsel, victims, recommendations, plea, recordings, study, oversight, portal]


def build_extensions(*, seed: int, today, stdout) -> list[str]:
    summaries = []
    for module in EXTENSIONS:
        summary = module.build(seed=seed, today=today, stdout=stdout)
        if summary:
            summaries.append(summary)
    return summaries
