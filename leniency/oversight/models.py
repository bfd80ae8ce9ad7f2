"""Oversight: the public reporting channel (举报) and the review committee (监督评议委员会).

Public side: `PublicReport` (anyone, no account; a tracking code whose SHA-256 alone is stored),
its `ReportAttachment`s and `ReportReply`s (public replies are shown on the status page, internal notes
are not). A report is routed to a supervising body and must be answered within a number of working days
(`workdays.py`); an overdue report is escalated to the committee as a `Petition`.

Committee side: `Petition` (from a defendant, a lawyer or an escalated report), `PetitionAssignment`
(members, checked for conflicts of interest against `ConflictDeclaration`s and the case record),
`InvestigationNote` (notes and evidence, optionally a link to one of the case's recordings),
`Decision` (one per petition, with reasons) and `Correction` (each correction the decision orders,
followed until done). State changes happen only in `reports.py` and `committee.py`.

For the periodic report: count with `figures.py`; `Decision.Kind` and `Correction.Status` label the rows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency.accounts.models import Organisation, Region
from leniency.cases.models import Case, Defendant
from leniency.encryption import EncryptedCharField


class PublicReport(models.Model):
    """A report from the public (群众举报). The reporter's name and contact are personal data, encrypted at rest."""

    class Kind(models.TextChoices):
        COERCION = "coercion", _("强迫或诱导认罪认罚")
        REPRESENTATION = "representation", _("律师帮助不到位")
        PROCEDURE = "procedure", _("程序违法")
        UNFAIRNESS = "unfairness", _("处理不公")

    class Status(models.TextChoices):
        RECEIVED = "received", _("已受理，待答复")
        ANSWERED = "answered", _("已答复")
        ESCALATED = "escalated", _("已移交监督评议委员会")
        DECIDED = "decided", _("监督评议委员会已作出决定")

    tracking_hash = models.CharField(max_length=64, unique=True)  # SHA-256 of the tracking code
    kind = models.CharField(_("举报类型"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("举报内容"))
    case_number = models.CharField(_("案号"), max_length=60, blank=True)
    case = models.ForeignKey(
        Case,
        verbose_name=_("案件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="public_reports",
    )
    region = models.ForeignKey(
        Region, verbose_name=_("发生地区"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    routed_to = models.ForeignKey(
        Organisation,
        verbose_name=_("承办机关"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="public_reports",
    )
    reporter_name = EncryptedCharField(_("举报人姓名"), blank=True)  # encrypted at rest
    reporter_contact = EncryptedCharField(_("联系方式"), blank=True)  # encrypted at rest
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    received_at = models.DateTimeField(_("受理时间"))
    due_on = models.DateField(_("答复期限"))
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("移交时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("群众举报")
        verbose_name_plural = _("群众举报")
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self):
        return _("举报 #%(pk)s") % {"pk": self.pk}

    def is_overdue(self, today) -> bool:
        return self.status == self.Status.RECEIVED and today > self.due_on


class ReportAttachment(models.Model):
    """A file sent with a report, checked (size, extension and magic bytes) and stored under a random name."""

    report = models.ForeignKey(PublicReport, on_delete=models.CASCADE, related_name="attachments")
    original_name = models.CharField(_("原文件名"), max_length=200)
    kind = models.CharField(_("格式"), max_length=10)
    file_name = models.CharField(_("存档文件"), max_length=200, unique=True)
    size = models.PositiveIntegerField(_("字节数"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        verbose_name = _("举报附件")
        verbose_name_plural = _("举报附件")

    def __str__(self):
        return self.original_name


class ReportReply(models.Model):
    """A reply to a report: public ones appear on the status page, internal notes only to the handlers."""

    report = models.ForeignKey(PublicReport, on_delete=models.CASCADE, related_name="replies")
    text = models.TextField(_("内容"))
    public = models.BooleanField(_("向举报人公开"), default=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("时间"))

    class Meta:
        verbose_name = _("举报答复")
        verbose_name_plural = _("举报答复")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:30]


class Petition(models.Model):
    """A request for review by the committee (申请监督评议)."""

    class Source(models.TextChoices):
        DEFENDANT = "defendant", _("犯罪嫌疑人、被告人申请")
        LAWYER = "lawyer", _("律师申请")
        REPORT = "report", _("群众举报逾期移交")

    class Status(models.TextChoices):
        OPEN = "open", _("待分配")
        UNDER_REVIEW = "under_review", _("审查中")
        DECIDED = "decided", _("已决定，整改跟踪中")
        CLOSED = "closed", _("已办结")

    source = models.CharField(_("来源"), max_length=20, choices=Source.choices)
    committee = models.ForeignKey(
        Organisation, verbose_name=_("监督评议委员会"), on_delete=models.PROTECT, related_name="petitions"
    )
    case = models.ForeignKey(
        Case,
        verbose_name=_("案件"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
    )
    defendant = models.ForeignKey(
        Defendant,
        verbose_name=_("犯罪嫌疑人/被告人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
    )
    report = models.OneToOneField(
        PublicReport,
        verbose_name=_("群众举报"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petition",
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("提交人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject = models.CharField(_("事由"), max_length=200)
    grounds = models.TextField(_("理由"))
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.OPEN)
    filed_at = models.DateTimeField(_("提交时间"))
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("监督评议申请")
        verbose_name_plural = _("监督评议申请")
        ordering = ["-filed_at", "-id"]

    def __str__(self):
        return _("评议申请 #%(pk)s") % {"pk": self.pk}


class ConflictDeclaration(models.Model):
    """A member's declared conflict of interest: with an organisation (e.g. a former employer), a case, or both."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("委员"),
        on_delete=models.CASCADE,
        related_name="conflict_declarations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("相关机构"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    case = models.ForeignKey(
        Case, verbose_name=_("相关案件"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("事由"), max_length=200)
    declared_at = models.DateTimeField(_("申报时间"))

    class Meta:
        verbose_name = _("利益冲突申报")
        verbose_name_plural = _("利益冲突申报")
        ordering = ["member", "-declared_at"]

    def __str__(self):
        return f"{self.member} · {self.reason}"


class PetitionAssignment(models.Model):
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="assignments")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("委员"),
        on_delete=models.PROTECT,
        related_name="petition_assignments",
    )
    lead = models.BooleanField(_("主办"), default=False)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(_("分配时间"))

    class Meta:
        verbose_name = _("评议分工")
        verbose_name_plural = _("评议分工")
        ordering = ["petition", "-lead", "id"]
        constraints = [
            models.UniqueConstraint(fields=["petition", "member"], name="oversight_one_assignment")
        ]

    def __str__(self):
        return f"{self.petition} · {self.member}"


class InvestigationNote(models.Model):
    class Kind(models.TextChoices):
        NOTE = "note", _("调查笔记")
        EVIDENCE = "evidence", _("证据")

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices, default=Kind.NOTE)
    text = models.TextField(_("内容"))
    recording = models.ForeignKey(
        "recordings.Recording",
        verbose_name=_("录音录像"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("时间"))

    class Meta:
        verbose_name = _("调查记录")
        verbose_name_plural = _("调查记录")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:30]


class Decision(models.Model):
    """The committee's decision on a petition, with reasons; ordering kinds come with corrections."""

    class Kind(models.TextChoices):
        REHEARING = "rehearing", _("建议重新审理")
        REINVESTIGATION = "reinvestigation", _("责令重新调查")
        INTERPRETATION = "interpretation", _("作出解释说明")
        SYSTEMIC = "systemic", _("提出制度改进建议")
        DISCIPLINE = "discipline", _("移送纪律处分")
        DISMISS = "dismiss", _("驳回申请")

    petition = models.OneToOneField(Petition, on_delete=models.PROTECT, related_name="decision")
    kind = models.CharField(_("决定类型"), max_length=20, choices=Kind.choices)
    reasons = models.TextField(_("理由"))
    public_summary = models.TextField(_("向举报人公开的结论"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("决定时间"))

    class Meta:
        verbose_name = _("评议决定")
        verbose_name_plural = _("评议决定")
        ordering = ["-decided_at", "-id"]

    def __str__(self):
        return f"{self.petition} · {self.get_kind_display()}"


# Decisions that order something to be done; each comes with at least one Correction.
ORDERING_KINDS = frozenset(
    {Decision.Kind.REHEARING, Decision.Kind.REINVESTIGATION, Decision.Kind.SYSTEMIC, Decision.Kind.DISCIPLINE}
)


class Correction(models.Model):
    """A correction a decision orders (整改), followed until done with evidence of completion."""

    class Status(models.TextChoices):
        OPEN = "open", _("整改中")
        DONE = "done", _("已完成")

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="corrections")
    description = models.TextField(_("整改要求"))
    responsible = models.ForeignKey(
        Organisation, verbose_name=_("责任机关"), on_delete=models.PROTECT, related_name="corrections"
    )
    due_on = models.DateField(_("整改期限"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.OPEN)
    evidence = models.TextField(_("完成情况及证明"), blank=True)
    completed_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("整改事项")
        verbose_name_plural = _("整改事项")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self):
        return self.description[:40]

    def is_overdue(self, today) -> bool:
        return self.status == self.Status.OPEN and today > self.due_on


class RateCount(models.Model):
    """Uses of a public endpoint by one (hashed) address in one window: counted with one conditional UPDATE,
    so that concurrent requests cannot all pass a limit (leniency/oversight/ratelimit.py)."""

    key = models.CharField(max_length=100, unique=True)  # bucket, address digest, window number
    window_ends_at = models.DateTimeField(db_index=True)
    uses = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.key}: {self.uses}"
