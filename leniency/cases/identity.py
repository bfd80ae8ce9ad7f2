"""Resident identity numbers (公民身份号码, GB 11643-1999): 18 characters, the last a check character; the
first six are the address code, an administrative division code of GB/T 2260."""

from datetime import date
from functools import lru_cache

from django.utils.translation import gettext as _
from stdnum import numdb

from leniency.errors import DomainError

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def check_character(first17: str) -> str:
    """The check character of the first 17 digits (ISO 7064 MOD 11-2, as GB 11643 prescribes)."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


@lru_cache(maxsize=4096)
def region_name(code: str) -> str | None:
    """The division a six-digit GB/T 2260 code names ("110101" -> "北京市东城区"), or None when the table
    (python-stdnum's `cn/loc`, every code ever given, abolished ones with their years) has no such code.

    An ID number keeps the code it was first given after its division is renamed or abolished, so any code
    the table has ever held is accepted, whatever the year."""
    if len(code) != 6 or not code.isdigit():
        return None
    info = {k: v for _part, props in numdb.get("cn/loc").info(code) for k, v in props.items()}
    if "county" not in info:
        return None
    county = info["county"].split(",")[-1].rsplit("]", 1)[-1]
    province = info.get("province", "")
    return county if county.startswith(province) else province + county


def birth_date_in(number: str) -> date | None:
    """The date of birth encoded in digits 7–14, or None when they are not a date."""
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def validate_id_number(number: str, *, birth_date: date | None = None) -> str:
    """The number, upper-cased, if it is well formed, its region code a GB/T 2260 code, its check character
    right and its date of birth the given one; otherwise a `DomainError` on the field that is wrong (`id_number` or `birth_date`)."""
    number = (number or "").strip().upper()
    if len(number) != 18 or not number[:17].isdigit() or number[17] not in "0123456789X":
        raise DomainError(_("身份证号应为18位，前17位为数字，末位为数字或X"), field="id_number")
    if region_name(number[:6]) is None:
        raise DomainError(
            _("身份证号前六位地区码 %(code)s 不是GB/T 2260中的行政区划代码，地区码未知")
            % {"code": number[:6]},
            field="id_number",
        )
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
