"""Quality evaluation: a published rubric, ratings, early warnings, reviews, restrictions and contests."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .assignment import CounselAssignment


class Rubric(models.Model):
    version = models.CharField(_("版本"), max_length=20, unique=True)
    title = models.CharField(_("名称"), max_length=200)
    published_on = models.DateField(_("发布日期"))
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("评价标准")
        verbose_name_plural = _("评价标准")
        ordering = ["-published_on"]

    def __str__(self):
        return f"{self.title}（{self.version}）"


class RubricCriterion(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    code = models.SlugField(_("代码"), max_length=30)
    label = models.CharField(_("评价项目"), max_length=100)
    description = models.CharField(_("评分要点"), max_length=500)
    weight = models.PositiveIntegerField(_("权重"))
    order = models.PositiveIntegerField(_("顺序"), default=0)

    class Meta:
        verbose_name = _("评价项目")
        verbose_name_plural = _("评价项目")
        ordering = ["rubric", "order"]
        constraints = [models.UniqueConstraint(fields=["rubric", "code"], name="unique_criterion_code")]

    def __str__(self):
        return self.label


class RaterKind(models.TextChoices):
    DEFENDANT = "defendant", _("当事人")
    PROCURATORATE = "procuratorate", _("检察院")
    COURT = "court", _("法院")
    ASSOCIATION = "association", _("律师协会")


class Rating(models.Model):
    assignment = models.ForeignKey(CounselAssignment, on_delete=models.CASCADE, related_name="ratings")
    rubric = models.ForeignKey(Rubric, on_delete=models.PROTECT, related_name="ratings")
    rater = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    rater_kind = models.CharField(_("评价方"), max_length=20, choices=RaterKind.choices)
    scores = models.JSONField(_("各项得分"))  # criterion code -> 1..5
    score = models.DecimalField(_("综合得分"), max_digits=3, decimal_places=2)
    complaint = models.BooleanField(_("投诉"), default=False)
    comment = models.CharField(_("评语"), max_length=1000, blank=True)
    rated_at = models.DateTimeField(_("评价时间"))

    class Meta:
        verbose_name = _("履职评价")
        verbose_name_plural = _("履职评价")
        ordering = ["-rated_at"]

    def __str__(self):
        return f"{self.get_rater_kind_display()} · {self.score}"


class WarningKind(models.TextChoices):
    ONLY_AT_SIGNING = "only_at_signing", _("仅在具结书签署时在场")
    NO_MEETING_BEFORE_SIGNING = "no_meeting_before_signing", _("签署前未会见")
    NO_OPINION = "no_opinion", _("未提出书面意见")
    REPEATED_COMPLAINTS = "repeated_complaints", _("多次被投诉")
    MISSED_RESPONSE = "missed_response", _("多次超时未响应")
    # Participation records that do not look like a record of work done (counsel/quality.py, PLAUSIBILITY)
    OVERLONG_DAYS = "overlong_days", _("单日登记用时超出合理工作时间")
    SAME_DURATIONS = "same_durations", _("履职用时多为同一数值")
    LATE_LOGGING = "late_logging", _("履职记录多为事后补登")


class QualityWarning(models.Model):
    """An automatic early warning about one lawyer: warning → review → dismissed or restriction."""

    class Status(models.TextChoices):
        OPEN = "open", _("待审查")
        REVIEW = "review", _("审查中")
        DISMISSED = "dismissed", _("已撤销")
        RESTRICTED = "restricted", _("已限制指派")

    lawyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("律师"),
        on_delete=models.PROTECT,
        related_name="quality_warnings",
    )
    kind = models.CharField(_("预警类型"), max_length=30, choices=WarningKind.choices)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.OPEN)
    detected_at = models.DateTimeField(_("预警时间"))
    window_from = models.DateField(_("统计起始"))
    window_to = models.DateField(_("统计截止"))
    evidence = models.JSONField(
        _("依据"), default=dict
    )  # {"n": …, "hits": …, "rate": …, "assignments": [...]}
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    decision_reason = models.CharField(_("处理理由"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("质量预警")
        verbose_name_plural = _("质量预警")
        ordering = ["-detected_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["lawyer", "kind"],
                condition=models.Q(status__in=["open", "review"]),
                name="one_pending_warning_per_kind",
            )
        ]

    def __str__(self):
        return f"{self.lawyer} · {self.get_kind_display()}"


class Restriction(models.Model):
    lawyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("律师"),
        on_delete=models.PROTECT,
        related_name="counsel_restrictions",
    )
    warning = models.OneToOneField(QualityWarning, on_delete=models.PROTECT, related_name="restriction")
    starts_on = models.DateField(_("限制开始"))
    ends_on = models.DateField(_("限制截止"))
    reason = models.CharField(_("理由"), max_length=1000)
    imposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    lifted_at = models.DateTimeField(_("解除时间"), null=True, blank=True)
    lifted_reason = models.CharField(_("解除理由"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("指派限制")
        verbose_name_plural = _("指派限制")
        ordering = ["-starts_on"]

    def __str__(self):
        return f"{self.lawyer} {self.starts_on}—{self.ends_on}"


class Contest(models.Model):
    """The lawyer's objection to a warning or a restriction, answered by the centre."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待答复")
        UPHELD = "upheld", _("异议成立")
        REJECTED = "rejected", _("异议不成立")

    warning = models.ForeignKey(QualityWarning, on_delete=models.CASCADE, related_name="contests")
    lawyer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    statement = models.TextField(_("异议理由"))
    filed_at = models.DateTimeField(_("提出时间"))
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.PENDING)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    answer = models.CharField(_("答复"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("异议")
        verbose_name_plural = _("异议")
        ordering = ["-filed_at"]

    def __str__(self):
        return f"{self.lawyer} · {self.get_status_display()}"
