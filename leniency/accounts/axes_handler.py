"""Log-in lock-out per account and address (django-axes), plus a limit per address across accounts.

Axes counts failures for one username from one address: five lock that pair. Password spraying tries one
password on many accounts from one address and never reaches five on any; LOGIN_ADDRESS_FAILURE_LIMIT
failures from one address within AXES_COOLOFF_TIME, whatever the usernames, lock that address too (axes's
lockout page, 429). The address is the client's behind the trusted proxies (leniency/client_address.py).
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum

from leniency import clock
from leniency.client_address import client_address


def address_failures(request) -> int:
    address = getattr(request, "axes_ip_address", None) or client_address(request)
    since = clock.now() - settings.AXES_COOLOFF_TIME
    total = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since).aggregate(
        n=Sum("failures_since_start")
    )["n"]
    return total or 0


class AddressAwareAxesHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        if request is not None and address_failures(request) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures
