"""Resident identity numbers (公民身份号码, GB 11643-1999): 18 characters, the last a check character."""

from datetime import date

from django.utils.translation import gettext as _

from leniency.errors import DomainError

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def check_character(first17: str) -> str:
    """The check character of the first 17 digits (ISO 7064 MOD 11-2, as GB 11643 prescribes)."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def birth_date_in(number: str) -> date | None:
    """The date of birth encoded in digits 7–14, or None when they are not a date."""
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def validate_id_number(number: str, *, birth_date: date | None = None) -> str:
    """The number, upper-cased, if it is well formed, its check character right and its date of birth the
    given one; otherwise a `DomainError` on the field that is wrong (`id_number` or `birth_date`)."""
    number = (number or "").strip().upper()
    if len(number) != 18 or not number[:17].isdigit() or number[17] not in "0123456789X":
        raise DomainError(_("身份证号应为18位，前17位为数字，末位为数字或X"), field="id_number")
    born = birth_date_in(number)
    if born is None:
        raise DomainError(_("身份证号中的出生日期（第7至14位）不是有效日期"), field="id_number")
    if check_character(number[:17]) != number[17]:
        raise DomainError(_("身份证号校验码错误（GB 11643），请核对"), field="id_number")
    if birth_date is not None and born != birth_date:
        raise DomainError(
            _("出生日期与身份证号中的出生日期（%(date)s）不一致") % {"date": born.isoformat()},
            field="birth_date",
        )
    return number
