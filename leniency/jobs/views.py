"""The pages of background jobs: the history, the import form, one job with its progress bar, the operations
page, and /healthz for the load balancer."""

from __future__ import annotations

import shutil
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from leniency.errors import DomainError, Forbidden
from leniency.jobs.access import can_run_jobs
from leniency.jobs.forms import ImportForm, ReportForm
from leniency.jobs.health import health
from leniency.jobs.models import Job, WorkerBeat
from leniency.jobs.runners import output_storage
from leniency.jobs.schedule import last_runs
from leniency.jobs.services import do_cancel_job, do_start_job


def _admin(request) -> None:
    if not can_run_jobs(request.user):
        raise Forbidden(_("只有系统管理员可以查看后台任务"))


@login_required
def history(request):
    _admin(request)
    jobs = Paginator(Job.objects.select_related("started_by"), 50).get_page(request.GET.get("page"))
    return render(request, "jobs/history.html", {"jobs": jobs, "report_form": ReportForm()})


def _save_upload(upload) -> str:
    """Put the uploaded file into the file storage (the worker that imports it may be another machine); returns
    its name there."""
    suffix = ".csv" if upload.name.lower().endswith(".csv") else ".jsonl"
    return default_storage.save(f"jobs/uploads/{Path(upload.name).stem[:60]}-{upload.size}{suffix}", upload)


@login_required
def corpus_import(request):
    _admin(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        stored = _save_upload(form.cleaned_data["file"])
        job = do_start_job(
            Job.Kind.CORPUS_IMPORT,
            {
                "stored": stored,
                "name": form.cleaned_data["file"].name,
                "workers": settings.JOBS_IMPORT_WORKERS,
            },
            acting_user=request.user,
        )
        return redirect("jobs:detail", pk=job.pk)
    return render(request, "jobs/import.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_POST
def start(request, kind):
    _admin(request)
    params = {}
    if kind == Job.Kind.REPORT:
        form = ReportForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("期间格式应为 2026-Q3 或 2026"))
            return redirect("jobs:history")
        params = {"period": form.cleaned_data["period"]}
    elif kind not in (
        Job.Kind.CORPUS_INDEX,
        Job.Kind.TRAIN,
        Job.Kind.COUNSEL_ESCALATE,
        Job.Kind.OVERSIGHT_ESCALATE,
    ):
        messages.error(request, _("这种任务不能从这里启动"))
        return redirect("jobs:history")
    job = do_start_job(kind, params, acting_user=request.user)
    return redirect("jobs:detail", pk=job.pk)


@login_required
def detail(request, pk):
    _admin(request)
    job = get_object_or_404(Job.objects.select_related("started_by"), pk=pk)
    return render(request, "jobs/detail.html", {"job": job, "files": _output_files(job)})


def _output_files(job: Job) -> list[str]:
    """The files a finished job wrote into the file storage (a study's report), by name."""
    if job.status != Job.Status.SUCCEEDED:
        return []
    try:
        return sorted(output_storage(job).listdir("")[1])
    except FileNotFoundError:  # the local disk: the job wrote none
        return []


@login_required
@require_GET
def output_file(request, pk, name):
    """One of a job's output files, streamed from the file storage (the worker that wrote it may be another
    machine)."""
    _admin(request)
    job = get_object_or_404(Job, pk=pk)
    storage = output_storage(job)
    if name != Path(name).name or name.startswith(".") or not storage.exists(name):
        raise Http404
    return FileResponse(storage.open(name, "rb"), as_attachment=True, filename=name)


@login_required
@require_GET
def progress(request, pk):
    _admin(request)
    job = get_object_or_404(Job, pk=pk)
    return render(request, "jobs/_progress.html", {"job": job})


@login_required
@require_POST
def cancel(request, pk):
    _admin(request)
    job = get_object_or_404(Job, pk=pk)
    try:
        do_cancel_job(job, acting_user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("jobs:detail", pk=pk)


@login_required
def operations(request):
    _admin(request)
    return render(
        request,
        "jobs/operations.html",
        {
            "periodic": last_runs(),
            "workers": WorkerBeat.objects.order_by("-beat_at")[:20],
            "health": health(),
            "disk": shutil.disk_usage(settings.MEDIA_ROOT if Path(settings.MEDIA_ROOT).exists() else "/"),
        },
    )


@require_GET
def healthz(request):
    report = health()
    return JsonResponse(report, status=200 if report["ok"] else 503)
