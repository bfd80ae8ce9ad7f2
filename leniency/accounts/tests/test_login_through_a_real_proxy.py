"""Log-in lock-out through a real reverse proxy (issue 20 item 4), in two processes besides the test's own:
the application under gunicorn with LENIENCY_TRUSTED_PROXIES=1, and a proxy in front of it
(forwarding_proxy.py) that appends the address it was reached from to X-Forwarded-For, as the README's nginx
does. Clients connect to the proxy from different loopback addresses (127.0.0.2, 127.0.0.3, ...), so the
application sees every request come from the proxy and must tell the clients apart by the header.

What it shows: five wrong passwords lock that account for that client only; a client spraying one password
over many accounts is locked by address; neither escapes by writing its own X-Forwarded-For.
test_login_behind_proxy.py checks the same rules in-process, with the header written by hand."""

import http.client
import os
import socket
import sqlite3
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from leniency.testing.personas import PASSWORD

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(90)]

REPO = Path(__file__).resolve().parents[3]
PROXY_SCRIPT = Path(__file__).with_name("forwarding_proxy.py")
SETTINGS = """from leniency.settings_test import *  # noqa: F403
AXES_ENABLED = True  # the test settings switch lock-out off for the test client
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url(tmp_path: Path) -> str:
    """The application process's database: this test's own, with the personas in it (a copy on SQLite,
    whose test database lives in this process's memory)."""
    if connection.vendor == "sqlite":
        copy = tmp_path / "app.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(copy)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{copy}"
    db = connection.settings_dict
    auth = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{quote(db['HOST'] or 'localhost', safe='')}:{db['PORT'] or 5432}/{db['NAME']}"


class Through:
    """Requests to the proxy from one loopback address (the client's)."""

    def __init__(self, port: int, login_path: str):
        self.port, self.login_path, self.token = port, login_path, None

    def request(self, method, source, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, source_address=(source, 0), timeout=30)
        try:
            conn.request(method, self.login_path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response, response.read().decode()
        finally:
            conn.close()

    def log_in(self, username, password, *, source, forged=None) -> tuple[int, str]:
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={self.token}",
        }
        if forged:
            headers["X-Forwarded-For"] = forged
        form = urlencode({"username": username, "password": password, "csrfmiddlewaretoken": self.token})
        response, text = self.request("POST", source, form, headers)
        assert response.getheader("Via") == "1.1 forwarding-proxy"  # it went through the proxy
        return response.status, text


@pytest.fixture
def proxy(world, tmp_path):
    (tmp_path / "proxy_settings.py").write_text(SETTINGS)
    app_port, proxy_port = _free_port(), _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("LENIENCY_")},
        "DJANGO_SETTINGS_MODULE": "proxy_settings",
        "PYTHONPATH": f"{tmp_path}{os.pathsep}{REPO}",
        "DATABASE_URL": _database_url(tmp_path),
        "LENIENCY_DEBUG": "1",
        "LENIENCY_TRUSTED_PROXIES": "1",  # the deployment's setting: one proxy in front
    }
    gunicorn = [
        str(REPO / ".venv" / "bin" / "gunicorn"),
        "leniency.wsgi:application",
        f"--bind=127.0.0.1:{app_port}",
        "--workers=1",
        "--threads=4",
        "--log-level=warning",
    ]
    processes = [
        subprocess.Popen(gunicorn, cwd=REPO, env=env, stderr=subprocess.PIPE, text=True),
        subprocess.Popen([sys.executable, str(PROXY_SCRIPT), str(proxy_port), str(app_port)], cwd=REPO),
    ]
    try:
        through = Through(proxy_port, reverse("login"))
        deadline = time.monotonic() + 60
        while True:  # until the application answers through the proxy
            try:
                response, _ = through.request("GET", "127.0.0.9")
                if response.status == 200:
                    break
            except (ConnectionError, http.client.HTTPException, OSError):
                pass
            app = processes[0]
            assert app.poll() is None, f"gunicorn exited: {app.stderr.read()}"
            assert time.monotonic() < deadline, "the application did not answer through the proxy in 60 s"
            time.sleep(0.2)
        through.token = SimpleCookie(response.getheader("Set-Cookie"))["csrftoken"].value
        yield through
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)


def test_lock_out_per_account_and_per_address_through_a_real_proxy(proxy):
    # Per account and client: the fifth wrong password locks, each try with a different forged X-Forwarded-For.
    limit = settings.AXES_FAILURE_LIMIT
    for n in range(limit - 1):
        status, _ = proxy.log_in("alice", "wrong-password", source="127.0.0.2", forged=f"203.0.113.{n}")
        assert status == 200, n  # the form again, with its error
    assert proxy.log_in("alice", "wrong-password", source="127.0.0.2", forged="203.0.113.98")[0] == 429
    status, text = proxy.log_in("alice", PASSWORD, source="127.0.0.2", forged="203.0.113.99")
    assert status == 429 and "已暂停登录" in text  # that client is locked out of alice, forged header or not
    assert proxy.log_in("alice", PASSWORD, source="127.0.0.3")[0] == 302  # alice herself, from elsewhere

    # Password spraying: one try on each of many accounts, never five on any, a new forged header each time.
    limit = settings.LOGIN_ADDRESS_FAILURE_LIMIT
    for n in range(limit - 1):
        status, _ = proxy.log_in(f"user{n}", "Summer2026!", source="127.0.0.5", forged=f"198.51.100.{n}")
        assert status == 200, n
    assert proxy.log_in(f"user{limit}", "Summer2026!", source="127.0.0.5", forged="192.0.2.1")[0] == 429
    status, text = proxy.log_in("bob", PASSWORD, source="127.0.0.5", forged="192.0.2.2")
    assert status == 429 and "已暂停登录" in text  # the address is locked, for every account
    assert proxy.log_in("bob", PASSWORD, source="127.0.0.6")[0] == 302  # other clients are not
