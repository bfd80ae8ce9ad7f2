"""Models of the corpus app: decided judgments (裁判文书) imported from CAIL2018-format files, and import runs.

A judgment is stored once (its content hash is unique), with the facts the engine extracted at import:
the full `CaseFacts` as JSON plus the structured factors that similar-case retrieval filters on
(main charge, amount, injury grade, drug grams, circumstance flags) as indexed columns.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """One `corpus import FILE`: counts, and where it stopped so that it can be resumed."""

    class Status(models.TextChoices):
        RUNNING = "running", _("进行中")
        DONE = "done", _("已完成")

    path = models.CharField(_("文件"), max_length=500)
    fingerprint = models.CharField(_("文件指纹"), max_length=64, db_index=True)
    encoding = models.CharField(_("编码"), max_length=20, default="utf-8")
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.RUNNING)
    lines_read = models.PositiveIntegerField(_("已读行数"), default=0)
    imported = models.PositiveIntegerField(_("已导入"), default=0)
    duplicates = models.PositiveIntegerField(_("重复"), default=0)
    errors = models.PositiveIntegerField(_("错误"), default=0)
    position = models.BigIntegerField(_("续传位置（字节）"), default=0)  # CSV: data rows done
    line_number = models.PositiveIntegerField(_("已处理至行号"), default=0)
    started_at = models.DateTimeField(_("开始时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("导入批次")
        verbose_name_plural = _("导入批次")

    def __str__(self):
        return f"{self.path} ({self.imported}/{self.lines_read})"


class ImportLineError(models.Model):
    """A line of an import file that could not be imported, with its number and the reason."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="line_errors")
    line = models.PositiveIntegerField(_("行号"))
    reason = models.CharField(_("原因"), max_length=500)

    class Meta:
        ordering = ["run", "line"]
        verbose_name = _("导入错误")
        verbose_name_plural = _("导入错误")
        constraints = [models.UniqueConstraint(fields=["run", "line"], name="corpus_importerror_run_line")]

    def __str__(self):
        return f"line {self.line}: {self.reason}"


class Judgment(models.Model):
    """One decided case. Terms in months; death and life are flags (term_months is then null)."""

    content_hash = models.CharField(_("内容哈希"), max_length=64, unique=True)
    fact = models.TextField(_("案件事实"))
    charges = models.JSONField(_("罪名"), default=list)
    articles = models.JSONField(_("法条"), default=list)
    main_charge = models.CharField(_("主罪名"), max_length=60, db_index=True)
    term_months = models.IntegerField(_("刑期（月）"), null=True, blank=True)
    death_penalty = models.BooleanField(_("死刑"), default=False)
    life_imprisonment = models.BooleanField(_("无期徒刑"), default=False)
    probation = models.BooleanField(_("缓刑"), default=False)
    fine_yuan = models.BigIntegerField(_("罚金（元）"), null=True, blank=True)
    criminals = models.JSONField(_("被告人"), default=list)
    region_code = models.CharField(_("地区代码"), max_length=12, blank=True, db_index=True)
    court = models.CharField(_("法院"), max_length=100, blank=True)
    year = models.PositiveSmallIntegerField(_("年份"), null=True, blank=True)
    synthetic = models.BooleanField(_("合成数据"), default=False)
    # what the engine extracted at import
    facts = models.JSONField(_("提取的事实"), default=dict)
    amount_yuan = models.BigIntegerField(_("涉案金额（元）"), null=True, blank=True)
    injury = models.CharField(_("伤情等级"), max_length=12, blank=True)
    drug_grams = models.FloatField(_("毒品数量（克）"), null=True, blank=True)
    circumstances = models.BigIntegerField(_("情节标志"), default=0)  # bit i = CIRCUMSTANCE_BITS[i]
    calc_months = models.IntegerField(_("计算刑期（月）"), null=True, blank=True)
    run = models.ForeignKey(
        ImportRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="judgments"
    )

    class Meta:
        verbose_name = _("裁判文书")
        verbose_name_plural = _("裁判文书")
        indexes = [models.Index(fields=["main_charge", "amount_yuan"], name="corpus_judg_charge_amount")]

    def __str__(self):
        return f"{self.main_charge} #{self.pk}"

    @property
    def exempt(self) -> bool:
        return self.term_months == 0 and not (self.death_penalty or self.life_imprisonment)


class Artefact(models.Model):
    """One published version of a file set every app server reads: the similar-case index, the learned sentencing
    model or the study's withdrawal-risk model (leniency/study/risk.py).

    Its files live in the file storage (the local disk or an object store) under names that carry the version,
    never overwritten; each server copies the current version to its own cache and loads it from there. The
    current version of a kind is its newest row (leniency/corpus/artefacts.py)."""

    class Kind(models.TextChoices):
        CORPUS_INDEX = "corpus_index", _("类案索引")
        SENTENCING_MODEL = "sentencing_model", _("量刑模型")
        WITHDRAWAL_RISK = "withdrawal_risk", _("反悔风险模型")

    kind = models.CharField(max_length=32, choices=Kind.choices)
    version = models.CharField(max_length=64)
    files = models.JSONField(default=list)  # [{"name": file name, "path": storage name, "sha256", "size"}]
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "version"], name="corpus_artefact_version")]
        indexes = [models.Index(fields=["kind", "-id"], name="corpus_artefact_current")]

    def __str__(self):
        return f"{self.kind} {self.version}"
