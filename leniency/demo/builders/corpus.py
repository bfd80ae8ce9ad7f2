"""Demo data for the corpus app, built after the demo province exists (see leniency.demo.extensions).

Writes a synthetic judgment corpus (marked synthetic: never used to claim accuracy), imports it, and —
for a full-size demo — builds the similar-case index and trains a model on it, so that the
recommendation page answers offline. The corpus is 2.5 judgments per demo defendant (5,000 for the
standard 2,000 defendants, at least 200); small demos (the demo's own tests) skip the index and the
model, which would be written under var/.
"""

import tempfile
import time
from pathlib import Path

from leniency.cases.models import Defendant
from leniency.corpus.importer import Options, import_file
from leniency.corpus.index_build import build_index
from leniency.corpus.models import Judgment
from leniency.corpus.recommend import model_dir
from leniency.corpus.similar import clear_cache, index_dir
from leniency.corpus.training import train_from_database
from leniency.demo.corpus_synth import write
from leniency.sentencing.model import save_model

FULL_SIZE_FROM = 1000
PER_DEFENDANT = 2.5
MAX_SIZE = 5000


def build(*, seed: int, today, stdout) -> str | None:
    """Add this app's demo rows once; return a one-line summary, or None when there was nothing to add."""
    if Judgment.objects.filter(synthetic=True).exists():
        return None
    start = time.perf_counter()
    n = int(min(MAX_SIZE, max(200, PER_DEFENDANT * Defendant.objects.count())))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic-demo.jsonl"
        write(path, n, seed, workers=2)
        run = import_file(path, Options(workers=2, progress=False))
    extra = ""
    if run.imported >= FULL_SIZE_FROM:
        build_index(index_dir())
        clear_cache()
        model = train_from_database(folds=0, seed=seed, err=stdout)
        model.params["trained_on"] = "synthetic demo corpus (not evidence of accuracy)"
        save_model(model, model_dir())
        extra = f"，类案索引与模型 {model.version}（合成数据，仅供演示）"
    return f"判决库：{run.imported} 件合成判决{extra}（{time.perf_counter() - start:.0f} 秒）"
