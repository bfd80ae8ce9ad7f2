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
