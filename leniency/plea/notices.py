"""Rights notification (权利告知): CPL arts. 120 ¶2, 173 ¶2, 190 ¶2 and 36 ¶2 (FACTS.md §3.2)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.cases.stages import CLOSED_STAGES
from leniency.errors import DomainError

from . import access
from .models import RightsNotice

RIGHT_FIELDS = ("right_procedural", "right_plea_rules", "right_duty_lawyer", "right_withdraw")


def do_record_notice(
    defendant,
    *,
    acting_user,
    authority: str,
    notified_by_name: str,
    notified_at: datetime,
    method: str = RightsNotice.Method.BOTH,
    language: str = "汉语普通话",
    interpreter: str = "",
    acknowledged: bool,
    acknowledgement: str = "",
    notes: str = "",
    rights: dict[str, bool] | None = None,
    now: datetime | None = None,
) -> RightsNotice:
    access.check_record_notice(acting_user, defendant)
    now = now or clock.now()
    rights = {name: True for name in RIGHT_FIELDS} | (rights or {})
    if defendant.stage in CLOSED_STAGES:
        raise DomainError(_("此人的案件已经结束，不能再记录权利告知"), field="stage")
    if authority not in RightsNotice.Authority.values:
        raise DomainError(_("未知的告知机关：%(value)s") % {"value": authority}, field="authority")
    if method not in RightsNotice.Method.values:
        raise DomainError(_("未知的告知方式：%(value)s") % {"value": method}, field="method")
    if not notified_by_name.strip():
        raise DomainError(_("请填写告知人"), field="notified_by_name")
    if notified_at > now:
        raise DomainError(_("告知时间不能晚于现在"), field="notified_at")
    if not rights["right_plea_rules"]:
        raise DomainError(
            _("权利告知必须包括认罪认罚从宽的法律规定（刑事诉讼法第一百七十三条第二款）"),
            field="right_plea_rules",
        )
    if not rights["right_withdraw"]:
        raise DomainError(_("权利告知必须说明有权反悔及反悔的后果"), field="right_withdraw")
    language = language.strip() or "汉语普通话"
    if "普通话" not in language and "汉语" not in language and not interpreter.strip():
        raise DomainError(
            _("以%(language)s告知的，须记录翻译人员") % {"language": language}, field="interpreter"
        )
    if acknowledged and not acknowledgement.strip():
        acknowledgement = _("本人已阅读（听取）并理解上述权利和认罪认罚的法律规定。")
    with transaction.atomic():
        notice = RightsNotice.objects.create(
            defendant=defendant,
            stage=defendant.stage,
            authority=authority,
            notified_by_name=notified_by_name.strip(),
            notified_at=notified_at,
            method=method,
            language=language,
            interpreter=interpreter.strip(),
            acknowledged=acknowledged,
            acknowledgement=acknowledgement.strip(),
            notes=notes,
            recorded_by=acting_user,
            recorded_at=now,
            **{k: bool(rights[k]) for k in RIGHT_FIELDS},
        )
        record(
            "plea.notice.recorded",
            actor=acting_user,
            obj=notice,
            case_id=defendant.case_id,
            occurred_at=now,
            data={
                "defendant": defendant.pk,
                "stage": defendant.stage,
                "authority": authority,
                "rights": [k for k in RIGHT_FIELDS if rights[k]],
                "method": method,
                "language": language,
                "interpreter": bool(interpreter.strip()),
                "acknowledged": acknowledged,
            },
        )
    return notice
