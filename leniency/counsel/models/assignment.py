"""Lawyers assigned to defendants: the row every access rule reads (a lawyer sees the defendants assigned to them)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency.cases.models import Defendant


class CounselAssignment(models.Model):
    class Kind(models.TextChoices):
        DUTY = "duty", _("值班律师")
        LEGAL_AID = "legal_aid", _("法律援助律师")
        RETAINED = "retained", _("委托辩护人")

    defendant = models.ForeignKey(Defendant, on_delete=models.CASCADE, related_name="counsel_assignments")
    lawyer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="counsel_assignments"
    )
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    assigned_at = models.DateTimeField(_("指派时间"))
    ended_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    request = models.ForeignKey(
        "counsel.CounselRequest",
        verbose_name=_("指派申请"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
    )

    class Meta:
        verbose_name = _("律师指派")
        verbose_name_plural = _("律师指派")
        constraints = [
            models.UniqueConstraint(
                fields=["defendant", "lawyer"],
                condition=models.Q(ended_at__isnull=True),
                name="one_active_assignment",
            )
        ]

    def __str__(self):
        return f"{self.lawyer} → {self.defendant}"
