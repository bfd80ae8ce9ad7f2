"""What a lawyer did for a defendant: meetings, file reading, consultations, signing, opinions, court."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .assignment import CounselAssignment


class Service(models.TextChoices):
    MEETING = "meeting", _("会见")
    FILE_READING = "file_reading", _("阅卷")
    CONSULTATION = "consultation", _("法律咨询")
    MEASURE_APPLICATION = "measure_application", _("申请变更强制措施")
    SIGNING = "signing", _("在场见证具结书签署")
    OPINION_CHARGE = "opinion_charge", _("对罪名的书面意见")
    OPINION_RECOMMENDATION = "opinion_recommendation", _("对量刑建议的书面意见")
    OPINION_PROCEDURE = "opinion_procedure", _("对程序适用的书面意见")
    COURT = "court", _("出庭")


CONTACT = {Service.MEETING, Service.CONSULTATION}  # the lawyer spoke with the defendant
OPINIONS = {Service.OPINION_CHARGE, Service.OPINION_RECOMMENDATION, Service.OPINION_PROCEDURE}
SUBSTANTIVE = set(Service) - {Service.SIGNING}


class ParticipationEntry(models.Model):
    assignment = models.ForeignKey(CounselAssignment, on_delete=models.CASCADE, related_name="participation")
    service = models.CharField(_("工作内容"), max_length=30, choices=Service.choices)
    occurred_at = models.DateTimeField(_("时间"))
    minutes = models.PositiveIntegerField(_("用时（分钟）"))
    note = models.CharField(_("摘要"), max_length=500, blank=True)
    opinion = models.TextField(_("书面意见"), blank=True)
    logged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    logged_at = models.DateTimeField(_("登记时间"))

    class Meta:
        verbose_name = _("履职记录")
        verbose_name_plural = _("履职记录")
        ordering = ["assignment", "occurred_at", "id"]

    def __str__(self):
        return f"{self.get_service_display()} {self.occurred_at:%Y-%m-%d}"
