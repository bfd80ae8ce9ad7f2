"""Configurable rules: response targets, workload cap, warning thresholds, access criteria.

FACTS.md: anything that is local policy rather than national law is data an administrator can edit.
The most specific row (district, then city, province, then none) in force on a date applies.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency.accounts.models import Region


class Severity(models.TextChoices):
    """The sentence the requesting authority says the defendant may face."""

    ORDINARY = "ordinary", _("十年以下有期徒刑")
    OVER_TEN = "over_ten", _("十年以上有期徒刑")
    LIFE_OR_DEATH = "life_or_death", _("无期徒刑或死刑")


SEVERITY_ORDER = {Severity.ORDINARY: 0, Severity.OVER_TEN: 1, Severity.LIFE_OR_DEATH: 2}


class CounselPolicy(models.Model):
    region = models.ForeignKey(
        Region,
        verbose_name=_("适用区域"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("留空表示全部区域"),
    )
    effective_from = models.DateField(_("生效日期"))
    response_hours_detained = models.PositiveIntegerField(_("在押人员首次会见时限（小时）"), default=24)
    response_hours_at_liberty = models.PositiveIntegerField(_("非羁押人员首次联系时限（小时）"), default=48)
    workload_cap = models.PositiveIntegerField(_("每名律师统计期内新接指派上限"), default=12)
    workload_window_days = models.PositiveIntegerField(_("工作量统计期（天）"), default=30)
    correction_days = models.PositiveIntegerField(_("排班公示纠错期（天）"), default=3)
    early_intervention_hours = models.PositiveIntegerField(_("早期介入标准（羁押后小时数）"), default=72)
    warning_window_days = models.PositiveIntegerField(_("预警统计期间（天）"), default=365)
    warning_min_cases = models.PositiveIntegerField(_("预警最少案件数"), default=4)
    only_signing_rate = models.DecimalField(
        _("仅在签署时在场比例阈值"), max_digits=3, decimal_places=2, default=0.3
    )
    no_meeting_rate = models.DecimalField(
        _("签署前未会见比例阈值"), max_digits=3, decimal_places=2, default=0.5
    )
    no_opinion_rate = models.DecimalField(
        _("未提出书面意见比例阈值"), max_digits=3, decimal_places=2, default=0.6
    )
    complaint_count = models.PositiveIntegerField(_("投诉次数阈值"), default=2)
    missed_response_count = models.PositiveIntegerField(_("超时未响应次数阈值"), default=3)
    source = models.CharField(_("依据"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("值班律师工作规则")
        verbose_name_plural = _("值班律师工作规则")
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{self.region or _('全部区域')} · {self.effective_from}"


class AccessCriterion(models.Model):
    """A condition a lawyer must meet for a kind of work (e.g. Legal Aid Law art. 26: 3 years for life/death)."""

    class Work(models.TextChoices):
        ANY = "any", _("全部")
        DUTY = "duty", _("值班律师")
        LEGAL_AID = "legal_aid", _("法律援助律师")

    work = models.CharField(_("工作类型"), max_length=20, choices=Work.choices, default=Work.ANY)
    min_severity = models.CharField(
        _("适用的可能刑罚"), max_length=20, choices=Severity.choices, default=Severity.ORDINARY
    )
    min_years = models.PositiveIntegerField(_("最少刑事执业年限"), default=0)
    requires_duty_accreditation = models.BooleanField(_("须具备值班律师资格"), default=False)
    citation = models.CharField(_("依据"), max_length=200, blank=True)
    active = models.BooleanField(_("有效"), default=True)

    class Meta:
        verbose_name = _("准入条件")
        verbose_name_plural = _("准入条件")

    def __str__(self):
        return f"{self.get_work_display()} · {self.get_min_severity_display()} · ≥{self.min_years}"

    def applies(self, *, work: str, severity: str) -> bool:
        return (
            self.active
            and self.work in (self.Work.ANY, work)
            and SEVERITY_ORDER[severity] >= SEVERITY_ORDER[self.min_severity]
        )
