"""Models of the portal app: typical cases (典型案例) on their way to publication, and generated reports.

Only the fields marked public reach a page without log-in: a typical case's public number, title, crime,
region (city level), procedure, anonymised text and publication date; a report's period and files.
The source text and the list of replacements stay inside (they hold the names that were removed).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency.cases.models import Case


class TypicalCase(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("已提议")
        ANONYMISED = "anonymised", _("已匿名化，待审核")
        PUBLISHED = "published", _("已发布")
        REJECTED = "rejected", _("未通过审核")
        WITHDRAWN = "withdrawn", _("已撤回发布")

    case = models.ForeignKey(
        Case,
        verbose_name=_("案件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="typical_cases",
    )
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.PROPOSED)
    title = models.CharField(_("标题"), max_length=200)
    source_text = models.TextField(_("案例原文"))  # internal: holds personal data
    reasons = models.TextField(_("推荐理由"), blank=True)
    extra_names = models.JSONField(_("需另行隐去的姓名"), default=list, blank=True)
    replacements = models.JSONField(_("替换记录"), default=list, blank=True)  # internal
    # public once published
    number = models.CharField(_("案例编号"), max_length=20, blank=True)
    public_title = models.CharField(_("发布标题"), max_length=200, blank=True)
    public_text = models.TextField(_("匿名化文本"), blank=True)
    crime = models.CharField(_("罪名"), max_length=60, blank=True)
    region_label = models.CharField(_("地区"), max_length=100, blank=True)
    procedure = models.CharField(_("审理程序"), max_length=30, blank=True)
    keywords = models.CharField(_("关键词"), max_length=200, blank=True)

    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("提议人"), on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("提议时间"))
    anonymised_at = models.DateTimeField(_("匿名化时间"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    review_note = models.TextField(_("审核意见"), blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("典型案例")
        verbose_name_plural = _("典型案例")
        ordering = ["-published_at", "-proposed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["number"], condition=~models.Q(number=""), name="portal_typical_case_number"
            )
        ]

    def __str__(self):
        return self.public_title or self.title


class TransparencyReport(models.Model):
    """A generated periodic report: the HTML, PDF and XLSX files in the file storage (portal/reports/), with the
    PDF's hash."""

    period = models.CharField(_("期间"), max_length=10)
    generated_at = models.DateTimeField(_("生成时间"))
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("生成人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    html_file = models.CharField(_("HTML 文件"), max_length=200)
    pdf_file = models.CharField(_("PDF 文件"), max_length=200)
    # The tables as a workbook, stored beside the HTML; empty for a report made before there was one. Kept here so
    # that the public list needs no existence check in the storage per report (an HTTP request on S3).
    xlsx_file = models.CharField(_("XLSX 文件"), max_length=200, blank=True)
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64)
    pdf_size = models.PositiveIntegerField(_("PDF 字节数"))
    suppressed_cells = models.PositiveIntegerField(_("抑制单元格数"), default=0)
    published = models.BooleanField(_("在门户公开"), default=True)

    class Meta:
        verbose_name = _("透明度报告")
        verbose_name_plural = _("透明度报告")
        ordering = ["-period", "-generated_at"]

    def __str__(self):
        return f"{self.period} ({self.generated_at:%Y-%m-%d})"
