"""Judgments and what comes after them: each defendant's sentence (first instance, second instance, retrial),
the second-instance decision (维持 / 改判 / 发回重审, CPL arts. 236, 238) and retrial (再审, CPL arts. 252–258).
State changes happen only in `judgments.py`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency.accounts.models import Organisation


class PenaltyKind(models.TextChoices):
    """The principal penalty (主刑) a court imposes; the same values as a recommendation's (`recommendations`)."""

    FIXED_TERM = "fixed_term", _("有期徒刑")
    CRIMINAL_DETENTION = "criminal_detention", _("拘役")
    SURVEILLANCE = "surveillance", _("管制")
    FINE_ONLY = "fine_only", _("单处罚金")
    EXEMPT = "exempt", _("免予刑事处罚")
    LIFE = "life", _("无期徒刑")
    DEATH = "death", _("死刑")


class Sentence(models.Model):
    """One defendant's sentence in one judgment: the first-instance judgment, a second-instance 改判 or a
    retrial's 改判. The sentence in force is the defendant's latest."""

    class Instance(models.TextChoices):
        FIRST = "first", _("一审判决")
        SECOND = "second", _("二审改判")
        RETRIAL = "retrial", _("再审改判")

    defendant = models.ForeignKey(
        "cases.Defendant", verbose_name=_("被告人"), on_delete=models.CASCADE, related_name="sentences"
    )
    instance = models.CharField(_("审级"), max_length=10, choices=Instance.choices)
    court = models.ForeignKey(
        Organisation, verbose_name=_("法院"), on_delete=models.PROTECT, related_name="+"
    )
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("法官"), on_delete=models.PROTECT, related_name="+"
    )
    judged_on = models.DateField(_("判决日期"))
    penalty = models.CharField(_("主刑"), max_length=30, choices=PenaltyKind.choices)
    months = models.PositiveIntegerField(_("刑期（月）"), null=True, blank=True)
    probation_months = models.PositiveIntegerField(_("缓刑考验期（月）"), null=True, blank=True)
    fine_yuan = models.DecimalField(_("罚金（元）"), max_digits=14, decimal_places=2, null=True, blank=True)
    # 并处没收财产 (刑法第59条): an additional penalty the judgment states beside the principal one; how much of the
    # defendant's property is the court's to decide when it executes it, so only whether it is imposed is recorded.
    confiscation = models.BooleanField(_("并处没收财产"), default=False)
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("判决刑罚")
        verbose_name_plural = _("判决刑罚")
        ordering = ["defendant", "judged_on", "id"]

    def __str__(self):
        return f"{self.defendant} · {self.get_instance_display()} · {self.get_penalty_display()}"


class SecondInstanceDecision(models.Model):
    """The court above's decision on an appeal or protest (CPL art. 236): 维持原判, 改判 (the new sentences in
    `Sentence` with instance SECOND) or 发回重审 (facts unclear, art. 236 ¶1(3); a procedural violation,
    art. 238), which returns the case to `remanded_to` where a new panel tries it (art. 239)."""

    class Decision(models.TextChoices):
        UPHOLD = "uphold", _("驳回上诉或抗诉，维持原判")
        AMEND = "amend", _("改判")
        REMAND = "remand", _("撤销原判，发回重审")

    class Ground(models.TextChoices):
        FACTS = "facts", _("原判决事实不清楚或者证据不足（刑事诉讼法第236条第1款第3项）")
        PROCEDURE = "procedure", _("一审违反法律规定的诉讼程序（刑事诉讼法第238条）")

    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("案件"),
        on_delete=models.CASCADE,
        related_name="second_instance_decisions",
    )
    court = models.ForeignKey(
        Organisation, verbose_name=_("二审法院"), on_delete=models.PROTECT, related_name="+"
    )
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("法官"), on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(_("二审结果"), max_length=10, choices=Decision.choices)
    ground = models.CharField(_("发回重审理由"), max_length=10, choices=Ground.choices, blank=True)
    reasons = models.TextField(_("理由"), blank=True)
    decided_on = models.DateField(_("宣判日期"))
    remanded_to = models.ForeignKey(
        Organisation,
        verbose_name=_("发回法院"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The first-instance judge, who may not sit again after a remand (CPL art. 239).
    previous_judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("二审裁判")
        verbose_name_plural = _("二审裁判")
        ordering = ["case", "decided_on", "id"]

    def __str__(self):
        return f"{self.case} · {self.get_decision_display()}"


class Retrial(models.Model):
    """再审 of a final judgment (审判监督程序, CPL arts. 252–258): who started it, the court that retries it, its
    judge (another panel than the original one, art. 256) and its outcome."""

    class Initiator(models.TextChoices):
        COURT = "court", _("院长提交审判委员会决定再审（刑事诉讼法第254条第1款）")
        PROTEST = "protest", _("上级人民检察院按审判监督程序抗诉（刑事诉讼法第254条第3款）")
        PETITION = "petition", _("当事人申诉，法院决定再审（刑事诉讼法第252条、第253条）")

    class Outcome(models.TextChoices):
        UPHOLD = "uphold", _("维持原判")
        AMEND = "amend", _("改判")

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("案件"), on_delete=models.CASCADE, related_name="retrials"
    )
    initiator = models.CharField(_("再审启动"), max_length=10, choices=Initiator.choices)
    court = models.ForeignKey(
        Organisation, verbose_name=_("再审法院"), on_delete=models.PROTECT, related_name="+"
    )
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField(_("决定再审日期"))
    reasons = models.TextField(_("再审理由"))
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("再审法官"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="retrials",
    )
    outcome = models.CharField(_("再审结果"), max_length=10, choices=Outcome.choices, blank=True)
    decided_on = models.DateField(_("再审宣判日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("再审")
        verbose_name_plural = _("再审")
        ordering = ["case", "started_on", "id"]

    def __str__(self):
        return f"{self.case} · {self.get_initiator_display()}"


class PanelMember(models.Model):
    """A judge of the panel (合议庭) the court's filing forms for the case, the presiding judge (审判长, also the
    case's `judge`) included; a single judge (独任审判) is a panel of one. A new filing (after an appeal or a
    remand) ends the previous panel. Only the judges of the current panel act on the case (`access.is_case_judge`).
    """

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("案件"), on_delete=models.CASCADE, related_name="panel_members"
    )
    court = models.ForeignKey(
        Organisation, verbose_name=_("法院"), on_delete=models.PROTECT, related_name="+"
    )
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("法官"), on_delete=models.PROTECT, related_name="panel_seats"
    )
    presiding = models.BooleanField(_("审判长"), default=False)
    assigned_on = models.DateField(_("组成日期"))
    ended_on = models.DateField(_("结束日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("合议庭成员")
        verbose_name_plural = _("合议庭成员")
        ordering = ["case", "-presiding", "id"]
        indexes = [models.Index(fields=["judge", "ended_on"])]

    def __str__(self):
        return f"{self.case} · {self.judge}"


class PanelChange(models.Model):
    """A court re-forming a case's panel after its filing (a judge recused, moved or fell ill), with the reason;
    the judges before and after are in its audit event (`case.panel.reformed`). Made by `services.do_reform_panel`.
    """

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("案件"), on_delete=models.CASCADE, related_name="panel_changes"
    )
    court = models.ForeignKey(
        Organisation, verbose_name=_("法院"), on_delete=models.PROTECT, related_name="+"
    )
    changed_on = models.DateField(_("变更日期"))
    reason = models.TextField(_("变更理由"), max_length=1000)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("登记人"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("合议庭变更")
        verbose_name_plural = _("合议庭变更")
        ordering = ["case", "-changed_on", "-id"]

    def __str__(self):
        return f"{self.case} · {self.changed_on}"
