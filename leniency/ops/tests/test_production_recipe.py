"""Safe by default (issue 20): production settings unless development is asked for, and the README's
production recipe runs as written."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

REPO = Path(__file__).resolve().parents[3]
MARKER = "<!-- recipe: production"


def _production_env(**extra) -> dict:
    """The environment of a shell with none of the project's variables set."""
    env = {
        k: v
        for k, v in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE: the browser tests set it for Playwright in this process; no deployment has it
        if not k.startswith("LENIENCY_")
        and k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(extra)
    return env


def _recipe() -> str:
    readme = (REPO / "README.md").read_text()
    after = readme[readme.index(MARKER) :]
    return re.search(r"```sh\n(.*?)```", after, re.S).group(1)


def test_recipe_runs_as_written_and_passes_the_deployment_checks(tmp_path):
    recipe = _recipe()
    assert "LENIENCY_DEBUG" not in recipe  # production is the default, not something to ask for
    database = tmp_path / "db.sqlite3"
    script = (
        f"export LENIENCY_VAR_DIR={tmp_path / 'var'}\n"
        + recipe.replace(".venv/bin/", f"{REPO}/.venv/bin/")
        .replace("postgres://USER:PASSWORD@HOST:5432/leniency", f"sqlite:///{database}")
        # the server itself: load the application as each worker would, then stop
        .replace("leniency.wsgi --workers 4", "leniency.wsgi --workers 1 --check-config")
    )
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=tmp_path,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout
    env_file = tmp_path / "leniency.env"
    assert (env_file.stat().st_mode & 0o777) == 0o600
    names = [line.split("=", 1)[0] for line in env_file.read_text().splitlines()]
    assert names == ["LENIENCY_SECRET_KEY", "LENIENCY_DATA_KEYS", "LENIENCY_AUDIT_KEYS"]
    assert all(line.split("=", 1)[1] for line in env_file.read_text().splitlines())
    assert database.stat().st_size > 0  # migrated
    assert (tmp_path / "var" / "static" / "staticfiles.json").exists()  # collected, hashed

    # Served as configured: the page names the hashed stylesheet, which is cached for a year.
    served = subprocess.run(
        ["bash", "-c", f'set -a && . ./leniency.env && set +a && {REPO}/.venv/bin/python -c "$SNIPPET"'],
        cwd=tmp_path,
        env=_production_env(
            SNIPPET=SERVE_SNIPPET,
            DATABASE_URL=f"sqlite:///{database}",
            LENIENCY_VAR_DIR=str(tmp_path / "var"),
            LENIENCY_ALLOWED_HOSTS="leniency.example.cn",
            LENIENCY_TLS="1",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert served.returncode == 0, served.stderr
    css, cache_control = served.stdout.split()
    assert re.fullmatch(r"/static/leniency/leniency\.[0-9a-f]{12}\.css", css)
    assert "max-age=315360000" in cache_control and "immutable" in cache_control


SERVE_SNIPPET = """
import os, re, django
os.environ["DJANGO_SETTINGS_MODULE"] = "leniency.settings"
django.setup()
from django.test import Client
client = Client(HTTP_HOST="leniency.example.cn", HTTP_X_FORWARDED_PROTO="https")
page = client.get("/login/").content.decode()
css = re.search(r'href="(/static/leniency/leniency[^"]*\\.css)"', page).group(1)
print(css, client.get(css)["Cache-Control"].replace(" ", ""))
"""


def test_a_production_start_without_keys_refuses_naming_the_variable(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", "import leniency.wsgi"],
        cwd=REPO,
        env=_production_env(LENIENCY_VAR_DIR=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "ImproperlyConfigured: LENIENCY_SECRET_KEY is not set" in done.stderr


def test_a_production_start_without_the_audit_key_refuses(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", "import leniency.wsgi"],
        cwd=REPO,
        env=_production_env(
            LENIENCY_VAR_DIR=str(tmp_path),
            LENIENCY_SECRET_KEY="s" * 60,
            LENIENCY_DATA_KEYS="Ho-NelhEFwbX3TXpgbI23muHAiZu7CB4U0zMLTFJ5ww=",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "ImproperlyConfigured: LENIENCY_AUDIT_KEYS is not set" in done.stderr


def test_deploy_checks_refuse_development_settings():
    with override_settings(DEBUG=True, TLS=False, ALLOWED_HOSTS=["127.0.0.1", "localhost"]):
        with pytest.raises(SystemCheckError) as raised:
            call_command("check", deploy=True)
    message = str(raised.value)
    for check in ("leniency.E001", "leniency.E002", "leniency.E004", "leniency.E005"):
        assert check in message
    assert "LENIENCY_DATA_KEYS is not set: its key is derived from the secret key" in message
