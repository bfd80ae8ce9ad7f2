"""The public channel's rate limit counts atomically, and reads the client's address behind the trusted
proxies only (issue 20)."""

import pytest
from axes.helpers import get_client_ip_address
from django.test import RequestFactory

from leniency.client_address import client_address
from leniency.oversight import ratelimit
from leniency.testing.concurrency import at_once


@pytest.mark.django_db
def test_take_allows_the_limit_then_refuses_and_a_use_can_be_given_back():
    assert [ratelimit.take("report", "10.0.0.1", 2) for _ in range(3)] == [True, True, False]
    assert ratelimit.is_limited("report", "10.0.0.1", 2)
    assert ratelimit.take("report", "10.0.0.2", 2)  # another address has its own count
    ratelimit.give_back("report", "10.0.0.1")
    assert ratelimit.take("report", "10.0.0.1", 2) and not ratelimit.take("report", "10.0.0.1", 2)


@pytest.mark.django_db
def test_a_new_window_starts_a_new_count():
    hour = 3600 * 500_000
    assert ratelimit.take("status", "10.0.0.1", 1, now=hour) and not ratelimit.take(
        "status", "10.0.0.1", 1, now=hour
    )
    assert ratelimit.take("status", "10.0.0.1", 1, now=hour + 3600)


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_cannot_all_pass_the_limit():
    outcomes = at_once(lambda i: ratelimit.take("report", "10.9.9.9", 3), n=6)
    assert [o.error for o in outcomes] == [None] * 6
    assert sorted(o.value for o in outcomes) == [False, False, False, True, True, True]


def _request(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().post("/accounts/login/", REMOTE_ADDR=remote, **extra)


def test_without_trusted_proxies_x_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_address(_request("203.0.113.7", "1.1.1.1")) == "203.0.113.7"


def test_behind_one_proxy_the_address_it_saw_is_the_client_not_what_the_client_wrote(settings):
    settings.TRUSTED_PROXIES = 1
    spoofed = _request("10.0.0.2", "6.6.6.6, 198.51.100.4")  # the client wrote 6.6.6.6; the proxy appended
    assert client_address(spoofed) == "198.51.100.4"
    assert client_address(_request("10.0.0.2", "198.51.100.5")) == "198.51.100.5"
    assert client_address(_request("10.0.0.2")) == "10.0.0.2"  # not through the proxy: its own address


def test_behind_two_proxies(settings):
    settings.TRUSTED_PROXIES = 2
    assert client_address(_request("10.0.0.3", "6.6.6.6, 198.51.100.4, 10.0.0.2")) == "198.51.100.4"


def test_axes_and_the_rate_limit_read_the_same_address(settings):
    settings.TRUSTED_PROXIES = 1
    request = _request("10.0.0.2", "6.6.6.6, 198.51.100.4")
    assert get_client_ip_address(request) == ratelimit.client_address(request) == "198.51.100.4"
