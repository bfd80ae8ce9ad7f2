"""The oversight app's settings, each read with a default so that settings.py need not name them.
(The client's address behind a proxy: LENIENCY_TRUSTED_PROXIES, leniency/client_address.py.)

OVERSIGHT_ANSWER_WORKING_DAYS   working days a supervising body has to answer a public report (15)
OVERSIGHT_REPORTS_PER_HOUR      public reports accepted per client address per hour (5)
OVERSIGHT_STATUS_CHECKS_PER_HOUR  status look-ups per client address per hour (60)
OVERSIGHT_ATTACHMENT_MAX_BYTES  largest attachment (5 MiB)
OVERSIGHT_ATTACHMENT_MAX_FILES  attachments per report (3)
OVERSIGHT_CORRECTION_DAYS       default calendar days to complete an ordered correction (60)
"""

from django.conf import settings

DEFAULTS = {
    "OVERSIGHT_ANSWER_WORKING_DAYS": 15,
    "OVERSIGHT_REPORTS_PER_HOUR": 5,
    "OVERSIGHT_STATUS_CHECKS_PER_HOUR": 60,
    "OVERSIGHT_ATTACHMENT_MAX_BYTES": 5 * 1024 * 1024,
    "OVERSIGHT_ATTACHMENT_MAX_FILES": 3,
    "OVERSIGHT_CORRECTION_DAYS": 60,
}


def get(name: str):
    return getattr(settings, name, DEFAULTS[name])
