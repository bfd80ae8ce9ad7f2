"""Extensions of a statutory time limit (办案期限), as whoever approved them recorded them (`deadlines.py`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DeadlineExtension(models.Model):
    class Kind(models.TextChoices):
        REVIEW_MAJOR = "review_major", _("重大、复杂案件审查起诉期限延长十五日（刑事诉讼法第172条）")
        EXPEDITED_LONG = (
            "expedited_long",
            _("速裁案件可能判处一年以上有期徒刑，期限延长至十五日（第172条、第225条）"),
        )
        SUMMARY_LONG = "summary_long", _("简易程序可能判处三年以上有期徒刑，审限延长至一个半月（第220条）")
        TRIAL_THIRD_MONTH = "trial_third_month", _("一审审限延长至三个月（第208条）")
        APPEAL_EXTENSION = "appeal_extension", _("经高级人民法院批准，二审审限延长二个月（第243条）")

    defendant = models.ForeignKey(
        "cases.Defendant",
        verbose_name=_("被告人"),
        on_delete=models.CASCADE,
        related_name="deadline_extensions",
    )
    stage = models.CharField(_("诉讼阶段"), max_length=30)
    kind = models.CharField(_("延长事由"), max_length=30, choices=Kind.choices)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("批准人"), on_delete=models.PROTECT, related_name="+"
    )
    approved_on = models.DateField(_("批准日期"))
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("办案期限延长")
        verbose_name_plural = _("办案期限延长")
        ordering = ["defendant", "approved_on", "id"]

    def __str__(self):
        return f"{self.defendant} · {self.get_kind_display()}"
