"""Legal-aid workstations, their rota periods, requests for a lawyer and each allocation attempt."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency.accounts.models import Organisation
from leniency.cases.models import Case, Defendant

from .policy import Severity


class Station(models.Model):
    """A legal-aid workstation (法律援助工作站) at a detention centre, procuratorate or court."""

    class Kind(models.TextChoices):
        DETENTION_CENTRE = "detention_centre", _("看守所")
        PROCURATORATE = "procuratorate", _("检察院")
        COURT = "court", _("法院")

    name = models.CharField(_("名称"), max_length=200, unique=True)
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    host = models.ForeignKey(
        Organisation, verbose_name=_("派驻单位"), on_delete=models.PROTECT, related_name="legal_aid_stations"
    )
    centre = models.ForeignKey(
        Organisation, verbose_name=_("法律援助中心"), on_delete=models.PROTECT, related_name="stations"
    )

    class Meta:
        verbose_name = _("法律援助工作站")
        verbose_name_plural = _("法律援助工作站")
        ordering = ["host__region__code", "kind"]

    def __str__(self):
        return self.name


class RotaPeriod(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("已公示")

    station = models.ForeignKey(
        Station, verbose_name=_("工作站"), on_delete=models.CASCADE, related_name="periods"
    )
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("公示时间"), null=True, blank=True)
    correction_until = models.DateTimeField(_("纠错期截止"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("排班期")
        verbose_name_plural = _("排班期")
        ordering = ["-starts_on", "station"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="rota_period_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft")
                | models.Q(published_at__isnull=False, correction_until__isnull=False),
                name="published_rota_has_its_correction_window",
            ),
        ]

    def __str__(self):
        return f"{self.station} {self.starts_on}—{self.ends_on}"


class RotaMember(models.Model):
    period = models.ForeignKey(RotaPeriod, on_delete=models.CASCADE, related_name="members")
    lawyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("律师"),
        on_delete=models.PROTECT,
        related_name="rota_memberships",
    )
    position = models.PositiveIntegerField(_("轮值顺序"))
    active = models.BooleanField(_("在册"), default=True)

    class Meta:
        verbose_name = _("排班成员")
        verbose_name_plural = _("排班成员")
        ordering = ["period", "position"]
        constraints = [
            models.UniqueConstraint(fields=["period", "lawyer"], name="one_membership_per_period"),
            models.UniqueConstraint(fields=["period", "position"], name="one_lawyer_per_rota_position"),
        ]

    def __str__(self):
        return f"{self.period} · {self.lawyer}"


class RotaCorrection(models.Model):
    """An objection to the published list during the correction window, by a lawyer or the centre."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("待处理")
        ACCEPTED = "accepted", _("已采纳")
        REJECTED = "rejected", _("未采纳")

    member = models.ForeignKey(RotaMember, on_delete=models.CASCADE, related_name="corrections")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("提出时间"))
    reason = models.CharField(_("理由"), max_length=500)
    decision = models.CharField(
        _("处理结果"), max_length=20, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    answer = models.CharField(_("答复"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("排班纠错")
        verbose_name_plural = _("排班纠错")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision="pending", decided_at__isnull=True)
                | (~models.Q(decision="pending") & models.Q(decided_at__isnull=False)),
                name="rota_correction_decided_when_answered",
            )
        ]

    def __str__(self):
        return f"{self.member} · {self.get_decision_display()}"


class ConflictOfInterest(models.Model):
    """A lawyer who must not help a defendant of this case (the victim's lawyer, a related party)."""

    class Kind(models.TextChoices):
        VICTIM = "victim", _("被害人代理律师")
        CO_DEFENDANT = "co_defendant", _("与同案犯罪嫌疑人、被告人有利害关系")
        OTHER = "other", _("其他利害关系")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="counsel_conflicts")
    lawyer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("律师"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    note = models.CharField(_("说明"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("登记时间"))
    # A tie that has ended (the representation ended, the relation was mistaken); the row stays for the record.
    withdrawn_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    withdrawal_reason = models.CharField(_("撤销理由"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("利益冲突")
        verbose_name_plural = _("利益冲突")

    def __str__(self):
        return f"{self.case} · {self.lawyer}"


class CounselRequest(models.Model):
    """A request for a lawyer for one defendant, with a reference number (申请编号)."""

    class Source(models.TextChoices):
        POLICE = "police", _("公安机关")
        PROCURATORATE = "procuratorate", _("人民检察院")
        COURT = "court", _("人民法院")
        DEFENDANT = "defendant", _("犯罪嫌疑人、被告人本人")

    class Status(models.TextChoices):
        OPEN = "open", _("待指派")
        ASSIGNED = "assigned", _("已指派")
        UNFILLED = "unfilled", _("无可指派律师")
        CANCELLED = "cancelled", _("已撤回")

    class Work(models.TextChoices):
        DUTY = "duty", _("值班律师")
        LEGAL_AID = "legal_aid", _("法律援助律师")

    reference = models.CharField(_("申请编号"), max_length=40, unique=True)
    defendant = models.ForeignKey(
        Defendant, verbose_name=_("当事人"), on_delete=models.CASCADE, related_name="counsel_requests"
    )
    station = models.ForeignKey(
        Station, verbose_name=_("工作站"), on_delete=models.PROTECT, related_name="requests"
    )
    source = models.CharField(_("申请来源"), max_length=20, choices=Source.choices)
    work = models.CharField(_("需要"), max_length=20, choices=Work.choices, default=Work.DUTY)
    severity = models.CharField(
        _("可能判处的刑罚"), max_length=20, choices=Severity.choices, default=Severity.ORDINARY
    )
    opposed_to_co_defendants = models.BooleanField(_("与同案人利益冲突"), default=False)
    note = models.CharField(_("说明"), max_length=500, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("申请时间"))
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.OPEN)
    response_hours = models.PositiveIntegerField(_("响应时限（小时）"))

    class Meta:
        verbose_name = _("律师指派申请")
        verbose_name_plural = _("律师指派申请")
        ordering = ["-requested_at"]
        constraints = [
            # do_request_counsel's guard "此人已有待处理的申请", for requests filed at the same moment too.
            models.UniqueConstraint(
                fields=["defendant"],
                condition=models.Q(status__in=["open", "unfilled"]),
                name="one_pending_request_per_defendant",
            )
        ]

    def __str__(self):
        return self.reference


class Allocation(models.Model):
    """One lawyer given a request: by the rota or by a manual override, with its response deadline."""

    class Method(models.TextChoices):
        ROTA = "rota", _("轮值指派")
        MANUAL = "manual", _("人工指派")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("待响应")
        MET = "met", _("按时响应")
        MISSED = "missed", _("超时未响应")
        REPLACED = "replaced", _("已改派")

    request = models.ForeignKey(CounselRequest, on_delete=models.CASCADE, related_name="allocations")
    lawyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("律师"),
        on_delete=models.PROTECT,
        related_name="counsel_allocations",
    )
    assignment = models.OneToOneField(
        "counsel.CounselAssignment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="allocation",
    )
    method = models.CharField(_("方式"), max_length=10, choices=Method.choices)
    reason = models.CharField(_("理由"), max_length=500, blank=True)
    allocated_at = models.DateTimeField(_("指派时间"))
    due_at = models.DateTimeField(_("响应截止"))
    outcome = models.CharField(_("结果"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING)
    closed_at = models.DateTimeField(_("结束时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("指派记录")
        verbose_name_plural = _("指派记录")
        ordering = ["request", "allocated_at", "id"]
        indexes = [models.Index(fields=["outcome", "due_at"])]
        constraints = [
            # A request waits on one lawyer at a time: the one before is replaced or closed first.
            models.UniqueConstraint(
                fields=["request"],
                condition=models.Q(outcome="pending"),
                name="one_pending_allocation_per_request",
            ),
            models.CheckConstraint(
                condition=models.Q(due_at__gte=models.F("allocated_at")), name="allocation_due_after_made"
            ),
            models.CheckConstraint(
                condition=models.Q(outcome="pending", closed_at__isnull=True)
                | (~models.Q(outcome="pending") & models.Q(closed_at__isnull=False)),
                name="allocation_closed_when_it_has_an_outcome",
            ),
        ]

    def __str__(self):
        return f"{self.request} → {self.lawyer}"


class RequestCounter(models.Model):
    """The last request number given in a year (援值〔2026〕00042号). do_request_counsel locks the year's row
    (SELECT … FOR UPDATE) to take the next one, so two requests filed at once never share a number."""

    year = models.PositiveSmallIntegerField(_("年度"), primary_key=True)
    last = models.PositiveIntegerField(_("已编至"), default=0)

    class Meta:
        verbose_name = _("申请编号计数")
        verbose_name_plural = _("申请编号计数")

    def __str__(self):
        return f"{self.year}: {self.last}"
