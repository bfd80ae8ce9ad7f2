"""The plea process of one defendant: rights notices (权利告知), plea agreements (具结书) and their signatures,
the court's voluntariness review (自愿性审查) and withdrawals (反悔). State changes live in the service modules.

Nothing here is ever deleted: a regenerated agreement supersedes the old one (whose signatures are voided),
a withdrawal marks the agreement lapsed; both stay on file.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency.cases.models import Defendant
from leniency.cases.stages import Procedure, Stage

from .checklist import ITEMS_BY_KEY
from .taxonomy import Consequence, WithdrawalReason, WithdrawalStage


class RightsNotice(models.Model):
    """Who told the suspect or defendant which rights, at which stage, how, and whether they acknowledged it."""

    class Authority(models.TextChoices):
        POLICE = "police", _("公安机关")
        PROCURATORATE = "procuratorate", _("人民检察院")
        COURT = "court", _("人民法院")

    class Method(models.TextChoices):
        WRITTEN = "written", _("书面告知")
        ORAL = "oral", _("口头告知")
        BOTH = "both", _("书面并口头告知")

    defendant = models.ForeignKey(
        Defendant,
        verbose_name=_("犯罪嫌疑人/被告人"),
        on_delete=models.PROTECT,
        related_name="rights_notices",
    )
    stage = models.CharField(_("诉讼阶段"), max_length=30, choices=Stage.choices)
    authority = models.CharField(_("告知机关"), max_length=20, choices=Authority.choices)
    notified_by_name = models.CharField(_("告知人"), max_length=50)
    notified_at = models.DateTimeField(_("告知时间"))
    right_procedural = models.BooleanField(_("诉讼权利"), default=True)
    right_plea_rules = models.BooleanField(_("认罪认罚从宽的法律规定"), default=True)
    right_duty_lawyer = models.BooleanField(_("有权约见值班律师"), default=True)
    right_withdraw = models.BooleanField(_("有权反悔及反悔的后果"), default=True)
    method = models.CharField(_("告知方式"), max_length=10, choices=Method.choices, default=Method.BOTH)
    language = models.CharField(_("告知语言"), max_length=30, default="汉语普通话")
    interpreter = models.CharField(_("翻译人员"), max_length=50, blank=True)
    acknowledged = models.BooleanField(_("已确认知悉"), default=False)
    acknowledgement = models.CharField(_("确认内容"), max_length=300, blank=True)
    notes = models.TextField(_("备注"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("记录人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("记录时间"))

    class Meta:
        verbose_name = _("权利告知")
        verbose_name_plural = _("权利告知")
        ordering = ["defendant", "notified_at", "id"]

    def __str__(self):
        return f"{self.defendant} · {self.get_authority_display()} · {self.notified_at:%Y-%m-%d}"

    @property
    def legal_basis(self) -> str:
        return {
            self.Authority.POLICE: "刑事诉讼法第一百二十条第二款",
            self.Authority.PROCURATORATE: "刑事诉讼法第一百七十三条第二款",
            self.Authority.COURT: "刑事诉讼法第一百九十条第二款；最高人民法院刑诉法解释第三百五十一条",
        }[self.authority]

    def rights(self) -> list[str]:
        names = ("right_procedural", "right_plea_rules", "right_duty_lawyer", "right_withdraw")
        return [str(self._meta.get_field(n).verbose_name) for n in names if getattr(self, n)]


class PleaAgreement(models.Model):
    """One version of a defendant's 具结书: a stored PDF and the SHA-256 of its exact bytes.

    A new final recommendation leads to a new version; the old one is superseded and its signatures voided.
    """

    class Status(models.TextChoices):
        AWAITING = "awaiting", _("待签署")
        SIGNED = "signed", _("已签署")
        SUPERSEDED = "superseded", _("已被新版本取代")
        LAPSED = "lapsed", _("因反悔失效")

    class LawyerException(models.TextChoices):
        """CPL art. 174 ¶2: cases where no 具结书 signature is needed (so no lawyer's signature either)."""

        NONE = "", _("不适用（律师应在场并签字）")
        DISABILITY = "disability", _("盲、聋、哑人，或尚未完全丧失辨认或控制能力的精神病人")
        MINOR_OBJECTION = "minor_objection", _("未成年人的法定代理人、辩护人对认罪认罚有异议")
        OTHER = "other", _("其他不需要签署具结书的情形")

    defendant = models.ForeignKey(
        Defendant,
        verbose_name=_("犯罪嫌疑人/被告人"),
        on_delete=models.PROTECT,
        related_name="plea_agreements",
    )
    version = models.PositiveIntegerField(_("版本"))
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.AWAITING)
    recommendation_id = models.PositiveBigIntegerField(_("量刑建议编号"), null=True, blank=True)
    recommendation_text = models.CharField(_("量刑建议"), max_length=300)
    charges_text = models.CharField(_("指控罪名"), max_length=300)
    procedure = models.CharField(_("同意适用的程序"), max_length=20, choices=Procedure.choices)
    lawyer_exception = models.CharField(
        _("不需签署的法定情形"), max_length=20, choices=LawyerException.choices, blank=True, default=""
    )
    exception_note = models.CharField(_("情形说明"), max_length=300, blank=True)
    lawyer_name = models.CharField(_("辩护人/值班律师"), max_length=50, blank=True)
    file_name = models.CharField(_("文件"), max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("字节数"))
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("生成人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    generated_at = models.DateTimeField(_("生成时间"))
    signed_at = models.DateTimeField(_("签署完成时间"), null=True, blank=True)
    ended_at = models.DateTimeField(_("失效时间"), null=True, blank=True)
    end_reason = models.CharField(_("失效原因"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("认罪认罚具结书")
        verbose_name_plural = _("认罪认罚具结书")
        ordering = ["defendant", "version"]
        constraints = [
            models.UniqueConstraint(fields=["defendant", "version"], name="plea_agreement_version")
        ]

    def __str__(self):
        return _("具结书（第%(v)s版）") % {"v": self.version}

    @property
    def is_current(self) -> bool:
        return self.status in (self.Status.AWAITING, self.Status.SIGNED)


class Signature(models.Model):
    """One party's signature, binding the SHA-256 of the agreement's bytes at the moment of signing.

    Who: `role` (the signer's role), `signer` (the signer's own account; none for the defendant, whose
    signature the prosecutor records in the room, `recorded_by`), `signer_name`, `signed_at`.
    How: `capture` — the defendant's handwriting drawn on a tablet (a PNG) or a signed paper copy scanned (PDF,
    JPEG or PNG), kept in the archive as `image_file` with its `image_sha256`; the lawyer's `attestation` on
    their own account that they were present and the defendant signed voluntarily after their advice.
    Where it can be seen: `recording` and `recording_start_s`–`recording_end_s`, the segment of the signing's
    recording; or `no_recording_reason`, why there is none (shown to the review committee as a warning).
    """

    class Role(models.TextChoices):
        DEFENDANT = "defendant", _("犯罪嫌疑人/被告人")
        LAWYER = "lawyer", _("辩护人/值班律师")
        PROSECUTOR = "prosecutor", _("检察官")

    class Capture(models.TextChoices):
        ACCOUNT = "account", _("本人账号签署")
        DRAWN = "drawn", _("手写板手写签名")
        SCAN = "scan", _("纸质签名扫描件")

    class Status(models.TextChoices):
        VALID = "valid", _("有效")
        VOID = "void", _("已作废")
        LAPSED = "lapsed", _("因反悔失效")

    agreement = models.ForeignKey(PleaAgreement, on_delete=models.PROTECT, related_name="signatures")
    role = models.CharField(_("签署身份"), max_length=12, choices=Role.choices)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("签署人账号"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signer_name = models.CharField(_("签署人"), max_length=50)
    document_sha256 = models.CharField(_("所签文件 SHA-256"), max_length=64)
    signed_at = models.DateTimeField(_("签署时间"))
    lawyer_present = models.CharField(
        _("在场律师"),
        max_length=50,
        blank=True,
        help_text=_("犯罪嫌疑人签名时在场的辩护人或值班律师：由律师本人以自己的账号确认在场后填入"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("记录人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("状态"), max_length=8, choices=Status.choices, default=Status.VALID)
    status_reason = models.CharField(_("状态说明"), max_length=300, blank=True)
    capture = models.CharField(_("签名方式"), max_length=10, choices=Capture.choices, default=Capture.ACCOUNT)
    image_file = models.CharField(_("签名图像/扫描件存档文件"), max_length=200, blank=True)
    image_type = models.CharField(_("签名图像/扫描件类型"), max_length=40, blank=True)
    image_sha256 = models.CharField(_("签名图像/扫描件 SHA-256"), max_length=64, blank=True)
    image_size = models.PositiveIntegerField(_("签名图像/扫描件字节数"), null=True, blank=True)
    attestation = models.CharField(_("律师在场确认"), max_length=300, blank=True)
    recording = models.ForeignKey(
        "recordings.Recording",
        verbose_name=_("签署录音录像"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    recording_start_s = models.PositiveIntegerField(_("签署片段起（秒）"), null=True, blank=True)
    recording_end_s = models.PositiveIntegerField(_("签署片段止（秒）"), null=True, blank=True)
    no_recording_reason = models.CharField(_("无签署录音录像的原因"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("签名")
        verbose_name_plural = _("签名")
        ordering = ["agreement", "signed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "role"],
                condition=models.Q(status="valid"),
                name="one_valid_signature_per_role",
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()} {self.signer_name}"

    @property
    def segment_label(self) -> str:
        """ "录音录像 #7，00:01:05–00:02:30", or "" when the signature names no recording."""
        if self.recording_id is None:
            return ""
        return _("录音录像 #%(id)s，%(start)s–%(end)s") % {
            "id": self.recording_id,
            "start": clock(self.recording_start_s),
            "end": clock(self.recording_end_s),
        }


def clock(seconds) -> str:
    seconds = int(seconds or 0)
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class VoluntarinessReview(models.Model):
    """The court's structured review (SPC interpretation arts. 349, 351; CPL art. 190 ¶2)."""

    defendant = models.ForeignKey(
        Defendant, verbose_name=_("被告人"), on_delete=models.PROTECT, related_name="voluntariness_reviews"
    )
    agreement = models.ForeignKey(
        PleaAgreement,
        verbose_name=_("审查的具结书"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审查法官"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("审查时间"))
    conclusion = models.TextField(_("审查意见"), blank=True)

    class Meta:
        verbose_name = _("自愿性审查")
        verbose_name_plural = _("自愿性审查")
        ordering = ["defendant", "reviewed_at", "id"]

    def __str__(self):
        return _("自愿性审查 %(date)s") % {"date": f"{self.reviewed_at:%Y-%m-%d}"}

    def open_failures(self):
        return [
            item for item in self.items.all() if item.answer == ReviewItem.Answer.NO and not item.resolved_at
        ]

    @property
    def passed(self) -> bool:
        return not self.open_failures()


class ReviewItem(models.Model):
    class Answer(models.TextChoices):
        YES = "yes", _("符合")
        NO = "no", _("不符合")
        NOT_APPLICABLE = "na", _("不适用")

    review = models.ForeignKey(VoluntarinessReview, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(_("审查事项"), max_length=30)
    answer = models.CharField(_("结论"), max_length=3, choices=Answer.choices)
    note = models.CharField(_("说明"), max_length=500, blank=True)
    resolved_at = models.DateTimeField(_("解决时间"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolution = models.CharField(_("解决情况"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("审查事项")
        verbose_name_plural = _("审查事项")
        ordering = ["review", "id"]
        constraints = [models.UniqueConstraint(fields=["review", "key"], name="one_answer_per_item")]

    def __str__(self):
        return f"{self.key}: {self.answer}"

    @property
    def spec(self):
        return ITEMS_BY_KEY.get(self.key)


class Withdrawal(models.Model):
    """A withdrawal of the plea (反悔) at some stage, its reasons and its consequences (FACTS.md §3.9)."""

    class Initiator(models.TextChoices):
        DEFENDANT = "defendant", _("犯罪嫌疑人/被告人本人")
        LAWYER = "lawyer", _("辩护人/值班律师")
        FAMILY = "family", _("近亲属")
        PROCURATORATE = "procuratorate", _("人民检察院")

    class NonProsecutionDecision(models.TextChoices):
        """SPP Rules art. 278, after a discretionary non-prosecution decision (CPL art. 177 ¶2)."""

        NONE = "", _("不适用")
        NO_CRIME = "no_crime", _("不构成犯罪，改为依刑诉法第一百七十七条第一款作出不起诉决定")
        KEEP = "keep", _("犯罪情节轻微，维持原不起诉决定")
        REVOKE = "revoke", _("撤销原不起诉决定，依法提起公诉")

    defendant = models.ForeignKey(
        Defendant,
        verbose_name=_("犯罪嫌疑人/被告人"),
        on_delete=models.PROTECT,
        related_name="plea_withdrawals",
    )
    stage = models.CharField(_("反悔阶段"), max_length=30, choices=WithdrawalStage.choices)
    defendant_stage = models.CharField(_("当时诉讼阶段"), max_length=30, choices=Stage.choices)
    initiated_by = models.CharField(_("提出人"), max_length=20, choices=Initiator.choices)
    reasons = models.JSONField(_("反悔原因"), default=list)
    other_reason = models.CharField(_("其他原因说明"), max_length=300, blank=True)
    statement = models.TextField(_("陈述"), blank=True)
    consequences = models.JSONField(_("处理后果"), default=list)
    procedure_to = models.CharField(_("程序转为"), max_length=20, choices=Procedure.choices, blank=True)
    protest_note = models.CharField(_("抗诉说明"), max_length=300, blank=True)
    non_prosecution_decision = models.CharField(
        _("不起诉决定的处理"), max_length=20, choices=NonProsecutionDecision.choices, blank=True, default=""
    )
    agreement = models.ForeignKey(
        PleaAgreement,
        verbose_name=_("失效的具结书"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="withdrawals",
    )
    recommendation_id = models.PositiveBigIntegerField(_("失效的量刑建议编号"), null=True, blank=True)
    occurred_at = models.DateTimeField(_("反悔时间"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("记录人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("记录时间"))

    class Meta:
        verbose_name = _("反悔")
        verbose_name_plural = _("反悔")
        ordering = ["defendant", "occurred_at", "id"]

    def __str__(self):
        return f"{self.defendant} · {self.get_stage_display()}"

    def reason_labels(self) -> list[str]:
        labels = [str(WithdrawalReason(r).label) for r in self.reasons if r in WithdrawalReason.values]
        if self.other_reason:
            labels.append(self.other_reason)
        return labels

    def consequence_labels(self) -> list[str]:
        return [str(Consequence(c).label) for c in self.consequences if c in Consequence.values]
