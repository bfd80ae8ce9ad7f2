"""Models of the study app: the delivery of the explanation letter (释法说理书), which no other app records."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency.cases.models import Defendant


class LetterDelivery(models.Model):
    """The explanation letter for a final recommendation was given and explained to the defendant.

    The recommendations app renders the letter; whether it reached the defendant before signing is one of
    the factors of a withdrawal (reasoning not explained), so it is recorded here.
    """

    class Method(models.TextChoices):
        IN_PERSON = "in_person", _("当面送达并释明")
        READ_ALOUD = "read_aloud", _("宣读并释明")
        WRITTEN = "written", _("书面送达")

    defendant = models.ForeignKey(
        Defendant,
        verbose_name=_("犯罪嫌疑人/被告人"),
        on_delete=models.CASCADE,
        related_name="letter_deliveries",
    )
    recommendation_id = models.PositiveBigIntegerField(_("量刑建议编号"), null=True, blank=True)
    method = models.CharField(_("送达方式"), max_length=20, choices=Method.choices, default=Method.IN_PERSON)
    delivered_at = models.DateTimeField(_("送达时间"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("记录人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("记录时间"))

    class Meta:
        verbose_name = _("释法说理书送达")
        verbose_name_plural = _("释法说理书送达")
        ordering = ["defendant", "delivered_at", "id"]

    def __str__(self):
        return f"{self.defendant} · {self.delivered_at:%Y-%m-%d}"


class ImportedPerson(models.Model):
    """One person of a procuratorate's historical records, imported for the study (`leniency study import`).

    The office's own person number identifies the record within the procuratorate: a second import of the same
    person updates this row. No name or ID number is held: the study needs none. The fields are those the study's
    person rows read (`features.imported_rows`), with their definitions in the import template
    (`import_format.COLUMNS`).
    """

    class PleaStage(models.TextChoices):
        INVESTIGATION = "investigation", _("侦查阶段")
        PROSECUTION_REVIEW = "prosecution_review", _("审查起诉阶段")
        TRIAL = "trial", _("审判阶段")

    class RecKind(models.TextChoices):
        FIXED = "fixed", _("确定刑")
        RANGE = "range", _("幅度刑")

    class Outcome(models.TextChoices):
        CONVICTED = "convicted", _("有罪判决")
        NON_PROSECUTION = "non_prosecution", _("不起诉")
        ACQUITTED = "acquitted", _("无罪判决")
        WITHDRAWN_PROSECUTION = "withdrawn_prosecution", _("撤回起诉")
        PENDING = "pending", _("尚未终结")

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("检察院"),
        on_delete=models.PROTECT,
        related_name="imported_study_persons",
    )
    person_ref = models.CharField(_("人员编号"), max_length=64)
    case_ref = models.CharField(_("案件编号"), max_length=64)
    received_on = models.DateField(_("受理日期"))
    crime = models.CharField(_("罪名"), max_length=100)
    detained = models.BooleanField(_("羁押"), default=False)
    prior_record = models.BooleanField(_("有前科"), default=False)
    procedure = models.CharField(_("审理程序"), max_length=20, blank=True)
    pleaded = models.BooleanField(_("认罪认罚"), default=False)
    plea_stage = models.CharField(_("认罪认罚阶段"), max_length=20, choices=PleaStage.choices, blank=True)
    signed_on = models.DateField(_("具结书签署日期"), null=True, blank=True)
    lawyer_kind = models.CharField(_("律师类型"), max_length=20, blank=True)
    meetings_before = models.PositiveIntegerField(_("签署前会见次数"), default=0)
    opinion_filed = models.BooleanField(_("律师提出书面意见"), default=False)
    letter_delivered = models.BooleanField(_("释法说理书已送达"), default=False)
    notice_acknowledged = models.BooleanField(_("权利告知已确认"), default=False)
    rec_kind = models.CharField(_("量刑建议方式"), max_length=10, choices=RecKind.choices, blank=True)
    rec_months = models.PositiveIntegerField(_("建议刑期（月）"), null=True, blank=True)
    rec_low_months = models.PositiveIntegerField(_("幅度下限（月）"), null=True, blank=True)
    rec_high_months = models.PositiveIntegerField(_("幅度上限（月）"), null=True, blank=True)
    similar_median_months = models.FloatField(_("类案刑期中位数（月）"), null=True, blank=True)
    adopted = models.BooleanField(_("法院采纳量刑建议"), null=True, blank=True)
    withdrawn_on = models.DateField(_("反悔日期"), null=True, blank=True)
    withdrawal_stage = models.CharField(_("反悔阶段"), max_length=30, blank=True)
    withdrawal_reasons = models.JSONField(_("反悔原因"), default=list, blank=True)
    outcome = models.CharField(_("处理结果"), max_length=30, choices=Outcome.choices, blank=True)
    appealed = models.BooleanField(_("上诉"), default=False)
    protested = models.BooleanField(_("抗诉"), default=False)
    imported_at = models.DateTimeField(_("导入时间"))

    class Meta:
        verbose_name = _("导入的历史记录（人员）")
        verbose_name_plural = _("导入的历史记录（人员）")
        ordering = ["organisation", "received_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "person_ref"], name="study_imported_person_once")
        ]
        indexes = [models.Index(fields=["organisation", "received_on"], name="study_imported_period")]

    def __str__(self):
        return f"{self.person_ref} · {self.case_ref}"
