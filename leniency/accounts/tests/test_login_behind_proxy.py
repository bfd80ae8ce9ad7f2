"""Log-in lock-out behind the README's reverse proxy, and against password spraying (issue 20): every request
arrives from the proxy's address; the client is the address the proxy appended to X-Forwarded-For."""

import pytest
from django.test import override_settings
from django.urls import reverse

from leniency.testing.personas import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("world")]
PROXY = "10.0.0.254"


@pytest.fixture(autouse=True)
def behind_a_proxy():
    with override_settings(AXES_ENABLED=True, TRUSTED_PROXIES=1, LOGIN_ADDRESS_FAILURE_LIMIT=6):
        yield


def _try(client, username, password, client_ip, spoofed=""):
    forwarded = f"{spoofed}, {client_ip}" if spoofed else client_ip
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_one_clients_failures_do_not_lock_the_user_out_from_elsewhere(client):
    for _ in range(5):
        _try(client, "alice", "wrong-password", "198.51.100.1")
    assert _try(client, "alice", PASSWORD, "198.51.100.1").status_code == 429  # that client is locked
    assert _try(client, "alice", PASSWORD, "198.51.100.2").status_code == 302  # the real user is not


def test_a_spoofed_x_forwarded_for_does_not_escape_the_lock(client):
    for n in range(5):
        _try(client, "alice", "wrong-password", "198.51.100.1", spoofed=f"203.0.113.{n}")
    assert _try(client, "alice", PASSWORD, "198.51.100.1", spoofed="203.0.113.99").status_code == 429


def test_spraying_many_accounts_from_one_address_locks_the_address(client):
    for username in ("alice", "bob", "carol", "dave", "erin"):  # one try each: no account comes near 5
        assert _try(client, username, "Summer2026!", "198.51.100.7").status_code == 200
    assert (
        _try(client, "frank", "Summer2026!", "198.51.100.7").status_code == 429
    )  # the address's 6th failure
    sprayer = _try(client, "alice", PASSWORD, "198.51.100.7")
    assert sprayer.status_code == 429 and "已暂停登录" in sprayer.content.decode()
    assert _try(client, "alice", PASSWORD, "198.51.100.8").status_code == 302  # other addresses unaffected
