"""The lawyer registry: licence, firm, specialties, experience, accreditation, training and availability."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency.accounts.models import Organisation, Region


class Specialty(models.Model):
    name = models.CharField(_("专长"), max_length=50, unique=True)

    class Meta:
        verbose_name = _("专长领域")
        verbose_name_plural = _("专长领域")
        ordering = ["name"]

    def __str__(self):
        return self.name


class LawyerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lawyer_profile"
    )
    licence_no = models.CharField(_("执业证号"), max_length=17, unique=True)
    firm = models.ForeignKey(
        Organisation,
        verbose_name=_("律师事务所"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registered_lawyers",
    )
    region = models.ForeignKey(
        Region, verbose_name=_("登记区域"), on_delete=models.PROTECT, related_name="registered_lawyers"
    )
    specialties = models.ManyToManyField(Specialty, verbose_name=_("专长"), blank=True)
    criminal_practice_since = models.DateField(_("从事刑事辩护起始日期"))
    duty_accredited = models.BooleanField(_("具备值班律师资格"), default=False)
    accredited_on = models.DateField(_("资格取得日期"), null=True, blank=True)
    expert = models.BooleanField(_("列入专家库"), default=False)
    expert_note = models.CharField(_("专家说明"), max_length=300, blank=True)
    available = models.BooleanField(_("可接受指派"), default=True)
    unavailable_until = models.DateField(_("暂停接受指派至"), null=True, blank=True)

    class Meta:
        verbose_name = _("律师登记")
        verbose_name_plural = _("律师登记")
        ordering = ["user__display_name"]

    def __str__(self):
        return f"{self.user} · {self.licence_no}"

    def years_of_practice(self, as_of: date) -> int:
        start = self.criminal_practice_since
        years = as_of.year - start.year - ((as_of.month, as_of.day) < (start.month, start.day))
        return max(0, years)

    def is_available(self, as_of: date) -> bool:
        return self.available and (self.unavailable_until is None or self.unavailable_until < as_of)


class TrainingRecord(models.Model):
    profile = models.ForeignKey(LawyerProfile, on_delete=models.CASCADE, related_name="training")
    title = models.CharField(_("培训名称"), max_length=200)
    provider = models.CharField(_("举办单位"), max_length=100, blank=True)
    hours = models.DecimalField(_("学时"), max_digits=5, decimal_places=1)
    completed_on = models.DateField(_("完成日期"))

    class Meta:
        verbose_name = _("培训记录")
        verbose_name_plural = _("培训记录")
        ordering = ["-completed_on"]

    def __str__(self):
        return self.title
