"""Cases, defendants and their charges. State changes happen only in `services.py`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency.accounts.models import Organisation, Region
from leniency.encryption import EncryptedCharField

from .stages import Procedure, Stage


class Charge(models.Model):
    """A charge (罪名) from the catalogue derived from the Criminal Law; loaded from the engine's catalogue."""

    name = models.CharField(_("罪名"), max_length=60, unique=True)
    article = models.PositiveIntegerField(_("刑法条文"))
    article_label = models.CharField(_("条文"), max_length=30)
    has_guideline = models.BooleanField(_("有量刑指导意见"), default=False)

    class Meta:
        verbose_name = _("罪名")
        verbose_name_plural = _("罪名")
        ordering = ["article", "name"]

    def __str__(self):
        return f"{self.name}罪"


class Case(models.Model):
    number = models.CharField(_("案号"), max_length=60, unique=True)
    title = models.CharField(_("案由"), max_length=200)
    region = models.ForeignKey(Region, verbose_name=_("区域"), on_delete=models.PROTECT, related_name="cases")
    procuratorate = models.ForeignKey(
        Organisation, verbose_name=_("检察院"), on_delete=models.PROTECT, related_name="prosecuted_cases"
    )
    court = models.ForeignKey(
        Organisation,
        verbose_name=_("法院"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tried_cases",
    )
    prosecutor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办检察官"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_cases",
    )
    facts = models.TextField(_("案件事实"), blank=True)
    received_on = models.DateField(_("受理日期"))
    # Intake (受理): who transferred the case (移送审查起诉) and under which document, and the procuratorate's
    # own serial number of the year (`numbering.py`); cases made before intake had a page have none.
    transferring_agency = models.CharField(_("移送机关"), max_length=200, blank=True)
    transfer_document_number = models.CharField(_("移送文书号"), max_length=100, blank=True)
    serial_year = models.PositiveSmallIntegerField(_("收案年度"), null=True, blank=True)
    serial = models.PositiveIntegerField(_("收案序号"), null=True, blank=True)
    # Prosecution (提起公诉) names the court; the court's filing (立案) assigns the judge who tries the case.
    prosecuted_on = models.DateField(_("提起公诉日期"), null=True, blank=True)
    court_filed_on = models.DateField(_("法院立案日期"), null=True, blank=True)
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办法官"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="judged_cases",
    )
    # Appeal or protest (上诉 / 抗诉) moves the case to the court above, which files it and assigns its own judge.
    appealed_on = models.DateField(_("上诉/抗诉日期"), null=True, blank=True)
    first_instance_court = models.ForeignKey(
        Organisation,
        verbose_name=_("一审法院"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="first_instance_cases",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("案件")
        verbose_name_plural = _("案件")
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["procuratorate", "-received_on"]),
            models.Index(fields=["court", "-received_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["procuratorate", "serial_year", "serial"], name="unique_case_serial_per_year"
            )
        ]

    def __str__(self):
        return self.number


class CaseCounter(models.Model):
    """The last case serial a procuratorate gave in a year; its row is locked while the next one is taken."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="case_counters")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="unique_case_counter_per_year")
        ]

    def __str__(self):
        return f"{self.organisation} {self.year}: {self.last}"


class Defendant(models.Model):
    """A person in a case (犯罪嫌疑人 before prosecution, 被告人 after). Holds personal data."""

    class Gender(models.TextChoices):
        MALE = "M", _("男")
        FEMALE = "F", _("女")

    class Education(models.TextChoices):
        NONE = "none", _("文盲")
        PRIMARY = "primary", _("小学")
        JUNIOR = "junior", _("初中")
        SENIOR = "senior", _("高中或中专")
        COLLEGE = "college", _("大专及以上")

    class Detention(models.TextChoices):
        NOT_DETAINED = "not_detained", _("未羁押")
        CRIMINAL_DETENTION = "criminal_detention", _("刑事拘留")
        ARRESTED = "arrested", _("逮捕")
        BAIL = "bail", _("取保候审")
        RESIDENTIAL_SURVEILLANCE = "residential_surveillance", _("监视居住")

    case = models.ForeignKey(
        Case, verbose_name=_("案件"), on_delete=models.CASCADE, related_name="defendants"
    )
    name = models.CharField(_("姓名"), max_length=50)
    id_number = EncryptedCharField(_("身份证号"), blank=True)  # encrypted at rest
    phone = EncryptedCharField(_("联系电话"), blank=True)  # encrypted at rest
    birth_date = models.DateField(_("出生日期"), null=True, blank=True)
    gender = models.CharField(_("性别"), max_length=1, choices=Gender.choices)
    ethnicity = models.CharField(_("民族"), max_length=20, default="汉族")
    education = models.CharField(_("文化程度"), max_length=10, choices=Education.choices, blank=True)
    occupation = models.CharField(_("职业"), max_length=50, blank=True)
    detention = models.CharField(
        _("羁押状态"), max_length=30, choices=Detention.choices, default=Detention.NOT_DETAINED
    )
    detained_on = models.DateField(_("羁押日期"), null=True, blank=True)
    released_on = models.DateField(_("解除羁押日期"), null=True, blank=True)
    stage = models.CharField(_("诉讼阶段"), max_length=30, choices=Stage.choices, default=Stage.INVESTIGATION)
    stage_since = models.DateField(_("进入本阶段日期"))
    procedure = models.CharField(_("审理程序"), max_length=20, choices=Procedure.choices, blank=True)
    charges = models.ManyToManyField(Charge, verbose_name=_("罪名"), through="DefendantCharge")

    class Meta:
        verbose_name = _("犯罪嫌疑人/被告人")
        verbose_name_plural = _("犯罪嫌疑人/被告人")
        ordering = ["case", "id"]
        indexes = [models.Index(fields=["stage"])]

    def __str__(self):
        return self.name

    @property
    def id_number_masked(self) -> str:
        return _mask(self.id_number, keep_start=4, keep_end=2)

    @property
    def phone_masked(self) -> str:
        return _mask(self.phone, keep_start=3, keep_end=2)


def _mask(value: str, *, keep_start: int, keep_end: int) -> str:
    """ "110101199005010011" -> "1101************11": enough to tell records apart, not to identify."""
    if not value:
        return ""
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[-keep_end:]


class DefendantCharge(models.Model):
    defendant = models.ForeignKey(Defendant, on_delete=models.CASCADE, related_name="charge_links")
    charge = models.ForeignKey(Charge, verbose_name=_("罪名"), on_delete=models.PROTECT)
    principal = models.BooleanField(_("主罪"), default=True)

    class Meta:
        verbose_name = _("指控罪名")
        verbose_name_plural = _("指控罪名")
        constraints = [
            models.UniqueConstraint(fields=["defendant", "charge"], name="unique_charge_per_defendant")
        ]

    def __str__(self):
        return f"{self.defendant} · {self.charge}"


class CaseAttachment(models.Model):
    """A scanned document received at intake (the 起诉意见书's copy), typed from its first bytes and stored in
    the hashed archive with its SHA-256 (`attachments.py`)."""

    class Kind(models.TextChoices):
        TRANSFER_OPINION = "transfer_opinion", _("起诉意见书（扫描件）")

    case = models.ForeignKey(
        Case, verbose_name=_("案件"), on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(_("文书"), max_length=30, choices=Kind.choices, default=Kind.TRANSFER_OPINION)
    original_name = models.CharField(_("原文件名"), max_length=200)
    media_type = models.CharField(_("格式"), max_length=40)
    file_name = models.CharField(_("存档文件"), max_length=200, unique=True)
    size = models.PositiveBigIntegerField(_("字节数"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("上传人"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("上传时间"))

    class Meta:
        verbose_name = _("案件附件")
        verbose_name_plural = _("案件附件")
        ordering = ["case", "uploaded_at", "id"]

    def __str__(self):
        return self.original_name


class Victim(models.Model):
    """A victim (被害人) of the case, linked to the defendants whose acts harmed them. The procuratorate hears
    their opinion before it finalises a recommendation (CPL art. 173). Contact details are encrypted at rest,
    shown masked, and in full only to the case's procuratorate and judge (`victims.can_see_victim_contact`)."""

    case = models.ForeignKey(Case, verbose_name=_("案件"), on_delete=models.CASCADE, related_name="victims")
    defendants = models.ManyToManyField(Defendant, verbose_name=_("加害的犯罪嫌疑人"), related_name="victims")
    name = models.CharField(_("被害人姓名"), max_length=50)
    id_number = EncryptedCharField(_("身份证号"), blank=True)  # encrypted at rest
    phone = EncryptedCharField(_("联系电话"), blank=True)  # encrypted at rest
    address = EncryptedCharField(_("住址"), blank=True)  # encrypted at rest
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField()

    class Meta:
        verbose_name = _("被害人")
        verbose_name_plural = _("被害人")
        ordering = ["case", "id"]

    def __str__(self):
        return self.name

    @property
    def id_number_masked(self) -> str:
        return _mask(self.id_number, keep_start=4, keep_end=2)

    @property
    def phone_masked(self) -> str:
        return _mask(self.phone, keep_start=3, keep_end=2)

    @property
    def address_masked(self) -> str:
        return self.address[:3] + "****" if self.address else ""


class VictimOpinion(models.Model):
    """The victim's opinion on a defendant's plea and sentencing recommendation as the procuratorate heard it
    (CPL art. 173), or why it could not be heard (`UNREACHABLE`, the reason in `text`)."""

    class Position(models.TextChoices):
        AGREE = "agree", _("同意")
        OBJECT = "object", _("有异议")
        NONE = "none", _("无意见")
        UNREACHABLE = "unreachable", _("无法听取")

    class Method(models.TextChoices):
        IN_PERSON = "in_person", _("当面听取")
        PHONE = "phone", _("电话听取")
        WRITTEN = "written", _("书面意见")
        AGENT = "agent", _("通过诉讼代理人")

    victim = models.ForeignKey(
        Victim, verbose_name=_("被害人"), on_delete=models.CASCADE, related_name="opinions"
    )
    defendant = models.ForeignKey(
        Defendant, verbose_name=_("犯罪嫌疑人"), on_delete=models.CASCADE, related_name="victim_opinions"
    )
    position = models.CharField(_("意见"), max_length=12, choices=Position.choices)
    method = models.CharField(_("听取方式"), max_length=12, choices=Method.choices, blank=True)
    heard_on = models.DateField(_("听取日期"))
    text = models.TextField(_("意见内容或无法听取的原因"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("被害人意见")
        verbose_name_plural = _("被害人意见")
        ordering = ["victim", "heard_on", "id"]

    def __str__(self):
        return f"{self.victim} · {self.get_position_display()}"


class Settlement(models.Model):
    """A compensation (赔偿), forgiveness (谅解) or reconciliation (刑事和解, CPL arts. 288–290) agreement between a
    defendant and a victim, with its scanned document (typed from its first bytes, SHA-256 kept)."""

    class Kind(models.TextChoices):
        COMPENSATION = "compensation", _("赔偿")
        FORGIVENESS = "forgiveness", _("谅解")
        RECONCILIATION = "reconciliation", _("刑事和解")

    victim = models.ForeignKey(
        Victim, verbose_name=_("被害人"), on_delete=models.CASCADE, related_name="settlements"
    )
    defendant = models.ForeignKey(
        Defendant, verbose_name=_("犯罪嫌疑人"), on_delete=models.CASCADE, related_name="settlements"
    )
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    signed_on = models.DateField(_("日期"))
    amount = models.DecimalField(
        _("约定赔偿金额（元）"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    amount_paid = models.DecimalField(
        _("已履行金额（元）"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    note = models.CharField(_("说明"), max_length=300, blank=True)
    original_name = models.CharField(_("原文件名"), max_length=200, blank=True)
    file_name = models.CharField(_("存档文件"), max_length=200, blank=True)
    media_type = models.CharField(_("媒体类型"), max_length=60, blank=True)
    size = models.PositiveBigIntegerField(_("字节数"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("赔偿、谅解或和解协议")
        verbose_name_plural = _("赔偿、谅解或和解协议")
        ordering = ["victim", "signed_on", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.victim}"

    @property
    def paid_in_full(self) -> bool | None:
        """None where no sum was agreed (a forgiveness alone)."""
        if self.amount is None:
            return None
        return (self.amount_paid or 0) >= self.amount


# Judgments, the second-instance decision and retrial live in their own module; imported here so Django finds them.
from .models_deadlines import DeadlineExtension  # noqa: E402, F401
from .models_judgments import (  # noqa: E402, F401
    PanelChange,
    PanelMember,
    PenaltyKind,
    Retrial,
    SecondInstanceDecision,
    Sentence,
)
from .models_nonprosecution import NonProsecution  # noqa: E402, F401
