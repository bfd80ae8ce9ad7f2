"""What each kind of job does: the same functions the command line calls, with a progress counter.

Each runner takes the job and its `Progress` and returns the result in words; a `JobError` (or any exception)
ends the job in an error the page shows.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.utils.translation import gettext as _

from leniency import clock
from leniency.documents import archive
from leniency.jobs.models import Job
from leniency.jobs.progress import Progress


class JobError(Exception):
    """The work could not be done; the message says why, for the person who started it."""


def output_storage(job: Job) -> Storage:
    """A job's output files, in the file storage under `jobs/<id>/` (MEDIA_ROOT/jobs/<id>/ on the local disk, where
    they were written before; a key prefix in an object store): the worker that writes them may be another
    machine than the app server whose page serves them (views.output_file)."""
    return archive.storage_under(f"jobs/{job.pk}")


@contextmanager
def _import_file(job: Job) -> Iterator[Path]:
    """The file to import on this machine: a file uploaded through the page is fetched from the file storage
    into a temporary file (the worker may run on another machine than the server that took the upload); the
    command line names a path the worker can read."""
    stored = job.params.get("stored")
    if not stored:
        yield Path(job.params["path"])
        return
    with tempfile.TemporaryDirectory(prefix="leniency-import-") as tmp:
        path = Path(tmp) / f"upload{Path(stored).suffix}"
        try:
            source = default_storage.open(stored, "rb")
        except OSError as error:  # FileNotFoundError on the disk, an OSError from an object store
            raise JobError(_("文件 %(name)s 不存在") % {"name": job.params.get("name") or stored}) from error
        with source, path.open("wb") as out:
            shutil.copyfileobj(source, out, 1024 * 1024)
        yield path


def corpus_import(job: Job, progress: Progress) -> str:
    with _import_file(job) as path:
        return _corpus_import(job, progress, path)


def _corpus_import(job: Job, progress: Progress, path: Path) -> str:
    from leniency.corpus.importer import Options, import_file, summary
    from leniency.corpus.reader import is_csv

    if not path.exists():
        raise JobError(_("文件 %(name)s 不存在") % {"name": path.name})
    size = None if is_csv(path) else path.stat().st_size
    progress.unit = "B" if size else _("行")

    def on_batch(run):
        progress.update(int(run.position) if size else run.lines_read, size)

    options = Options(workers=int(job.params.get("workers", settings.JOBS_IMPORT_WORKERS)), progress=False)
    run = import_file(path, options, on_batch=on_batch)
    progress.update(size or run.lines_read, size or run.lines_read, force=True)
    # The summary names the file as it was uploaded, not where the server keeps it.
    name = job.params.get("name") or path.name
    if run.imported == 0 and run.duplicates == 0:
        raise JobError(
            _("文件中没有一件可以导入的判决。") + "\n" + summary(run, max_errors=5).replace(str(path), name)
        )
    return summary(run).replace(str(path), name)


def corpus_index(job: Job, progress: Progress) -> str:
    from leniency.corpus.index_build import build_index
    from leniency.corpus.similar import clear_cache, index_dir

    directory = index_dir()
    progress.unit = _("件")
    manifest = build_index(
        directory, on_progress=lambda done, total: progress.update(done, total, force=done == total)
    )
    clear_cache()
    return _("类案索引：%(n)s 件判决，%(charges)s 个罪名") % {
        "n": manifest["n"],
        "charges": manifest["charges"],
    }


def train(job: Job, progress: Progress) -> str:
    from leniency.corpus.training import publish_model, train_from_database

    log = io.StringIO()
    units = {"records": _("件"), "fits": _("次拟合")}

    def on_progress(done: int, total: int, what: str) -> None:
        # Two phases, each its own count: the judgments read, then the models fitted.
        force = progress.unit != units[what] or done == total
        progress.unit = units[what]
        progress.update(done, total, force=force)

    try:
        model = train_from_database(
            folds=int(job.params.get("folds", 5)),
            seed=int(job.params.get("seed", 0)),
            limit=None,
            err=log,
            on_progress=on_progress,
        )
    except ValueError as error:
        raise JobError(str(error)) from error
    # Into the file storage, where every app server finds it at its next request (not this machine's var/).
    artefact = publish_model(model)
    result = _("模型 %(version)s：%(n)s 件判决，用时 %(s).1f 秒，保存于 %(path)s") % {
        "version": model.version,
        "n": model.n_train,
        "s": model.trained_seconds,
        "path": artefact.files[0]["path"].rsplit("/", 1)[0] + "/",
    }
    rows = model.params["rows"]  # which judgments it read (per charge in the model's JSON)
    if rows["sampled"]:  # above LENIENCY_TRAIN_MAX_ROWS
        result += _("（数据库共 %(read)s 件，按罪名分层抽样 %(used)s 件，上限 %(cap)s）") % rows
    return result


def report(job: Job, progress: Progress) -> str:
    from leniency.portal.reports import do_generate_report

    progress.unit = _("步")
    # Its files go into the file storage, where the portal serves them from any app server.
    made = do_generate_report(
        job.params["period"],
        user=job.started_by,
        on_step=lambda done, total: progress.update(done, total, force=True),
    )
    return _("透明度报告 %(period)s：PDF %(size)s 字节，%(cells)s 个单元格因人数过少不予公开") % {
        "period": made.period,
        "size": made.pdf_size,
        "cells": made.suppressed_cells,
    }


def study(job: Job, progress: Progress) -> str:
    from leniency.accounts.models import Organisation
    from leniency.study.analysis import STUDY_STEPS, run_study
    from leniency.study.report import render_html, render_pdf_bytes

    org = Organisation.objects.filter(pk=job.params["org"]).first()
    if org is None:
        raise JobError(_("没有这个检察院"))
    date_from, date_to = date.fromisoformat(job.params["from"]), date.fromisoformat(job.params["to"])
    if date_from > date_to:
        raise JobError(_("起始日期晚于截止日期"))
    steps = STUDY_STEPS + 1  # the analysis's steps, then the report written
    progress.unit = _("步")
    result = run_study(
        org,
        date_from,
        date_to,
        with_model=bool(job.params.get("model", True)),
        on_step=lambda done, total: progress.update(done, steps, force=True),
    )
    storage = output_storage(job)
    storage.save("report.html", ContentFile(render_html(result).encode("utf-8")))
    pdf = storage.save("report.pdf", ContentFile(render_pdf_bytes(result)))
    progress.update(steps, steps, force=True)
    figures = result.figures
    return _("%(org)s：%(persons)s 人，认罪认罚 %(pleaded)s 人，反悔 %(withdrawn)s 人；报告 %(pdf)s") % {
        "org": org.name,
        "persons": figures["persons"],
        "pleaded": figures["pleaded"],
        "withdrawn": figures["withdrawn"],
        "pdf": pdf,
    }


def counsel_escalate(job: Job, progress: Progress) -> str:
    from leniency.counsel.rota import do_escalate_overdue

    escalated = do_escalate_overdue(as_of=clock.now())
    return _("%(n)s 个指派超过响应时限，已升级") % {"n": len(escalated)}


def oversight_escalate(job: Job, progress: Progress) -> str:
    from leniency.oversight.reports import escalate_overdue

    petitions = escalate_overdue()
    return _("%(n)s 件超期未答复的举报已移交监督评议委员会") % {"n": len(petitions)}


RUNNERS: dict[str, Callable[[Job, Progress], str]] = {
    Job.Kind.CORPUS_IMPORT: corpus_import,
    Job.Kind.CORPUS_INDEX: corpus_index,
    Job.Kind.TRAIN: train,
    Job.Kind.REPORT: report,
    Job.Kind.STUDY: study,
    Job.Kind.COUNSEL_ESCALATE: counsel_escalate,
    Job.Kind.OVERSIGHT_ESCALATE: oversight_escalate,
}
