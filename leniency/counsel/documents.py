"""Counsel's documents as `leniency.documents` models, each printed as PDF or Word:

- 通知辩护函 / 通知值班律师函 (`request_letter`): the authority's notice to the legal-aid centre asking it to
  assign a lawyer (CPL art. 35; Legal Aid Law arts. 25, 36: within three days; art. 30 for a duty lawyer), from
  a `CounselRequest` the police, procuratorate or court made. A defendant's own application is not a notice.
- 法律援助指派通知书 / 值班律师指派通知书 (`assignment_notice`): the centre's assignment of a lawyer, to the
  lawyer's firm, from a `CounselAssignment` of a legal-aid or duty lawyer. Retained counsel has none.
"""

from __future__ import annotations

from django.utils import timezone

from leniency.cases.stages import Stage
from leniency.documents.model import Document, Table, bold, para

from .models import CounselAssignment, CounselRequest

AUTHORITY_SOURCES = (
    CounselRequest.Source.POLICE,
    CounselRequest.Source.PROCURATORATE,
    CounselRequest.Source.COURT,
)


def _date(value) -> str:
    return f"{timezone.localtime(value):%Y年%m月%d日}" if value else "—"


def _suspect_word(defendant) -> str:
    return "犯罪嫌疑人" if defendant.stage in (Stage.INVESTIGATION, Stage.PROSECUTION_REVIEW) else "被告人"


def _charges(defendant) -> str:
    names = [f"{c.name}罪" for c in defendant.charges.all()]
    return "、".join(names) or "—"


def _case_table(defendant, *rows) -> Table:
    case = defendant.case
    return Table(
        (
            ("案号", case.number, "办案机关", str(case.court or case.procuratorate)),
            (_suspect_word(defendant), defendant.name, "涉嫌罪名", _charges(defendant)),
            ("强制措施", (defendant.get_detention_display(), 3)),
            *rows,
        ),
        label_columns=(0, 2),
    )


def request_letter(req: CounselRequest) -> Document | None:
    """None for a request the defendant made themselves (an application, not an authority's notice)."""
    if req.source not in AUTHORITY_SOURCES:
        return None
    defendant, centre = req.defendant, req.station.centre
    authority = getattr(req.requested_by, "organisation", None) or req.get_source_display()
    word = _suspect_word(defendant)
    if req.work == CounselRequest.Work.LEGAL_AID:
        title = "通知辩护函"
        ask = (
            "依照《中华人民共和国刑事诉讼法》第三十五条、《中华人民共和国法律援助法》第二十五条、第三十六条的规定，"
            "请你中心在收到本通知后三日内指派律师担任其辩护人，并将指派情况通知本机关。"
        )
    else:
        title = "通知值班律师函"
        ask = (
            "依照《中华人民共和国法律援助法》第三十条、第三十七条的规定，请你中心安排值班律师为其提供法律咨询、"
            "程序选择建议、申请变更强制措施、对案件处理提出意见等法律帮助。"
        )
    blocks = [
        para(
            f"本机关办理的{defendant.name}涉嫌{_charges(defendant)}一案，{word}{defendant.name}没有委托辩护人。",
            ask,
        ),
        _case_table(
            defendant,
            ("通知编号", req.reference, "响应时限", f"{req.response_hours}小时"),
            ("工作站", (str(req.station), 3)),
        ),
    ]
    if req.note:
        blocks.append(para("说明：", req.note))
    return Document(
        title=title,
        subtitle=f"{req.reference} · {defendant.case.number}",
        addressee=f"{centre}：",
        blocks=tuple(blocks),
        closing=(str(authority), _date(req.requested_at)),
        filename=f"counsel-notice-{req.reference}",
        personal_fields=("name", "particulars"),
    )


def assignment_notice(assignment: CounselAssignment) -> Document | None:
    """None for retained counsel (no centre assigned them)."""
    if assignment.kind == CounselAssignment.Kind.RETAINED:
        return None
    defendant, lawyer, req = assignment.defendant, assignment.lawyer, assignment.request
    firm = getattr(lawyer, "organisation", None)
    centre = req.station.centre if req else None
    word = _suspect_word(defendant)
    basis = f"根据{req.get_source_display()}的通知（编号{req.reference}），" if req else ""
    if assignment.kind == CounselAssignment.Kind.LEGAL_AID:
        title = "法律援助指派通知书"
        decision = (
            f"{basis}依照《中华人民共和国刑事诉讼法》第三十五条、《中华人民共和国法律援助法》第二十五条、第三十六条"
            f"的规定，本中心决定指派你所",
            bold(f"{lawyer}律师"),
            f"担任{defendant.name}涉嫌{_charges(defendant)}一案{word}{defendant.name}的辩护人。",
        )
    else:
        title = "值班律师指派通知书"
        decision = (
            f"{basis}依照《中华人民共和国法律援助法》第三十条的规定，本中心指派你所",
            bold(f"{lawyer}律师"),
            f"作为值班律师，为{defendant.name}涉嫌{_charges(defendant)}一案{word}{defendant.name}提供法律咨询、"
            "程序选择建议、申请变更强制措施、对案件处理提出意见等法律帮助。",
        )
    return Document(
        title=title,
        subtitle=f"{defendant.case.number} · {assignment.get_kind_display()}",
        addressee=f"{firm}：" if firm else "",
        blocks=(
            para(*decision),
            _case_table(
                defendant,
                ("律师", str(lawyer), "指派时间", _date(assignment.assigned_at)),
            ),
            para("请接到本通知后及时会见当事人、了解案情，依法履行职责，并在平台登记履职情况。"),
        ),
        closing=(str(centre) if centre else "法律援助机构", _date(assignment.assigned_at)),
        filename=f"counsel-assignment-{assignment.pk}",
        personal_fields=("name", "particulars"),
    )
