"""不起诉: the procuratorate's decision not to prosecute a defendant under review, with its kind and reasons
(CPL arts. 16, 175 ¶4, 177, 282), which closes the defendant; and its 不起诉决定书 (leniency/documents)."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.models import AuditEvent
from leniency.audit.trail import record
from leniency.documents.model import Document, Heading, Table, para
from leniency.errors import DomainError

from . import access
from .models import Defendant, NonProsecution
from .services import _enter_stage
from .stages import Stage

Kind = NonProsecution.Kind
# 附条件不起诉 (CPL art. 282–283): a minor; a test period of six months to one year.
ADULT_AGE = 18
TEST_MONTHS = (6, 12)


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def returned_for_investigation(defendant: Defendant) -> int:
    """How many times the review returned the defendant for supplementary investigation (退回补充侦查)."""
    return sum(
        1
        for data in AuditEvent.objects.filter(
            case_id=defendant.case_id, action="defendant.stage.changed"
        ).values_list("data", flat=True)
        if (data or {}).get("defendant") == defendant.pk
        and data.get("from") == Stage.PROSECUTION_REVIEW
        and data.get("to") == Stage.INVESTIGATION
    )


def do_decide_non_prosecution(
    defendant: Defendant,
    *,
    kind: str,
    reasons: str,
    acting_user,
    ground: str = "",
    test_months: int | None = None,
    decided_on: date | None = None,
) -> NonProsecution:
    access.check_decide_non_prosecution(acting_user, defendant)
    if kind not in Kind.values:
        raise DomainError(_("未知的不起诉类型：%(value)s") % {"value": kind}, field="kind")
    if not (reasons or "").strip():
        raise DomainError(_("请写明不起诉的理由（刑事诉讼法第177条）"), field="reasons")
    decided_on = decided_on or clock.today()
    if kind == Kind.STATUTORY:
        if ground not in NonProsecution.Ground.values:
            raise DomainError(
                _("法定不起诉须写明刑事诉讼法第16条规定的情形或者没有犯罪事实（第177条第1款）"),
                field="ground",
            )
    else:
        ground = ""
    if kind == Kind.DOUBT and returned_for_investigation(defendant) == 0:
        raise DomainError(
            _("证据不足的不起诉，须经补充侦查后仍认为证据不足（刑事诉讼法第175条第4款）"), field="kind"
        )
    if kind == Kind.CONDITIONAL:
        birth = defendant.birth_date
        if birth is None or _age_on(birth, defendant.case.received_on) >= ADULT_AGE:
            raise DomainError(_("附条件不起诉只适用于未成年犯罪嫌疑人（刑事诉讼法第282条）"), field="kind")
        if test_months is None or not TEST_MONTHS[0] <= test_months <= TEST_MONTHS[1]:
            raise DomainError(
                _("附条件不起诉的考验期为六个月以上一年以下（刑事诉讼法第283条）"), field="test_months"
            )
    else:
        test_months = None
    with transaction.atomic():
        current = Defendant.objects.select_for_update().only("stage", "stage_since").get(pk=defendant.pk)
        if current.stage != Stage.PROSECUTION_REVIEW:
            raise DomainError(_("只能对审查起诉阶段的犯罪嫌疑人作出不起诉决定"), field="kind")
        if decided_on < current.stage_since:
            raise DomainError(_("决定日期不能早于审查起诉开始的日期"), field="decided_on")
        defendant.stage, defendant.stage_since = current.stage, current.stage_since
        decision = NonProsecution.objects.create(
            defendant=defendant,
            kind=kind,
            ground=ground,
            reasons=reasons,
            test_months=test_months,
            decided_on=decided_on,
            decided_by=acting_user,
        )
        record(
            "defendant.non_prosecution",
            actor=acting_user,
            obj=defendant,
            case_id=defendant.case_id,
            data={"defendant": defendant.pk, "kind": kind, "ground": ground, "decided_on": decided_on},
        )
        _enter_stage(
            defendant, Stage.NON_PROSECUTION, as_of=decided_on, reason="不起诉", acting_user=acting_user
        )
    return decision


def non_prosecution_document(decision: NonProsecution, *, show_identity: bool) -> Document:
    """The 不起诉决定书: the person (ID number masked unless the reader may see it), the case, the kind, the
    reasons and the legal basis, the rights to a review (CPL arts. 179–181)."""
    d = decision.defendant
    case = d.case
    id_number = (d.id_number if show_identity else d.id_number_masked) or "—"
    person = Table(
        rows=(
            (_("被不起诉人"), d.name, _("性别"), d.get_gender_display()),
            (_("出生日期"), d.birth_date.isoformat() if d.birth_date else "—", _("身份证号"), id_number),
            (_("案由"), (case.title, 3)),
        ),
        label_columns=(0, 2),
    )
    basis = {
        Kind.STATUTORY: _(
            "根据《中华人民共和国刑事诉讼法》第十六条、第一百七十七条第一款的规定，决定对%(name)s不起诉。"
        ),
        Kind.DISCRETIONARY: _(
            "根据《中华人民共和国刑事诉讼法》第一百七十七条第二款的规定，决定对%(name)s不起诉。"
        ),
        Kind.DOUBT: _("根据《中华人民共和国刑事诉讼法》第一百七十五条第四款的规定，决定对%(name)s不起诉。"),
        Kind.CONDITIONAL: _(
            "根据《中华人民共和国刑事诉讼法》第二百八十二条的规定，决定对%(name)s附条件不起诉，考验期为%(months)s个月。"
        ),
    }[decision.kind] % {"name": d.name, "months": decision.test_months or ""}
    blocks = [
        person,
        Heading(_("不起诉的理由")),
        para(decision.reasons),
    ]
    if decision.ground:
        blocks.append(para(decision.get_ground_display()))
    blocks += [
        para(basis),
        para(
            _(
                "被害人如不服本决定，可以自收到本决定书后七日以内向上一级人民检察院申诉，请求提起公诉；也可以不经申诉，"
                "直接向人民法院起诉（刑事诉讼法第180条）。被不起诉人如不服本决定，可以自收到本决定书后七日以内向本院申诉"
                "（刑事诉讼法第181条）。"
            ),
            muted=True,
        ),
    ]
    return Document(
        title=_("不起诉决定书"),
        subtitle=f"{case.procuratorate.name} · {case.number}",
        blocks=tuple(blocks),
        closing=(case.procuratorate.name, decision.decided_on.isoformat()),
        filename=f"non-prosecution-{decision.pk}",
        personal_fields=("id_number",) if show_identity and d.id_number else (),
    )
