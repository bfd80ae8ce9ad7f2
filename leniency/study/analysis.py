"""The withdrawal study: every figure computed from the database for one procuratorate and period.

`run_study(org, date_from, date_to)` returns a `Study` (tables, tests, charts, definitions, limitations) that
the page, the HTML file and the PDF render alike. Cross-tables are tested with chi-square where every expected
count is at least 5, with Fisher's exact test for a 2×2 table where some are smaller, and otherwise the report
says in words that no test is made. The report makes a dozen tests at once, so each p-value is also given
after Holm's correction for their number: a difference is called significant on the corrected value.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leniency.cases.models import Defendant
from leniency.plea.taxonomy import REASON_GROUP, ReasonGroup, WithdrawalReason, WithdrawalStage

from . import charts
from .features import FAR_ABOVE, PersonRow, imported_rows, person_rows
from .guarantees import heavier_after_withdrawal, protest_flags
from .measures import MEASURES
from .models import ImportedPerson
from .risk import fit

PLEA_STAGE_LABELS = {"investigation": "侦查阶段", "prosecution_review": "审查起诉阶段", "trial": "审判阶段"}
TOP_CRIMES = 6


@dataclass
class Test:
    method: str  # "chi2", "fisher", "none"
    text: str
    p: float | None = None
    p_holm: float | None = None  # corrected for every test of the same report (`correct_for_multiple_tests`)

    @property
    def significant(self) -> bool:
        return self.p_holm is not None and self.p_holm < 0.05


def correct_for_multiple_tests(tests: list[Test]) -> None:
    """Holm's step-down correction across the tests that gave a p-value; each test's text says the result."""
    from statsmodels.stats.multitest import multipletests

    made = [t for t in tests if t.p is not None]
    if not made:
        return
    _reject, corrected, _sidak, _bonferroni = multipletests([t.p for t in made], alpha=0.05, method="holm")
    for test, p in zip(made, corrected, strict=True):
        test.p_holm = float(p)
        verdict = _("差异显著") if test.significant else _("差异不显著")
        test.text += " " + _("按Holm法对本报告%(m)d项检验校正后p=%(p)s，%(verdict)s（α=0.05）。") % {
            "m": len(made),
            "p": _p(test.p_holm),
            "verdict": verdict,
        }


@dataclass
class Table:
    key: str
    title: str
    headers: list[str]
    rows: list[list]
    test: Test | None = None
    note: str = ""


@dataclass
class Study:
    org: object
    date_from: date
    date_to: date
    rows: list[PersonRow]
    tables: dict[str, Table] = field(default_factory=dict)
    figures: dict = field(default_factory=dict)
    charts: dict[str, str] = field(default_factory=dict)
    heavier: list = field(default_factory=list)
    measures: list = field(
        default_factory=list
    )  # (Measure, numerator, denominator, rate) shared with the portal
    protests: list = field(default_factory=list)
    model: dict | None = None
    seconds: float = 0.0
    source: str = "platform"  # "platform": the platform's own records; "imported": `ImportedPerson`

    @property
    def source_label(self) -> str:
        return str(SOURCES[self.source])

    def table(self, key: str) -> Table:
        return self.tables[key]


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "—"


def cross_test(counts: list[list[int]]) -> Test:
    """Counts: one row per group, columns (withdrawn, not withdrawn)."""
    # scipy.stats takes over a second to import; only the study's tests of association need it.
    from scipy.stats import chi2_contingency, fisher_exact

    counts = [r for r in counts if sum(r) > 0]
    if len(counts) < 2 or any(sum(c[i] for c in counts) == 0 for i in range(2)):
        return Test("none", _("有的组别或结果没有观察值，无法检验。"))
    chi2, p, dof, expected = chi2_contingency(counts, correction=False)
    small = int((expected < 5).sum())
    if small == 0:
        return Test(
            "chi2",
            _("卡方检验：χ²=%(chi2).2f，自由度%(dof)d，p=%(p)s。") % {"chi2": chi2, "dof": dof, "p": _p(p)},
            float(p),
        )
    if len(counts) == 2:
        odds, p = fisher_exact(counts)
        return Test(
            "fisher",
            _("有%(small)d个格子的期望频数小于5，卡方检验不适用，改用Fisher精确检验：p=%(p)s。")
            % {"small": small, "p": _p(p)},
            float(p),
        )
    return Test(
        "none",
        _("有%(small)d个格子的期望频数小于5，卡方检验不适用；表格大于2×2，不作检验，仅作描述。")
        % {"small": small},
    )


def _p(p: float) -> str:
    return "<0.001" if p < 0.001 else f"{p:.3f}"


def _rate_table(key, title, label, groups: list[tuple[str, list[PersonRow]]], note="") -> Table:
    rows, counts = [], []
    for name, members in groups:
        w = sum(r.withdrawn for r in members)
        rows.append([name, len(members), w, pct(w, len(members))])
        counts.append([w, len(members) - w])
    return Table(
        key, title, [label, _("认罪认罚人数"), _("反悔人数"), _("反悔率")], rows, cross_test(counts), note
    )


SOURCES = {
    "platform": gettext_lazy("本平台办理案件的记录"),
    "imported": gettext_lazy("本院导入的历史记录（研究数据导入模板）"),
}


def study_rows(org, date_from: date, date_to: date, source: str = "platform") -> list[PersonRow]:
    """The person rows of a procuratorate's persons received in the period, from the platform's own tables or
    from its imported historical records: the same `PersonRow` either way."""
    if source == "imported":
        return imported_rows(
            ImportedPerson.objects.filter(
                organisation=org, received_on__gte=date_from, received_on__lte=date_to
            ).order_by("pk")
        )
    if source != "platform":
        raise ValueError(f"unknown source {source!r}: 'platform' or 'imported'")
    return person_rows(
        Defendant.objects.filter(
            case__procuratorate=org, case__received_on__gte=date_from, case__received_on__lte=date_to
        )
    )


STUDY_STEPS = 5


def run_study(
    org,
    date_from: date,
    date_to: date,
    *,
    with_charts: bool = True,
    with_model: bool = True,
    source: str = "platform",
    on_step=None,
) -> Study:
    """The study of a procuratorate's persons received in the period. `on_step(done, STUDY_STEPS)` hears each
    step done: the rows read, the tables, the guarantees, the early-warning model, the charts."""
    step = on_step or (lambda done, total: None)
    started = time.perf_counter()
    rows = study_rows(org, date_from, date_to, source)
    step(1, STUDY_STEPS)
    study = Study(org, date_from, date_to, rows, source=source)
    T = study.tables
    n = len(rows)
    pleaded = [r for r in rows if r.pleaded]
    withdrawn = [r for r in pleaded if r.withdrawn]
    f = study.figures
    f.update(
        persons=n,
        cases=len({r.case_id for r in rows}),
        crimes=len({r.crime for r in rows}),
        pleaded=len(pleaded),
        withdrawn=len(withdrawn),
        agreements=sum(r.has_agreement for r in pleaded),
        withdrawals=sum(len(r.withdrawal_stages) for r in rows),
    )

    # 1. Sample
    crimes = Counter(r.crime for r in rows)
    T["crimes"] = Table(
        "crimes",
        _("表1 样本的罪名分布"),
        [_("罪名"), _("人数"), _("占比")],
        [[c, k, pct(k, n)] for c, k in crimes.most_common()],
    )
    # 2. Plea application and stage
    stages = Counter(r.plea_stage for r in pleaded)
    T["plea_stage"] = Table(
        "plea_stage",
        _("表2 认罪认罚的适用阶段"),
        [_("阶段"), _("人数"), _("占认罪认罚人数")],
        [
            [PLEA_STAGE_LABELS.get(s, s), stages.get(s, 0), pct(stages.get(s, 0), len(pleaded))]
            for s in PLEA_STAGE_LABELS
        ],
    )
    # 3. Recommendation types and adoption
    kinds = [
        ("fixed", _("确定刑")),
        ("range_ok", _("幅度刑（宽度在限度内）")),
        ("range_wide", _("幅度刑（超过宽度限度）")),
    ]

    def kind_of(r):
        return "fixed" if r.rec_kind == "fixed" else ("range_wide" if r.wide_range else "range_ok")

    with_rec = [r for r in pleaded if r.rec_kind]
    decided = [r for r in with_rec if r.adopted is not None]
    rec_rows = []
    for key, label in kinds:
        members = [r for r in with_rec if kind_of(r) == key]
        judged = [r for r in decided if kind_of(r) == key]
        adopted = sum(r.adopted for r in judged)
        rec_rows.append(
            [
                label,
                len(members),
                pct(len(members), len(with_rec)),
                len(judged),
                adopted,
                pct(adopted, len(judged)),
            ]
        )
    T["rec_kinds"] = Table(
        "rec_kinds",
        _("表3 量刑建议的方式与采纳"),
        [_("建议方式"), _("人数"), _("占比"), _("已有法院决定"), _("采纳"), _("采纳率")],
        rec_rows,
    )
    f["adopted"] = sum(r.adopted for r in decided)
    # 4. Withdrawals by stage
    stage_counts = Counter(s for r in rows for s in r.withdrawal_stages)
    T["w_stage"] = Table(
        "w_stage",
        _("表4 反悔的阶段"),
        [_("反悔阶段"), _("次数"), _("占反悔次数")],
        [
            [WithdrawalStage(s).label, stage_counts.get(s, 0), pct(stage_counts.get(s, 0), f["withdrawals"])]
            for s in WithdrawalStage
        ],
    )
    # 5. Reasons by group and reason (a withdrawal may give several)
    reasons = Counter(x for r in rows for x in r.reasons)
    total_w = f["withdrawals"]
    reason_rows = []
    for group in ReasonGroup:
        members = [x for x in WithdrawalReason if REASON_GROUP[x] == group]
        group_n = sum(
            1
            for r in rows
            if any(
                REASON_GROUP[WithdrawalReason(x)] == group for x in r.reasons if x in WithdrawalReason.values
            )
        )
        reason_rows.append([str(group.label), "", group_n, pct(group_n, len(withdrawn))])
        for x in members:
            reason_rows.append(
                ["", str(x.label), reasons.get(x.value, 0), pct(reasons.get(x.value, 0), total_w)]
            )
    T["reasons"] = Table(
        "reasons",
        _("表5 反悔的原因（按方面）"),
        [_("方面"), _("原因"), _("人数/次数"), _("占比")],
        reason_rows,
        note=_(
            "方面一行为提出该方面原因的反悔人数（占反悔人数）；原因一行为提及次数"
            "（占反悔次数）。一次反悔可以有多个原因，合计可超过100%。"
        ),
    )
    f["reason_mentions"] = sum(reasons.values())
    # 6. By crime
    top = [c for c, _k in Counter(r.crime for r in pleaded).most_common(TOP_CRIMES)]
    groups = [(c, [r for r in pleaded if r.crime == c]) for c in top]
    rest = [r for r in pleaded if r.crime not in top]
    if rest:
        groups.append((_("其他罪名"), rest))
    T["w_crime"] = _rate_table("w_crime", _("表6 各罪名的反悔率"), _("罪名"), groups)
    # 7–10. Lawyer participation, letter, notice
    yes_no = [(_("是"), True), (_("否"), False)]
    T["w_meeting"] = _rate_table(
        "w_meeting",
        _("表7 签署前律师是否会见与反悔"),
        _("签署前律师会见"),
        [(label, [r for r in pleaded if r.meeting_before == v]) for label, v in yes_no],
    )
    T["w_opinion"] = _rate_table(
        "w_opinion",
        _("表8 律师是否提出书面意见与反悔"),
        _("律师提出意见"),
        [(label, [r for r in pleaded if r.opinion_filed == v]) for label, v in yes_no],
    )
    T["w_letter"] = _rate_table(
        "w_letter",
        _("表9 是否送达释法说理书与反悔"),
        _("释法说理书已送达"),
        [(label, [r for r in pleaded if r.letter_delivered == v]) for label, v in yes_no],
    )
    T["w_notice"] = _rate_table(
        "w_notice",
        _("表10 权利告知是否确认与反悔"),
        _("权利告知已确认"),
        [(label, [r for r in pleaded if r.notice_acknowledged == v]) for label, v in yes_no],
    )
    # 11. Recommendation type
    T["w_kind"] = _rate_table(
        "w_kind",
        _("表11 量刑建议方式与反悔"),
        _("建议方式"),
        [(label, [r for r in with_rec if kind_of(r) == key]) for key, label in kinds],
    )
    # 12. Gap to similar cases
    bands = [
        (_("低于类案10%以上"), lambda g: g < -0.10),
        (_("与类案相差10%以内"), lambda g: -0.10 <= g <= 0.10),
        (_("高于类案10%–25%"), lambda g: 0.10 < g < FAR_ABOVE),
        (_("高于类案25%以上"), lambda g: g >= FAR_ABOVE),
    ]
    gapped = [r for r in with_rec if r.gap is not None]
    T["w_gap"] = _rate_table(
        "w_gap",
        _("表12 建议与类案的差距与反悔"),
        _("与类案中位数的差距"),
        [(label, [r for r in gapped if test(r.gap)]) for label, test in bands],
    )
    f["far_above"] = sum(r.far_above for r in gapped)
    step(2, STUDY_STEPS)
    # Guarantees
    if (
        source == "platform"
    ):  # they read the recommendations and appeals themselves, which imports do not hold
        ids = [r.defendant_id for r in rows]
        study.heavier = heavier_after_withdrawal(ids)
        study.protests = protest_flags(ids)
    _shared_measures(study)
    correct_for_multiple_tests([t.test for t in T.values() if t.test is not None])
    step(3, STUDY_STEPS)
    # Early-warning model on the same rows
    if with_model and len(pleaded) >= 50:
        try:
            study.model = fit(pleaded)
        except ValueError:
            study.model = None
    step(4, STUDY_STEPS)
    if with_charts:
        study.charts = charts.study_charts(study)
    step(5, STUDY_STEPS)
    study.seconds = time.perf_counter() - started
    return study


def _shared_measures(study: Study) -> None:
    """The figures the portal publishes too, from the registry (measures.py): the same definition and numbers."""
    f = study.figures
    study.measures = []
    for measure in MEASURES.values():
        num, den = measure.count(study.rows)
        study.measures.append((measure, num, den, pct(num, den)))
        f[f"{measure.key}_num"], f[f"{measure.key}_den"] = num, den
    f["pleaded_pct"] = pct(f["plea_rate_num"], f["plea_rate_den"])
    f["concluded"] = f["plea_rate_den"]
    f["withdrawn_pct"] = pct(f["withdrawal_rate_num"], f["withdrawal_rate_den"])
    f["adopted_pct"] = pct(f["adoption_rate_num"], f["adoption_rate_den"])


DEFINITIONS = [
    (
        gettext_lazy("样本"),
        gettext_lazy("期间内检察院受理（案件受理日期）的案件中的全部犯罪嫌疑人、被告人，一人一条记录。"),
    ),
    (
        gettext_lazy("认罪认罚"),
        gettext_lazy(
            "该人签署了认罪认罚具结书，或在审判阶段认罪并接受量刑建议（未签具结书）。"
            "检察官确定了量刑建议而本人未签署的，不算认罪认罚。认罪认罚适用率以审查起诉已终结的人数为分母。"
        ),
    ),
    (
        gettext_lazy("签署时点"),
        gettext_lazy("具结书签署完成的时间；未签署具结书（审判阶段认罪）的，以量刑建议确定的时间为准。"),
    ),
    (gettext_lazy("签署前会见"), gettext_lazy("律师在签署时点之前登记了会见。")),
    (gettext_lazy("律师提出意见"), gettext_lazy("律师登记了书面意见，或对量刑建议提出了意见。")),
    (
        gettext_lazy("释法说理书已送达"),
        gettext_lazy("签署时点之前记录了释法说理书送达；未签署具结书的，记录了送达即可。"),
    ),
    (gettext_lazy("权利告知已确认"), gettext_lazy("签署时点之前有经本人确认的权利告知。")),
    (
        gettext_lazy("幅度过宽"),
        gettext_lazy(
            "幅度超过宽度限度：一年以下有期徒刑不超过2个月，一年至三年不超过6个月，三年至十年不超过1年"
            "（最高人民检察院量刑建议工作指导意见，原文待核实）。"
        ),
    ),
    (
        gettext_lazy("与类案的差距"),
        gettext_lazy(
            "（建议刑期或幅度中点 − 类案刑期中位数）÷ 类案中位数；建议未保存5件以上类案统计的，以系统计算刑期代替中位数。"
        ),
    ),
    (
        gettext_lazy("反悔"),
        gettext_lazy("记录了反悔（反悔阶段、原因取自认罪认罚模块的分类）；反悔率以认罪认罚人数为分母。"),
    ),
    (
        gettext_lazy("统计检验"),
        gettext_lazy(
            "每个期望频数不小于5时用卡方检验；2×2表有期望频数小于5的用Fisher精确检验；其他情形不作检验，仅作描述。"
        ),
    ),
]
LIMITATIONS = [
    gettext_lazy(
        "数据只覆盖系统中已记录的事项：未登记的会见、口头释明或未录入的反悔不在统计之内，可能低估相关比例。"
    ),
    gettext_lazy(
        "交叉表只描述两个变量之间的关联，不能说明因果；各因素之间可能相互关联（如委托律师与会见），单因素比较可能混杂。"
    ),
    gettext_lazy(
        "预警模型的优势比及其置信区间来自同一数据上的多因素逻辑回归，只说明关联；交叉验证的AUC与校准表只说明对本院同期数据的区分与校准程度。"
    ),
    gettext_lazy(
        "一审判决后的上诉被统计为反悔，其中包括技术性上诉；与其他阶段的反悔性质不同，解读时应分开。"
    ),
    gettext_lazy("幅度宽度限度所据的规定原文待核实，结论对该定义敏感。"),
    gettext_lazy(
        "审判阶段认罪（未签具结书）按认罪时有效的量刑建议所记的认罪阶段识别；未记录该阶段的，可能被漏计为未认罪认罚。"
    ),
    gettext_lazy(
        "对策建议只在校正后差异显著且方向一致时提出，依据的是本院同期的关联，不是因果证明；样本小时，没有建议不等于没有问题。"
    ),
]
IMPORTED_LIMITATIONS = [
    gettext_lazy(
        "导入的历史记录由本院按模板整理，系统只校验格式与前后一致，未与案卷、录音录像核对；会见次数、释法说理书送达等由整理人填写，可能不全。"
    ),
    gettext_lazy(
        "导入的记录没有各轮量刑建议、上诉理由和律师补贴，反悔后建议是否加重、值班律师补贴等无法从中统计。"
    ),
]
