"""The procuratorate's decision not to prosecute a defendant (不起诉), with its kind and reasons
(`nonprosecution.py`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NonProsecution(models.Model):
    class Kind(models.TextChoices):
        STATUTORY = "statutory", _("法定不起诉（刑事诉讼法第16条、第177条第1款）")
        DISCRETIONARY = "discretionary", _("酌定不起诉（刑事诉讼法第177条第2款）")
        DOUBT = "doubt", _("存疑不起诉（刑事诉讼法第175条第4款）")
        CONDITIONAL = "conditional", _("附条件不起诉（刑事诉讼法第282条）")

    class Ground(models.TextChoices):
        # CPL art. 16 (1)–(6), for a statutory non-prosecution.
        TRIVIAL = "trivial", _("情节显著轻微、危害不大，不认为是犯罪（第16条第1项）")
        LIMITATION = "limitation", _("犯罪已过追诉时效期限（第16条第2项）")
        AMNESTY = "amnesty", _("经特赦令免除刑罚（第16条第3项）")
        COMPLAINT = "complaint", _("告诉才处理的犯罪，没有告诉或者撤回告诉（第16条第4项）")
        DEATH = "death", _("犯罪嫌疑人死亡（第16条第5项）")
        OTHER_LAW = "other_law", _("其他法律规定免予追究刑事责任（第16条第6项）")
        NO_CRIME = "no_crime", _("犯罪嫌疑人没有犯罪事实（第177条第1款）")

    defendant = models.OneToOneField(
        "cases.Defendant",
        verbose_name=_("犯罪嫌疑人"),
        on_delete=models.CASCADE,
        related_name="non_prosecution",
    )
    kind = models.CharField(_("不起诉类型"), max_length=20, choices=Kind.choices)
    ground = models.CharField(_("法定情形"), max_length=20, choices=Ground.choices, blank=True)
    reasons = models.TextField(_("不起诉理由"))
    test_months = models.PositiveSmallIntegerField(_("考验期（月）"), null=True, blank=True)
    decided_on = models.DateField(_("决定日期"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("决定人"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("不起诉决定")
        verbose_name_plural = _("不起诉决定")

    def __str__(self):
        return f"{self.defendant} · {self.get_kind_display()}"
