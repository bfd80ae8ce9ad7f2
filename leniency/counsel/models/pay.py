"""Compensation (补贴): a configurable fee schedule and claims computed from the participation log.

Legal Aid Law art. 52: the rate is set locally by service type, case cost and labour; no national rule
grades pay by complexity (FACTS.md §4), so every number here is editable data.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency.accounts.models import Region

from .assignment import CounselAssignment


class FeeSchedule(models.Model):
    name = models.CharField(_("名称"), max_length=100)
    region = models.ForeignKey(
        Region, verbose_name=_("适用区域"), null=True, blank=True, on_delete=models.PROTECT
    )
    effective_from = models.DateField(_("生效日期"))
    per_case = models.DecimalField(_("每案基础补贴（元）"), max_digits=10, decimal_places=2)
    per_hour = models.DecimalField(_("每小时补贴（元）"), max_digits=10, decimal_places=2)
    service_rates = models.JSONField(_("按项补贴（元）"), default=dict)  # Service value -> yuan per entry
    severity_weights = models.JSONField(_("罪行轻重加权"), default=dict)  # "minor"/"medium"/"serious" -> +w
    procedure_weights = models.JSONField(_("程序加权"), default=dict)  # Procedure value -> +w
    co_defendant_weight = models.DecimalField(_("每名同案人加权"), max_digits=4, decimal_places=2, default=0)
    extra_charge_weight = models.DecimalField(
        _("每增加一项罪名加权"), max_digits=4, decimal_places=2, default=0
    )
    detention_weight = models.DecimalField(_("在押加权"), max_digits=4, decimal_places=2, default=0)
    max_multiplier = models.DecimalField(_("复杂程度系数上限"), max_digits=4, decimal_places=2, default=2)
    source = models.CharField(_("依据"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("补贴标准")
        verbose_name_plural = _("补贴标准")
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{self.name}（{self.effective_from}）"


class Claim(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("待审核")
        APPROVED = "approved", _("已核准")
        REJECTED = "rejected", _("已退回")

    assignment = models.OneToOneField(CounselAssignment, on_delete=models.PROTECT, related_name="claim")
    lawyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("律师"),
        on_delete=models.PROTECT,
        related_name="counsel_claims",
    )
    schedule = models.ForeignKey(FeeSchedule, on_delete=models.PROTECT, related_name="claims")
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    hours = models.DecimalField(_("用时（小时）"), max_digits=7, decimal_places=2)
    multiplier = models.DecimalField(_("复杂程度系数"), max_digits=4, decimal_places=2)
    amount = models.DecimalField(_("金额（元）"), max_digits=10, decimal_places=2)
    breakdown = models.JSONField(_("计算明细"), default=dict)
    submitted_at = models.DateTimeField(_("提交时间"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    decision_note = models.CharField(_("审核意见"), max_length=500, blank=True)
    exported_at = models.DateTimeField(_("导出支付时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("补贴申请")
        verbose_name_plural = _("补贴申请")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        return f"{self.lawyer} · {self.amount}"
