"""The plea's documents as `leniency.documents` models: the 具结书 and the rights notice, each described once and
printed as PDF or Word.

The 具结书 exists in two forms built by the same function. The *original* (`agreement_document` over the
context `agreements.document_context` gives, via the template `plea/agreement_document.html`) is printed once at
generation, with empty signature boxes and the full ID number, archived, and hashed: every signature binds that
hash. A *copy* (`agreement_copy`) is printed for each download from the same record: the signatures held so far
(role, name, time, how it was made, the recording segment, a handwritten image when one is archived), the hash
they bind, a QR code of the verify page, and the ID number masked unless the reader may see it.
"""

from __future__ import annotations

from django.utils import timezone

from leniency.audit.models import AuditEvent
from leniency.cases.stages import Stage
from leniency.documents.archive import archive_storage
from leniency.documents.model import Document, Heading, Signatures, Signer, Table, bold, para

from .agreements import document_context
from .models import PleaAgreement, RightsNotice, Signature

IMAGE_TYPES = ("image/png", "image/jpeg")
SUSPECT_WORD = {Stage.INVESTIGATION: "犯罪嫌疑人", Stage.PROSECUTION_REVIEW: "犯罪嫌疑人"}
MAX_SIGNATURE_IMAGE = 2 * 1024 * 1024


def _date(value) -> str:
    return f"{value:%Y年%m月%d日}" if value else "—"


def agreement_document(
    context: dict, *, show_identity: bool, signatures: Signatures | None = None
) -> Document:
    """The 具结书 from `agreements.document_context(...)`; `signatures`: the block to print (empty boxes if None)."""
    defendant, case = context["defendant"], context["case"]
    word, lawyer = context["suspect_word"], context["lawyer_name"]
    id_number = defendant.id_number if show_identity else defendant.id_number_masked
    charges = "、".join(f"{c.name}罪（《中华人民共和国刑法》{c.article_label}）" for c in context["charges"])
    presence = (
        "依法无需律师签字的情形下" if context["exception_label"] else f"辩护人或值班律师{lawyer}在场见证下"
    )
    blocks = [
        Heading(f"一、{word}身份信息"),
        Table(
            (
                ("姓名", defendant.name, "性别", defendant.get_gender_display()),
                ("出生日期", _date(defendant.birth_date), "民族", defendant.ethnicity),
                ("公民身份号码", (id_number or "—", 3)),
                (
                    "文化程度",
                    defendant.get_education_display() or "—",
                    "职业",
                    defendant.occupation or "—",
                ),
                (
                    "强制措施",
                    (
                        defendant.get_detention_display()
                        + (f"（{_date(defendant.detained_on)}）" if defendant.detained_on else ""),
                        3,
                    ),
                ),
            ),
            label_columns=(0, 2),
        ),
        Heading("二、权利知悉"),
        para(
            "本人已阅读《认罪认罚从宽制度告知书》，且理解并接受其全部内容。本人知悉有权约见值班律师，"
            "知悉在人民法院判决前有权反悔以及反悔的法律后果。"
        ),
        Heading("三、认罪认罚内容"),
        para(
            f"{case.procuratorate}指控本人涉嫌{charges}，本人对指控的犯罪事实和罪名没有异议，自愿如实供述。"
        ),
        para("本人同意人民检察院提出的量刑建议：", bold(context["recommendation_text"]), "。"),
        para(f"本人同意适用{context['procedure_label']}审理。"),
        Heading("四、自愿签署声明"),
        para(
            f"本人学历{defendant.get_education_display() or '—'}，能够阅读和理解汉语。本具结书系本人在{presence}，"
            "经充分了解认罪认罚的性质和法律后果后自愿签署，未受任何暴力、威胁或引诱。"
        ),
    ]
    if context["exception_label"]:
        note = f"（{context['exception_note']}）" if context["exception_note"] else ""
        blocks.append(
            para(
                f"依刑事诉讼法第一百七十四条第二款记录的情形：{context['exception_label']}{note}。"
                "不签署具结书不影响认罪认罚从宽的适用（人民检察院刑事诉讼规则第二百七十二条第三款）。",
                indent=False,
                muted=True,
            )
        )
    blocks.append(Heading("五、签署"))
    blocks.append(
        signatures
        or Signatures(
            (
                Signer(word),
                Signer("辩护人/值班律师" + (f"（{lawyer}）" if lawyer else "")),
                Signer("检察官"),
            ),
            note="本文书的电子签名绑定本文件全部字节的 SHA-256 值；文件的任何改动都会使已有签名失效。"
            "可在平台的具结书核验页核对。",
        )
    )
    generated = timezone.localtime(context["generated_at"])
    return Document(
        title="认罪认罚具结书",
        subtitle=f"{case.procuratorate} · {case.number} · 第{context['version']}版 · 生成于 {generated:%Y年%m月%d日 %H:%M}",
        blocks=tuple(blocks),
        filename=f"plea-agreement-{defendant.pk}-v{context['version']}",
        personal_fields=("name", "particulars", "id_number" if show_identity else "id_number_masked"),
    )


def _signature_image(signature) -> bytes | None:
    """The handwritten signature as archived (PNG or JPEG only: a scanned PDF is named by its hash instead)."""
    name = getattr(signature, "image_file", "")
    if not name or getattr(signature, "image_type", "") not in IMAGE_TYPES:
        return None
    storage = archive_storage()
    if not storage.exists(name) or storage.size(name) > MAX_SIGNATURE_IMAGE:
        return None
    with storage.open(name, "rb") as handle:
        return handle.read()


def _signature_notes(signature) -> tuple[str, ...]:
    notes = []
    capture = getattr(signature, "capture", "")
    if capture:
        notes.append(f"签名方式：{signature.get_capture_display()}")
    if getattr(signature, "image_sha256", ""):
        notes.append(f"签名图像 SHA-256：{signature.image_sha256}")
    if signature.lawyer_present:
        notes.append(f"在场律师：{signature.lawyer_present}")
    if getattr(signature, "attestation", ""):
        notes.append(f"律师确认：{signature.attestation}")
    segment = getattr(signature, "segment_label", "")
    if segment:
        notes.append(f"签署录像：{segment}")
    elif getattr(signature, "no_recording_reason", ""):
        notes.append(f"无签署录像，原因：{signature.no_recording_reason}")
    if signature.status != Signature.Status.VALID:
        notes.append(f"{signature.get_status_display()}：{signature.status_reason}")
    return tuple(notes)


def agreement_signatures(agreement: PleaAgreement, *, word: str, verify_url: str) -> Signatures:
    """One row per role: the latest signature of that role on this version (valid first), or an empty box."""
    by_role: dict[str, Signature] = {}
    for signature in agreement.signatures.select_related("recording").order_by("signed_at", "id"):
        held = by_role.get(signature.role)
        if held is None or held.status != Signature.Status.VALID:
            by_role[signature.role] = signature
    labels = {
        Signature.Role.DEFENDANT: word,
        Signature.Role.LAWYER: "辩护人/值班律师",
        Signature.Role.PROSECUTOR: "检察官",
    }
    signers = []
    for role, label in labels.items():
        signature = by_role.get(role)
        if signature is None:
            signers.append(Signer(label))
            continue
        signers.append(
            Signer(
                label,
                name=signature.signer_name,
                signed_at=signature.signed_at,
                notes=_signature_notes(signature),
                image=_signature_image(signature),
            )
        )
    return Signatures(
        tuple(signers),
        sha256=agreement.sha256,
        verify_url=verify_url,
        note="签名绑定本具结书原件（平台存档文件）全部字节的 SHA-256 值，即上列哈希；本件为依据原件记录打印的签署"
        "文本。扫描二维码或访问核验地址，可核对原件哈希与各签名是否仍然有效。",
    )


def stage_at(defendant, when) -> str:
    """The defendant's stage at `when`, from the trail's stage changes (their current stage if none since)."""
    changes = AuditEvent.objects.filter(
        action="defendant.stage.changed", case_id=defendant.case_id, object_id=str(defendant.pk)
    ).order_by("occurred_at", "seq")
    stage = defendant.stage
    later = changes.filter(occurred_at__gt=when).first()
    if later is not None:
        return later.data.get("from") or stage
    return stage


def agreement_copy(agreement: PleaAgreement, *, show_identity: bool, verify_url: str) -> Document:
    """The 具结书 as it stands now, for a download: the original's wording with its signatures printed."""
    defendant = agreement.defendant
    context = document_context(
        defendant,
        recommendation_text=agreement.recommendation_text,
        procedure=agreement.procedure,
        lawyer_exception=agreement.lawyer_exception,
        exception_note=agreement.exception_note,
        lawyer_name=agreement.lawyer_name,
        version=agreement.version,
        generated_at=agreement.generated_at,
    )
    # the original's word for the person, from the stage they were in when it was generated (not today's)
    context["suspect_word"] = SUSPECT_WORD.get(stage_at(defendant, agreement.generated_at), "被告人")
    signatures = agreement_signatures(agreement, word=context["suspect_word"], verify_url=verify_url)
    return agreement_document(context, show_identity=show_identity, signatures=signatures)


def notice_document(notice: RightsNotice) -> Document:
    """The rights notice (认罪认罚从宽制度告知书) as the defendant was given it."""
    defendant, case = notice.defendant, notice.defendant.case
    rights = []
    if notice.right_procedural:
        rights.append("你依法享有辩护、申请回避、核对笔录、申请变更强制措施等诉讼权利。")
    if notice.right_plea_rules:
        rights.append(
            "犯罪嫌疑人、被告人自愿如实供述自己的罪行，承认指控的犯罪事实，愿意接受处罚的，可以依法从宽处理。"
            "认罪认罚的，应当在辩护人或者值班律师在场的情况下签署认罪认罚具结书。"
        )
    if notice.right_duty_lawyer:
        rights.append(
            "没有委托辩护人的，你有权约见值班律师，获得法律咨询、程序选择建议、对案件处理提出意见等法律帮助。"
        )
    if notice.right_withdraw:
        rights.append(
            "你签署具结书后有权反悔。反悔的，具结书失效，检察机关将依法全面审查、提出量刑建议，不再依认罪认罚给予"
            "从宽；一审判决后上诉的，检察机关可以依法抗诉，二审不受上诉不加刑的限制。"
        )
    acknowledgement = notice.acknowledgement if notice.acknowledged else f"被告知人未确认知悉。{notice.notes}"
    notified = timezone.localtime(notice.notified_at)
    return Document(
        title="认罪认罚从宽制度告知书",
        subtitle=f"{case.number} · {notice.get_authority_display()} · 依据：{notice.legal_basis}",
        addressee=f"{defendant.name}：",
        blocks=(
            para("根据《中华人民共和国刑事诉讼法》的规定，现将认罪认罚从宽制度的有关内容告知如下："),
            *(para(f"{i}. {text}") for i, text in enumerate(rights, start=1)),
            Table(
                (
                    ("告知阶段", notice.get_stage_display(), "告知时间", f"{notified:%Y年%m月%d日 %H:%M}"),
                    ("告知人", notice.notified_by_name, "告知方式", notice.get_method_display()),
                    ("告知语言", notice.language, "翻译人员", notice.interpreter or "—"),
                ),
                label_columns=(0, 2),
            ),
            Heading("被告知人确认"),
            para(acknowledgement),
            Signatures((Signer("被告知人"), Signer("告知人", name=notice.notified_by_name))),
        ),
        filename=f"rights-notice-{notice.pk}",
        personal_fields=("name",),
    )
