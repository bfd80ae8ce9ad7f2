"""Login throttling (django-axes): repeated failures lock the username from that address, not everyone."""

import pytest
from django.test import override_settings
from django.urls import reverse

from leniency.testing.personas import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("world")]


@pytest.fixture(autouse=True)
def axes_on():
    with override_settings(AXES_ENABLED=True):
        yield


def _try(client, username, password, ip="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_five_failures_lock_the_account_from_that_address_even_with_the_right_password(client):
    for _ in range(4):
        assert _try(client, "alice", "wrong-password").status_code == 200  # the form again, with its error
    assert _try(client, "alice", "wrong-password").status_code == 429  # the fifth failure locks
    locked = _try(client, "alice", PASSWORD)
    assert locked.status_code == 429 and "已暂停登录" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_another_address_and_another_user_are_not_locked(client):
    for _ in range(5):
        _try(client, "alice", "wrong-password")
    assert _try(client, "alice", PASSWORD, ip="10.0.0.2").status_code == 302
    client.logout()
    assert _try(client, "bob", PASSWORD).status_code == 302


def test_a_success_resets_the_count(client):
    for _ in range(4):
        _try(client, "alice", "wrong-password")
    assert _try(client, "alice", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        _try(client, "alice", "wrong-password")
    assert _try(client, "alice", PASSWORD).status_code == 302
