"""Recording every read of a defendant's personal data (issue 9: an auditor can list who saw whom)."""

from collections.abc import Iterable

from leniency import clock

from .models import PersonalDataAccess

PARTICULARS = "particulars"  # birth date, gender, ethnicity, education, occupation, detention
IDENTITY = "id_number,phone"


def log_personal_data_read(user, defendants: Iterable, *, fields: str, via: str, path: str = "") -> int:
    """One row per defendant shown (defendants or their ids); returns how many. Anonymous users never see
    personal data."""
    if not getattr(user, "is_authenticated", False):
        return 0
    now = clock.now()
    rows = [
        PersonalDataAccess(
            user=user, defendant_id=getattr(d, "pk", d), fields=fields, via=via, path=path[:255], at=now
        )
        for d in defendants
    ]
    if len(rows) == 1:
        rows[0].save(
            force_insert=True
        )  # one statement, without the BEGIN and COMMIT bulk_create puts around it
    else:
        PersonalDataAccess.objects.bulk_create(rows)
    return len(rows)
