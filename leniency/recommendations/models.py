"""Sentencing recommendations (量刑建议): rounds per defendant, supervisor reviews, lawyer opinions, court decisions.

State changes happen only in `services.py`. A defendant has one row per negotiation round; a new round
supersedes the open one, and the round in force is the one with status `final` (at most one per defendant).
Every change bumps `version`, so that two users editing the same round get a conflict, not an overwrite.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency.cases.models import Defendant

from .wording import term_text


class SentencingRecommendation(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        IN_REVIEW = "in_review", _("待审核")
        RETURNED = "returned", _("退回修改")
        APPROVED = "approved", _("审核通过")
        FINAL = "final", _("已确定")
        SUPERSEDED = "superseded", _("已被新一轮取代")
        LAPSED = "lapsed", _("已失效（反悔）")

    class Penalty(models.TextChoices):
        FIXED_TERM = "fixed_term", _("有期徒刑")
        CRIMINAL_DETENTION = "criminal_detention", _("拘役")
        SURVEILLANCE = "surveillance", _("管制")
        FINE_ONLY = "fine_only", _("单处罚金")
        EXEMPT = "exempt", _("免予刑事处罚")
        LIFE = "life", _("无期徒刑")
        DEATH = "death", _("死刑")

    class Kind(models.TextChoices):
        FIXED = "fixed", _("确定刑")
        RANGE = "range", _("幅度刑")

    defendant = models.ForeignKey(
        Defendant,
        verbose_name=_("犯罪嫌疑人/被告人"),
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    round = models.PositiveSmallIntegerField(_("轮次"), default=1)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(_("版本"), default=1)

    principal_penalty = models.CharField(
        _("主刑"), max_length=30, choices=Penalty.choices, default=Penalty.FIXED_TERM
    )
    kind = models.CharField(_("建议方式"), max_length=10, choices=Kind.choices, default=Kind.FIXED)
    months = models.PositiveIntegerField(_("刑期（月）"), null=True, blank=True)
    low_months = models.PositiveIntegerField(_("幅度下限（月）"), null=True, blank=True)
    high_months = models.PositiveIntegerField(_("幅度上限（月）"), null=True, blank=True)
    probation = models.BooleanField(_("适用缓刑"), default=False)
    probation_months = models.PositiveIntegerField(_("缓刑考验期（月）"), null=True, blank=True)
    fine_yuan = models.DecimalField(_("罚金（元）"), max_digits=14, decimal_places=2, null=True, blank=True)
    # 并处没收财产: the charge's statutory bracket adds it whatever the term (刑法第59条; e.g. 第347条第2款). Set from the
    # engine's calculation, never typed: the law, not the prosecutor, decides it. Not for 单处罚金 or 免予刑事处罚.
    confiscation = models.BooleanField(_("并处没收财产"), default=False)

    facts_text = models.TextField(_("据以计算的事实"), blank=True)
    charges = models.JSONField(_("罪名"), default=list, blank=True)
    calculation = models.JSONField(_("计算过程"), default=dict, blank=True)  # the engine's trace
    similar = models.JSONField(_("类案"), default=dict, blank=True)
    warnings = models.JSONField(_("偏离度预警"), default=list, blank=True)
    machine_assisted = models.BooleanField(_("系统辅助生成"), default=True)
    engine_months = models.IntegerField(_("系统计算刑期（月）"), null=True, blank=True)
    engine_low = models.IntegerField(_("系统区间下限（月）"), null=True, blank=True)
    engine_high = models.IntegerField(_("系统区间上限（月）"), null=True, blank=True)
    deviation_reason = models.TextField(_("偏离理由"), blank=True)
    model_version = models.CharField(_("模型/标准版本"), max_length=80, blank=True)
    note = models.TextField(_("承办意见"), blank=True)
    # Why the recommendation changes after a signed 具结书 (new facts or evidence; FACTS.md §2, hearing opinions).
    change_basis = models.TextField(_("变更依据"), blank=True)

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办人"),
        on_delete=models.PROTECT,
        related_name="authored_recommendations",
    )
    created_at = models.DateTimeField(_("创建时间"))
    updated_at = models.DateTimeField(_("更新时间"))
    submitted_at = models.DateTimeField(_("提交审核时间"), null=True, blank=True)
    approved_at = models.DateTimeField(_("审核通过时间"), null=True, blank=True)
    finalised_at = models.DateTimeField(_("确定时间"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("确定人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    lawyer_reply = models.TextField(_("对律师意见的答复"), blank=True)  # SPP Rules art. 269
    closed_at = models.DateTimeField(_("失效/被取代时间"), null=True, blank=True)
    close_reason = models.TextField(_("失效/被取代原因"), blank=True)

    class Meta:
        verbose_name = _("量刑建议")
        verbose_name_plural = _("量刑建议")
        ordering = ["defendant", "round"]
        constraints = [
            models.UniqueConstraint(fields=["defendant", "round"], name="unique_round_per_defendant"),
            models.UniqueConstraint(
                fields=["defendant"], condition=models.Q(status="final"), name="one_final_recommendation"
            ),
        ]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        return f"{self.defendant} · 第{self.round}轮"

    OPEN = (Status.DRAFT, Status.IN_REVIEW, Status.RETURNED, Status.APPROVED)
    EDITABLE = (Status.DRAFT, Status.RETURNED)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def shared(self) -> bool:
        """Shown outside the procuratorate (lawyer, court) once a supervisor approved it."""
        return self.approved_at is not None

    def term_text(self) -> str:
        """The recommendation in words: 有期徒刑一年二个月，缓刑一年六个月，并处罚金人民币3,000元."""
        return term_text(self)


class Review(models.Model):
    """A supervising prosecutor's review of a submitted round (every machine-assisted draft is reviewed)."""

    class Decision(models.TextChoices):
        APPROVE = "approve", _("同意")
        RETURN = "return", _("退回修改")

    recommendation = models.ForeignKey(
        SentencingRecommendation, on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审核人"), on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(_("审核结论"), max_length=10, choices=Decision.choices)
    comments = models.TextField(_("审核意见"), blank=True)
    created_at = models.DateTimeField(_("审核时间"))

    class Meta:
        verbose_name = _("量刑建议审核")
        verbose_name_plural = _("量刑建议审核")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.recommendation} · {self.get_decision_display()}"


class LawyerOpinion(models.Model):
    """The defence or duty lawyer's written opinion on a round (CPL art. 173); on file and visible to the court."""

    class Position(models.TextChoices):
        AGREE = "agree", _("同意")
        OBJECT = "object", _("有异议")

    recommendation = models.ForeignKey(
        SentencingRecommendation, on_delete=models.CASCADE, related_name="opinions"
    )
    lawyer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("律师"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.CharField(_("意见"), max_length=10, choices=Position.choices)
    reasons = models.TextField(_("理由"), blank=True)
    proposed_months = models.PositiveIntegerField(_("律师建议刑期（月）"), null=True, blank=True)
    created_at = models.DateTimeField(_("提出时间"))

    class Meta:
        verbose_name = _("律师意见")
        verbose_name_plural = _("律师意见")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.recommendation} · {self.get_position_display()}"


class CourtDecision(models.Model):
    """The court's decision on a final recommendation (CPL art. 201)."""

    class Decision(models.TextChoices):
        ADOPT = "adopt", _("采纳")
        REQUEST_ADJUSTMENT = "request_adjustment", _("建议检察院调整")
        DECIDE_OTHERWISE = "decide_otherwise", _("不予采纳，依法判决")

    class Ground(models.TextChoices):
        # CPL art. 201 ¶1 (1)–(5) and ¶2 (FACTS.md §3.6).
        NO_CRIME = "no_crime", _("被告人的行为不构成犯罪或者不应当追究刑事责任（第201条第1款第1项）")
        INVOLUNTARY = "involuntary", _("被告人违背意愿认罪认罚（第201条第1款第2项）")
        DENIES_FACTS = "denies_facts", _("被告人否认指控的犯罪事实（第201条第1款第3项）")
        CHARGE_DIFFERS = "charge_differs", _("起诉指控的罪名与审理认定的罪名不一致（第201条第1款第4项）")
        UNFAIR_TRIAL = "unfair_trial", _("其他可能影响公正审判的情形（第201条第1款第5项）")
        CLEARLY_IMPROPER = "clearly_improper", _("量刑建议明显不当（第201条第2款）")
        DEFENCE_OBJECTION = "defence_objection", _("被告人、辩护人对量刑建议提出异议（第201条第2款）")

    recommendation = models.ForeignKey(
        SentencingRecommendation, on_delete=models.CASCADE, related_name="court_decisions"
    )
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("法官"), on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(_("决定"), max_length=30, choices=Decision.choices)
    grounds = models.JSONField(_("依据"), default=list, blank=True)
    reasons = models.TextField(_("理由"), blank=True)
    # What the court itself imposed, when it decided otherwise.
    principal_penalty = models.CharField(
        _("判处主刑"), max_length=30, choices=SentencingRecommendation.Penalty.choices, blank=True
    )
    months = models.PositiveIntegerField(_("判处刑期（月）"), null=True, blank=True)
    probation = models.BooleanField(_("缓刑"), default=False)
    stage = models.CharField(
        _("诉讼阶段"), max_length=30, blank=True
    )  # the defendant's stage at the decision
    created_at = models.DateTimeField(_("决定时间"))

    class Meta:
        verbose_name = _("法院采纳决定")
        verbose_name_plural = _("法院采纳决定")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.recommendation} · {self.get_decision_display()}"

    TERMINAL = (Decision.ADOPT, Decision.DECIDE_OTHERWISE)

    def ground_labels(self) -> list[str]:
        labels = dict(self.Ground.choices)
        return [str(labels.get(g, g)) for g in self.grounds]


class ConfirmedFact(models.Model):
    """A fact the calculation of one version of a round ran on, as the prosecutor confirmed it.

    `source` says whose it is: the platform's record (`record`, with the record and its date in `note`),
    the fact text (`text`, with the sentence it was read from) or the prosecutor's correction
    (`prosecutor`, with what the record or the text gave in `read_value`/`read_source` and the reason).
    Each save of a round writes its facts under the round's new `version`; the facts in force are the
    latest version's (`leniency.recommendations.confirmed.current_facts`).
    """

    class Source(models.TextChoices):
        RECORD = "record", _("案件记录")
        TEXT = "text", _("事实文本")
        PROSECUTOR = "prosecutor", _("检察官更正")

    recommendation = models.ForeignKey(
        SentencingRecommendation, on_delete=models.CASCADE, related_name="confirmed_facts"
    )
    version = models.PositiveIntegerField(_("建议版本"))
    key = models.CharField(_("事实"), max_length=40)
    label = models.CharField(_("名称"), max_length=60)
    value = models.JSONField(_("值"), null=True, blank=True)
    display = models.CharField(_("显示"), max_length=200, blank=True)
    source = models.CharField(_("来源"), max_length=20, choices=Source.choices)
    sentence = models.TextField(_("所据原文"), blank=True)
    note = models.TextField(_("说明"), blank=True)  # the record and its date; a correction's reason
    read_value = models.JSONField(_("记录或文本所载"), null=True, blank=True)
    read_source = models.CharField(_("原来源"), max_length=20, blank=True)
    change_reason = models.TextField(_("审核后变更理由"), blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("确认人"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    confirmed_at = models.DateTimeField(_("确认时间"))

    class Meta:
        verbose_name = _("确认的量刑事实")
        verbose_name_plural = _("确认的量刑事实")
        ordering = ["recommendation", "version", "id"]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "version", "key"], name="one_fact_per_version")
        ]

    def __str__(self):
        return f"{self.recommendation} · v{self.version} · {self.label}"
