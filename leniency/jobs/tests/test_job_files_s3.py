"""Jobs' output files in the S3-compatible object store (moto's server, leniency/testing/s3.py): what a job
writes goes into the file storage, not the worker's disk, so that the page of any app server serves it. A
study's report lands under `jobs/<id>/` and the job's page offers it to administrators only; a report job's
files are the portal's (portal/reports/), with no second copy."""

from pathlib import Path

import pytest
from django.test import Client

from leniency.jobs.models import Job
from leniency.jobs.services import do_start_job
from leniency.jobs.tasks import execute
from leniency.portal.models import TransparencyReport


@pytest.fixture(autouse=True)
def local_media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")  # must stay empty: the files go to the bucket


def login(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_study_jobs_report_lands_in_the_bucket_and_its_page_serves_it_to_administrators(
    world, s3_archive, tmp_path
):
    job = do_start_job(
        Job.Kind.STUDY,
        {"org": world.procuratorate.pk, "from": "2026-01-01", "to": "2026-12-31", "model": False},
        acting_user=None,
    )
    execute(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert s3_archive.keys() == [f"jobs/{job.pk}/report.html", f"jobs/{job.pk}/report.pdf"]
    assert "report.pdf" in job.result
    assert not any((tmp_path / "media").rglob("*.*"))  # nothing on the worker's disk
    stored = s3_archive.client().get_object(Bucket=s3_archive.bucket, Key=f"jobs/{job.pk}/report.pdf")
    pdf = stored["Body"].read()
    assert pdf.startswith(b"%PDF")

    url = f"/jobs/{job.pk}/files/report.pdf"
    admin = login(world.admin)
    assert f'href="{url}"' in admin.get(f"/jobs/{job.pk}/").content.decode()
    response = admin.get(url)
    assert response.status_code == 200 and response.streaming
    assert b"".join(response.streaming_content) == pdf
    assert admin.get(f"/jobs/{job.pk}/files/other.pdf").status_code == 404
    assert login(world.prosecutor).get(url).status_code == 403
    assert Client().get(url).status_code == 302  # to the log-in page


def test_a_report_jobs_files_are_the_portals_in_the_bucket(world, s3_archive, tmp_path):
    job = do_start_job(Job.Kind.REPORT, {"period": "2026-Q3"}, acting_user=world.admin)
    execute(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    report = TransparencyReport.objects.get()
    assert {Path(key).parent.as_posix() for key in s3_archive.keys()} == {"portal/reports"}
    assert f"portal/reports/{report.pdf_file}" in s3_archive.keys()
    assert not any((tmp_path / "media").rglob("*.*"))
    assert "/files/" not in login(world.admin).get(f"/jobs/{job.pk}/").content.decode()
