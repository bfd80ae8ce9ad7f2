"""Full-process audio and video recordings (全程录音录像) of the rights notice, consultations and the signing.

The file lives in the archive storage; the row keeps its SHA-256 and size as computed while it streamed in.
Every view or download is an audit event (chain of custody); `leniency recordings verify` re-hashes files.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency.cases.models import Defendant


class Recording(models.Model):
    class Session(models.TextChoices):
        NOTICE = "notice", _("权利告知")
        CONSULTATION = "consultation", _("听取意见、量刑协商")
        SIGNING = "signing", _("具结书签署")
        HEARING = "hearing", _("庭审")

    defendant = models.ForeignKey(
        Defendant, verbose_name=_("犯罪嫌疑人/被告人"), on_delete=models.PROTECT, related_name="recordings"
    )
    session = models.CharField(_("所录环节"), max_length=20, choices=Session.choices)
    notice = models.ForeignKey(
        "plea.RightsNotice",
        verbose_name=_("权利告知"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recordings",
    )
    agreement = models.ForeignKey(
        "plea.PleaAgreement",
        verbose_name=_("具结书"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recordings",
    )
    recorded_on = models.DateField(_("录制日期"))
    description = models.CharField(_("说明"), max_length=300, blank=True)
    original_name = models.CharField(_("原文件名"), max_length=200)
    kind = models.CharField(
        _("格式"), max_length=10
    )  # detected from the magic bytes: wav, mp3, mp4, webm, ogg …
    media_type = models.CharField(_("媒体类型"), max_length=60)
    file_name = models.CharField(_("存档文件"), max_length=200, unique=True)
    size = models.PositiveBigIntegerField(_("字节数"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("上传时间"))

    class Meta:
        verbose_name = _("录音录像")
        verbose_name_plural = _("录音录像")
        ordering = ["defendant", "recorded_on", "id"]

    def __str__(self):
        return f"{self.get_session_display()} · {self.original_name}"

    @property
    def is_video(self) -> bool:
        return self.media_type.startswith("video/")
