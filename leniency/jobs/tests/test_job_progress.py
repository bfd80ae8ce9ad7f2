"""Every kind of long job moves its counter while it works: the values its row takes are recorded as the work
writes them (a recorded sequence, not a timing), for the index, training, the report and the study."""

import pytest
from django.test import override_settings

from leniency.corpus.importer import Options, import_file
from leniency.corpus.models import Artefact
from leniency.demo.corpus_synth import write
from leniency.jobs import tasks
from leniency.jobs.models import Job
from leniency.jobs.progress import Progress
from leniency.jobs.services import do_start_job


@pytest.fixture
def recorded(monkeypatch):
    """The (done, total, unit) the job's row held after each write of its counter, every write kept."""
    seen: list[tuple[int, int | None, str]] = []

    class Recording(Progress):
        def __init__(self, job, **kwargs):
            super().__init__(job, interval=0, **{k: v for k, v in kwargs.items() if k != "interval"})

        def update(self, done, total=None, *, force=False):
            super().update(done, total, force=force)
            seen.append(Job.objects.filter(pk=self.job.pk).values_list("done", "total", "unit").get())

    monkeypatch.setattr(tasks, "Progress", Recording)
    return seen


@pytest.fixture
def corpus(db, tmp_path):
    path = tmp_path / "synthetic.jsonl"
    write(str(path), 240, 5)
    import_file(path, Options(workers=0, progress=False))
    return path


def _run(kind, params=None, user=None) -> Job:
    job = do_start_job(kind, params or {}, acting_user=user)
    tasks.execute(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    return job


def _moves(values: list[tuple[int, int | None, str]], unit: str) -> list[int]:
    """The counts of one phase, checked to rise to their total."""
    phase = [(done, total) for done, total, u in values if u == unit]
    counts = [done for done, _ in phase]
    assert counts == sorted(counts), counts
    assert len(set(counts)) >= 3, counts  # it moved, more than from nothing to everything
    assert phase[-1][0] == phase[-1][1], phase  # and ended at its total
    return counts


def test_the_index_job_counts_the_judgments_it_has_indexed(corpus, recorded, tmp_path, monkeypatch, world):
    monkeypatch.setattr("leniency.corpus.index_build.PROGRESS_EVERY", 50)
    with override_settings(CORPUS_INDEX_DIR=tmp_path / "index"):
        job = _run(Job.Kind.CORPUS_INDEX, user=world.admin)
    assert _moves(recorded, "件") == [0, 50, 100, 150, 200, 240]
    assert (job.done, job.total, job.percent) == (240, 240, 100)


def test_the_training_job_counts_judgments_read_then_models_fitted(
    corpus, recorded, tmp_path, monkeypatch, world
):
    monkeypatch.setattr("leniency.corpus.training.PROGRESS_EVERY", 60)
    with override_settings(SENTENCING_MODEL_DIR=tmp_path / "models"):
        job = _run(Job.Kind.TRAIN, {"folds": 3}, user=world.admin)
    read = _moves(recorded, "件")
    assert read[0] == 0 and read[-1] > 100  # the fixed-term judgments among the 240
    assert _moves(recorded, "次拟合") == [0, 1, 2, 3, 4]  # the model, then three folds of cross-validation
    assert [u for _, _, u in recorded].index("次拟合") > [u for _, _, u in recorded].index("件")
    assert job.unit == "次拟合" and job.done == job.total == 4
    # The model went to the file storage for every server, not into this machine's var/models.
    assert not (tmp_path / "models").exists()
    artefact = Artefact.objects.get(kind=Artefact.Kind.SENTENCING_MODEL)
    assert artefact.version in job.result and f"artefacts/sentencing_model/{artefact.version}/" in job.result


def test_the_report_job_counts_its_steps(recorded, world):
    job = _run(Job.Kind.REPORT, {"period": "2026-Q3"}, user=world.admin)
    assert _moves(recorded, "步") == [1, 2, 3, 4, 5]
    assert job.percent == 100


def test_the_study_job_counts_its_steps_and_the_report_written(recorded, world):
    params = {"org": world.procuratorate.pk, "from": "2026-01-01", "to": "2026-12-31", "model": False}
    job = _run(Job.Kind.STUDY, params, user=world.admin)
    assert _moves(recorded, "步") == [1, 2, 3, 4, 5, 6]
    assert job.percent == 100
