"""Two app servers and a worker on one PostgreSQL and one object store (issue 21 item 3, "must show").

Three processes besides the test's own, each with its own empty var/ and artefact cache, as on three machines:
app servers A and B (gunicorn, on two ports) and a worker (`leniency worker --batch`). What one writes, the
others read through the database and the S3 store (moto's server, leniency/testing/s3.py) only:

- a session opened on A is valid on B (sessions and caches live in the database);
- a recording uploaded through A's page is stored in the bucket and plays, byte for byte, on B;
- a model trained by the worker is published to the bucket, and both A and B answer with it at their next
  request, where before it both answered without a model;
- the study's withdrawal-risk model, published to the bucket by another process (this test's: the world has
  too few signings to fit one), is the one both A and B score with.

PostgreSQL only: three processes writing one SQLite file is not a deployment this project describes (SQLite is
the single-machine default). CI's PostgreSQL pass runs it (LENIENCY_EXPECT_DATABASE makes sure that pass is on
PostgreSQL, so it cannot skip there)."""

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from leniency.corpus.artefacts import publish
from leniency.corpus.importer import Options, import_file
from leniency.corpus.models import Artefact
from leniency.demo.corpus_synth import write
from leniency.jobs.models import Job
from leniency.jobs.services import do_start_job
from leniency.recordings.media import wav_bytes
from leniency.recordings.models import Recording
from leniency.testing.personas import PASSWORD

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.timeout(300),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="several app servers share PostgreSQL"),
]

REPO = Path(__file__).resolve().parents[3]
SETTINGS = """import os
from pathlib import Path

from leniency.settings import CACHES as SHARED_CACHES
from leniency.settings_test import *  # noqa: F403

CACHES = SHARED_CACHES  # the database's cache tables, shared by every server (the tests' own is in memory)
ARTEFACT_CACHE_DIR = Path(os.environ["LENIENCY_ARTEFACT_CACHE_DIR"])  # this machine's copies
"""
THEFT = "被告人张某在超市窃得被害人李某的手机一部，价值人民币5000元。到案后如实供述，系坦白。"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url() -> str:
    db = connection.settings_dict
    auth = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{quote(db['HOST'] or 'localhost', safe='')}:{db['PORT'] or 5432}/{db['NAME']}"


def _machine_env(tmp_path: Path, name: str, s3_env: dict) -> dict:
    """The environment of one machine: the shared database and store, its own var/ and artefact cache."""
    (tmp_path / name).mkdir()
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("LENIENCY_")},
        **s3_env,
        "DJANGO_SETTINGS_MODULE": "two_servers_settings",
        "PYTHONPATH": f"{tmp_path}{os.pathsep}{REPO}",
        "DATABASE_URL": _database_url(),
        "LENIENCY_DEBUG": "1",
        "LENIENCY_VAR_DIR": str(tmp_path / name / "var"),
        "LENIENCY_ARTEFACT_CACHE_DIR": str(tmp_path / name / "artefacts"),
    }


@pytest.fixture
def servers(world, tmp_path, s3_store):
    """App servers A and B under gunicorn; yields (url of A, url of B, the worker's environment)."""
    s3_store.empty()
    (tmp_path / "two_servers_settings.py").write_text(SETTINGS)
    from leniency import settings as production

    with override_settings(CACHES=production.CACHES):
        call_command("createcachetable", verbosity=0)  # the tables the servers' shared caches use
    urls, processes = [], []
    try:
        for name in ("a", "b"):
            port = _free_port()
            gunicorn = [
                str(REPO / ".venv" / "bin" / "gunicorn"),
                "leniency.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                "--workers=1",
                "--threads=4",
                "--log-level=warning",
            ]
            env = _machine_env(tmp_path, name, s3_store.env)
            processes.append(subprocess.Popen(gunicorn, cwd=REPO, env=env, stderr=subprocess.PIPE, text=True))
            urls.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 90
        for url, process in zip(urls, processes, strict=True):
            while True:  # until /healthz answers: the database reached, every migration applied
                try:
                    if requests.get(f"{url}/healthz", timeout=10).status_code == 200:
                        break
                except requests.RequestException:  # not listening yet, or still loading the apps
                    pass
                assert process.poll() is None, f"gunicorn exited: {process.stderr.read()}"
                assert time.monotonic() < deadline, f"{url} did not answer /healthz in 90 s"
                time.sleep(0.2)
        yield urls[0], urls[1], _machine_env(tmp_path, "worker", s3_store.env)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _log_in(session: requests.Session, url: str, username: str) -> None:
    page = session.get(f"{url}/login/")
    assert page.status_code == 200 and "csrftoken" in session.cookies, (page.status_code, page.text[-3000:])
    response = session.post(
        f"{url}/login/",
        data={
            "username": username,
            "password": PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[-500:]


def _model_version(session: requests.Session, url: str) -> str:
    response = session.post(
        f"{url}/corpus/recommend/",
        data={"fact": THEFT, "charge": "盗窃", "csrfmiddlewaretoken": session.cookies["csrftoken"]},
    )
    assert response.status_code == 200, response.text[-500:]
    found = re.search(r"模型版本：([^<]+)</p>", response.text)
    assert found, response.text[-2000:]
    return found.group(1).strip()


def _risk_model_version(session: requests.Session, url: str) -> str | None:
    response = session.get(f"{url}/study/risk/")
    assert response.status_code == 200, response.text[-500:]
    found = re.search(r'data-risk-model="([^"]*)"', response.text)
    return found.group(1) if found else None


def test_two_app_servers_share_sessions_recordings_and_the_trained_model(servers, world, tmp_path, s3_store):
    a, b, worker_env = servers
    browser = requests.Session()  # one browser, behind one address: the load balancer sends it to A or B
    _log_in(browser, a, world.prosecutor.username)

    # A recording uploaded on A: into the bucket, never onto A's disk; B plays it to the same session.
    data = wav_bytes(seconds=0.5)
    response = browser.post(
        f"{a}/recordings/defendants/{world.defendant.pk}/upload/",
        data={
            "session": "notice",
            "recorded_on": "2026-09-02",
            "description": "审查起诉阶段权利告知",
            "csrfmiddlewaretoken": browser.cookies["csrftoken"],
        },
        files={"file": ("notice.wav", data, "audio/wav")},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[-1000:]
    recording = Recording.objects.get()
    assert recording.file_name in s3_store.keys()
    assert not list((tmp_path / "a" / "var").rglob("*.wav"))
    played = browser.get(f"{b}/recordings/{recording.pk}/file/")
    assert played.status_code == 200 and played.content == data
    assert "notice.wav" in browser.get(f"{b}/recordings/{recording.pk}/").text

    # No model anywhere yet: both answer with the calculation alone.
    assert _model_version(browser, a) == _model_version(browser, b) == "未加载模型"

    # The worker trains on the judgment database and publishes the model to the bucket.
    corpus = tmp_path / "corpus.jsonl"
    write(str(corpus), 200, 11)
    import_file(corpus, Options(workers=0, progress=False))
    job = do_start_job(Job.Kind.TRAIN, {"folds": 0}, acting_user=world.admin)
    worker = subprocess.run(
        [sys.executable, "manage.py", "worker", "--batch", "--no-schedule", "--beat", "0"],
        cwd=REPO,
        env=worker_env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, (job.error, worker.stdout[-2000:], worker.stderr[-2000:])
    artefact = Artefact.objects.get(kind=Artefact.Kind.SENTENCING_MODEL)
    assert {f["path"] for f in artefact.files} <= set(s3_store.keys())
    assert not list((tmp_path / "worker" / "var").rglob("sentencing-*"))  # not kept on the worker's disk

    # Both servers answer with it at their next request, each from its own copy of the bucket's files.
    assert _model_version(browser, a) == _model_version(browser, b) == artefact.version
    for name in ("a", "b"):
        copy = tmp_path / name / "artefacts" / "sentencing_model" / artefact.version
        assert sorted(p.name for p in copy.iterdir()) == sorted(f["name"] for f in artefact.files)

    # The withdrawal-risk model: none yet, then the version another process published, on both servers.
    supervisor = requests.Session()
    _log_in(supervisor, a, world.supervisor.username)
    assert _risk_model_version(supervisor, a) is None and _risk_model_version(supervisor, b) is None
    model = {"features": ["detained"], "intercept": -2.0, "coef": {"detained": 1.0}, "n": 40, "auc_cv": 0.7}
    (tmp_path / "risk").mkdir()
    (tmp_path / "risk" / "withdrawal_risk.json").write_text(json.dumps({**model, "trained_on": "L区"}))
    with override_settings(STORAGES=s3_store.storages):
        risk = publish(Artefact.Kind.WITHDRAWAL_RISK, "20260901T000000-test", tmp_path / "risk")
    assert {f["path"] for f in risk.files} <= set(s3_store.keys())
    assert _risk_model_version(supervisor, a) == _risk_model_version(supervisor, b) == risk.version
