"""Every figure the portal and the periodic report publish, one small function each.

A figure function takes a `Frame` (the defendants of a period, grouped by region, zone, crime or quarter)
and returns a `Figure`: its definition, exclusions, source, N and a protected count table (see
disclosure.py). Nothing here returns a name or an identifier; rows are groups of persons. A figure
whose source model has no rows at all is returned with `available=False`, so that the portal says
"no data yet" instead of publishing a misleading 0 %. Sentence distributions and the regional disparity
index come from the judgment corpus (corpus_figures.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency.accounts.models import Region
from leniency.audit.models import AuditEvent
from leniency.cases.models import Defendant, DefendantCharge
from leniency.cases.stages import TRIAL_STAGES, Stage
from leniency.counsel.models import CounselAssignment, ParticipationEntry
from leniency.counsel.models.participation import CONTACT
from leniency.plea.models import PleaAgreement, Withdrawal
from leniency.plea.taxonomy import REASON_GROUP, ReasonGroup, WithdrawalReason, WithdrawalStage
from leniency.recommendations.models import CourtDecision, LawyerOpinion, SentencingRecommendation
from leniency.study.features import PersonRow, person_rows
from leniency.study.measures import ADOPTION_RATE, PLEA_RATE, WITHDRAWAL_RATE

from .disclosure import Table, protect
from .periods import Period, quarter_of

DIMENSIONS = ("region", "zone", "crime", "quarter")
TOP_CRIMES = 8
REVIEW_CONCLUDED = set(TRIAL_STAGES) | {Stage.NON_PROSECUTION}


def dimension_label(by: str) -> str:
    return {"region": _("区县"), "zone": _("地区分类"), "crime": _("罪名"), "quarter": _("受理季度")}[by]


def other_crimes_label() -> str:
    return _("其他罪名")


@dataclass
class Figure:
    key: str
    title: str
    definition: str
    exclusions: str
    source: str
    table: Table | None = None
    cols: list[str] = field(default_factory=list)
    rate_cols: list[int] = field(default_factory=list)  # the numerator columns of a rate
    rate_label: str = ""
    available: bool = True
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def n(self) -> int | None:
        return self.table.total.shown if self.table else None

    def rates(self) -> list[float | None]:
        """Per row: the rate computed from published cells only (None where a needed cell is withheld)."""
        if not self.table or not self.rate_cols:
            return []
        return [
            _rate(row, total, self.rate_cols)
            for row, total in zip(self.table.cells, self.table.row_totals, strict=True)
        ]

    def total_rate(self) -> float | None:
        if not self.table or not self.rate_cols or self.table.one_way:
            return None
        return _rate(self.table.col_totals, self.table.total, self.rate_cols)


def _rate(cells, total, rate_cols) -> float | None:
    if total.shown in (None, 0):
        return None
    num = [cells[j].shown for j in rate_cols]
    if all(v is not None for v in num):
        return sum(num) / total.shown
    rest = [cells[j].shown for j in range(len(cells)) if j not in rate_cols]
    if all(v is not None for v in rest):
        return (total.shown - sum(rest)) / total.shown
    return None


# ---- the population ------------------------------------------------------------------------------


@dataclass
class Frame:
    """The defendants of cases received in the period, with the group each falls in."""

    period: Period
    by: str
    group: dict[int, str]
    order: list[str]
    stage: dict[int, str]
    detained_on: dict[int, object]
    threshold: int
    _rows: dict[int, PersonRow] | None = None

    @property
    def ids(self) -> list[int]:
        return list(self.group)

    def person_rows(self) -> dict[int, PersonRow]:
        """The study's person rows of the frame's defendants (read once): the shared measures are computed from
        them, so that a figure the study also shows gives the same number (leniency.study.measures)."""
        if self._rows is None:
            self._rows = {r.defendant_id: r for r in person_rows(self.ids)}
        return self._rows


def build_frame(period: Period, by: str = "region", *, threshold: int | None = None) -> Frame:
    if by not in DIMENSIONS:
        raise ValueError(f"unknown dimension {by}")
    qs = Defendant.objects.all()
    if period.start:
        qs = qs.filter(case__received_on__gte=period.start, case__received_on__lte=period.end)
    rows = list(
        qs.values_list(
            "id",
            "stage",
            "detained_on",
            "case__received_on",
            "case__region__name",
            "case__region__code",
            "case__region__zone",
        )
    )
    crimes = dict(
        DefendantCharge.objects.filter(principal=True, defendant__in=qs).values_list(
            "defendant_id", "charge__name"
        )
    )
    zones = dict(Region.Zone.choices)
    group, order_key = {}, {}
    if by == "crime":
        counts = Counter(crimes.get(r[0], "") for r in rows)
        top = {c for c, _n in counts.most_common(TOP_CRIMES) if c}
    for pk, _stage, _det, received, region, code, zone in rows:
        if by == "region":
            label, key = region, code
        elif by == "zone":
            label = str(zones.get(zone, _("未分类")))
            key = list(zones).index(zone) if zone in zones else 9
        elif by == "quarter":
            label = key = quarter_of(received)
        else:
            crime = crimes.get(pk, "")
            label = f"{crime}罪" if crime in top else other_crimes_label()
            key = (crime not in top, -counts[crime] if crime in top else 0, label)
        group[pk] = label
        order_key.setdefault(label, key)
    return Frame(
        period=period,
        by=by,
        group=group,
        order=sorted(order_key, key=order_key.get),
        stage={r[0]: r[1] for r in rows},
        detained_on={r[0]: r[2] for r in rows},
        threshold=threshold if threshold is not None else settings.DISCLOSURE_THRESHOLD,
    )


def tabulate(
    frame: Frame, classified: dict[int, int | None], ncols: int
) -> tuple[list[list[int]], list[str]]:
    """Count persons per (group, column); persons classified None are left out. Empty groups are dropped."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * ncols)
    for pk, col in classified.items():
        if col is not None and pk in frame.group:
            counts[frame.group[pk]][col] += 1
    rows = [g for g in frame.order if g in counts]
    return [counts[g] for g in rows], rows


def _table(frame: Frame, classified: dict[int, int | None], cols: list[str]) -> Table | None:
    grid, rows = tabulate(frame, classified, len(cols))
    if not rows:
        return None
    return protect(grid, rows=rows, cols=cols, threshold=frame.threshold)


def _unavailable(fig: Figure) -> Figure:
    fig.available = False
    fig.note = _("数据来源尚无记录，暂不发布。")
    return fig


# ---- the figures -----------------------------------------------------------------------------------


def _measure_figure(key: str, measure, cols: list[str], source: str, **kw) -> Figure:
    """A figure of a shared measure: its name, definition and exclusions are the registry's."""
    return Figure(
        key, str(measure.name), str(measure.definition), str(measure.exclusions), source, cols=cols, **kw
    )


def plea_rate(frame: Frame) -> Figure:
    cols = [_("认罪认罚"), _("未认罪认罚")]
    fig = _measure_figure(
        "plea_rate",
        PLEA_RATE,
        cols,
        _("具结书与量刑建议记录（plea、recommendations 模块）"),
        rate_cols=[0],
        rate_label=_("适用率"),
    )
    if not PleaAgreement.objects.exists() and not SentencingRecommendation.objects.exists():
        return _unavailable(fig)
    counted = PLEA_RATE.classify(frame.person_rows().values())
    fig.table = _table(frame, {pk: 0 if yes else 1 for pk, yes in counted.items()}, cols)
    return fig


def _final_recommendations(frame: Frame):
    latest = {}
    for pk, d, kind in (
        SentencingRecommendation.objects.filter(defendant_id__in=frame.ids, finalised_at__isnull=False)
        .order_by("defendant_id", "round")
        .values_list("pk", "defendant_id", "kind")
    ):
        latest[d] = (pk, kind)
    return latest


def recommendation_kind(frame: Frame) -> Figure:
    cols = [_("确定刑"), _("幅度刑")]
    fig = Figure(
        "recommendation_kind",
        _("确定刑量刑建议占比"),
        _("有已确定量刑建议的犯罪嫌疑人、被告人中，最后一轮已确定建议为确定刑的比例。"),
        _("不计尚无已确定量刑建议的人员；被新一轮取代的建议不计。"),
        _("量刑建议记录（recommendations 模块）"),
        cols=cols,
        rate_cols=[0],
        rate_label=_("确定刑占比"),
    )
    if not SentencingRecommendation.objects.filter(finalised_at__isnull=False).exists():
        return _unavailable(fig)
    latest = _final_recommendations(frame)
    kinds = [SentencingRecommendation.Kind.FIXED, SentencingRecommendation.Kind.RANGE]
    fig.table = _table(frame, {d: kinds.index(kind) for d, (_pk, kind) in latest.items()}, cols)
    return fig


def adoption_rate(frame: Frame) -> Figure:
    choices = [
        CourtDecision.Decision.ADOPT,
        CourtDecision.Decision.REQUEST_ADJUSTMENT,
        CourtDecision.Decision.DECIDE_OTHERWISE,
    ]
    cols = [str(c.label) for c in choices]
    fig = _measure_figure(
        "adoption_rate",
        ADOPTION_RATE,
        cols,
        _("法院采纳决定（recommendations 模块）"),
        rate_cols=[0],
        rate_label=_("采纳率"),
    )
    fig.note = _("按法院对该建议的最后一次决定分列。")
    if not CourtDecision.objects.exists():
        return _unavailable(fig)
    population = {r.rec_id: pk for pk, r in frame.person_rows().items() if ADOPTION_RATE.in_population(r)}
    last = {}
    for rec_id, decision in (
        CourtDecision.objects.filter(recommendation_id__in=list(population))
        .order_by("created_at", "pk")
        .values_list("recommendation_id", "decision")
    ):
        last[population[rec_id]] = choices.index(decision)
    fig.table = _table(frame, last, cols)
    return fig


def adoption_over_objection(frame: Frame) -> Figure:
    """Issue 17: how often the court adopts over the defence's objection, and whether it said why."""
    cols = [_("辩方有异议，附理由采纳"), _("辩方有异议，未附理由采纳"), _("辩方无异议")]
    fig = Figure(
        "adoption_over_objection",
        _("辩方异议后法院采纳的比例"),
        _(
            "法院最后一次决定为采纳的被告人中，采纳时辩护人或值班律师对该轮量刑建议的最近意见为异议的比例，"
            "并按是否写明采纳理由分列（刑事诉讼法第二百零一条第二款）。"
        ),
        _("不计未采纳或尚未作出决定的人员；理由内容不公开，仅统计是否写明。"),
        _("法院采纳决定与律师意见（recommendations 模块）"),
        cols=cols,
        rate_cols=[0, 1],
        rate_label=_("异议后采纳占比"),
    )
    if not CourtDecision.objects.filter(decision=CourtDecision.Decision.ADOPT).exists():
        return _unavailable(fig)
    last = {}
    for decision in (
        CourtDecision.objects.filter(recommendation__defendant_id__in=frame.ids)
        .select_related("recommendation")
        .order_by("created_at", "pk")
    ):
        last[decision.recommendation.defendant_id] = decision
    adopted = {d: c for d, c in last.items() if c.decision == CourtDecision.Decision.ADOPT}
    opinions: dict[int, list] = defaultdict(list)
    for rec_id, position, at in LawyerOpinion.objects.filter(
        recommendation_id__in={c.recommendation_id for c in adopted.values()}
    ).values_list("recommendation_id", "position", "created_at"):
        opinions[rec_id].append((at, position))
    classified = {}
    for d, c in adopted.items():
        before = sorted(o for o in opinions[c.recommendation_id] if o[0] <= c.created_at)
        objected = bool(before) and before[-1][1] == LawyerOpinion.Position.OBJECT
        classified[d] = (0 if c.reasons.strip() else 1) if objected else 2
    fig.table = _table(frame, classified, cols)
    return fig


def _first_withdrawals(ids):
    first = {}
    for d, stage, reasons in (
        Withdrawal.objects.filter(defendant_id__in=ids)
        .order_by("occurred_at", "pk")
        .values_list("defendant_id", "stage", "reasons")
    ):
        first.setdefault(d, (stage, reasons))
    return first


def withdrawal_by_stage(frame: Frame) -> Figure:
    stages = list(WithdrawalStage)
    cols = [_("未反悔")] + [str(s.label) for s in stages]
    fig = _measure_figure(
        "withdrawal_stage",
        WITHDRAWAL_RATE,
        cols,
        _("具结书与反悔记录（plea 模块）"),
        rate_cols=list(range(1, len(cols))),
        rate_label=_("反悔率"),
    )
    fig.title = _("反悔率（按阶段）")
    fig.note = _("按第一次反悔所处阶段分列。")
    if not PleaAgreement.objects.exists():
        return _unavailable(fig)
    values = [s.value for s in stages]
    classified = {}
    for pk, r in frame.person_rows().items():
        if WITHDRAWAL_RATE.in_population(r):
            withdrew = WITHDRAWAL_RATE.counts(r) and r.withdrawal_stages
            classified[pk] = 1 + values.index(r.withdrawal_stages[0]) if withdrew else 0
    fig.table = _table(frame, classified, cols)
    return fig


def withdrawal_by_reason(frame: Frame) -> Figure:
    groups = list(ReasonGroup)
    cols = [str(g.label) for g in groups]
    fig = Figure(
        "withdrawal_reason",
        _("反悔原因"),
        _("反悔人员按第一次反悔所列的第一项原因归类（检察机关方面、本人方面、律师方面、其他）。"),
        _("未列原因的反悔不计；同一人多次反悔的只计第一次。"),
        _("反悔记录（plea 模块）"),
        cols=cols,
    )
    if not Withdrawal.objects.exists():
        return _unavailable(fig)
    first = _first_withdrawals(frame.ids)
    classified = {}
    for pk, (_stage, reasons) in first.items():
        if reasons and reasons[0] in WithdrawalReason.values:
            classified[pk] = groups.index(REASON_GROUP[WithdrawalReason(reasons[0])])
    fig.table = _table(frame, classified, cols)
    return fig


def lawyer_participation(frame: Frame) -> Figure:
    cols = [_("律师有会见或咨询记录"), _("有律师但无会见、咨询记录"), _("无律师")]
    fig = Figure(
        "lawyer_participation",
        _("律师参与率"),
        _("审查起诉已终结的人员中，有值班律师、法律援助律师或辩护人且登记过会见或法律咨询的比例。"),
        _("不计尚在侦查或审查起诉中的人员及撤案人员；仅指派而无会见、咨询记录的单列。"),
        _("律师指派与履职记录（counsel 模块）"),
        cols=cols,
        rate_cols=[0],
        rate_label=_("实质参与率"),
    )
    pop = [pk for pk in frame.ids if frame.stage[pk] in REVIEW_CONCLUDED]
    assigned = set(
        CounselAssignment.objects.filter(defendant_id__in=pop).values_list("defendant_id", flat=True)
    )
    met = set(
        ParticipationEntry.objects.filter(
            assignment__defendant_id__in=pop, service__in=list(CONTACT)
        ).values_list("assignment__defendant_id", flat=True)
    )
    fig.table = _table(frame, {pk: 0 if pk in met else (1 if pk in assigned else 2) for pk in pop}, cols)
    return fig


def early_intervention(frame: Frame) -> Figure:
    cols = [_("羁押后3日内（含羁押前）"), _("4至7日"), _("8日以上")]
    fig = Figure(
        "early_intervention",
        _("律师早期介入"),
        _("被羁押且有律师的人员，从羁押之日到第一位律师被指派之日的天数。"),
        _("不计未被羁押或从未有律师的人员。"),
        _("羁押日期与律师指派记录"),
        cols=cols,
        rate_cols=[0],
        rate_label=_("3日内介入率"),
    )
    detained = {pk: day for pk, day in frame.detained_on.items() if day}
    first = dict(
        CounselAssignment.objects.filter(defendant_id__in=list(detained))
        .values_list("defendant_id")
        .annotate(first=Min("assigned_at"))
        .order_by()
    )
    classified = {}
    for pk, at in first.items():
        days = (timezone.localtime(at).date() - detained[pk]).days
        classified[pk] = 0 if days <= 3 else (1 if days <= 7 else 2)
    fig.table = _table(frame, classified, cols)
    return fig


def appeal_rate(frame: Frame) -> Figure:
    cols = [_("上诉"), _("未上诉")]
    fig = Figure(
        "appeal_rate",
        _("上诉率"),
        _("一审判决已过上诉期或已上诉的被告人中，提出上诉的比例。"),
        _("不计一审判决后仍在上诉期内的人员、未经判决结案的人员；检察机关抗诉不计入。"),
        _("诉讼阶段及其变更记录"),
        cols=cols,
        rate_cols=[0],
        rate_label=_("上诉率"),
    )
    pop = [pk for pk in frame.ids if frame.stage[pk] in (Stage.APPEAL, Stage.FINAL)]
    appealed = {
        int(x)
        for x in AuditEvent.objects.filter(
            action="defendant.stage.changed", data__to=Stage.APPEAL, object_id__in=[str(pk) for pk in pop]
        ).values_list("object_id", flat=True)
    }
    appealed |= {pk for pk in pop if frame.stage[pk] == Stage.APPEAL}
    fig.table = _table(frame, {pk: 0 if pk in appealed else 1 for pk in pop}, cols)
    return fig


FIGURES = [
    plea_rate,
    recommendation_kind,
    adoption_rate,
    adoption_over_objection,
    withdrawal_by_stage,
    withdrawal_by_reason,
    lawyer_participation,
    early_intervention,
    appeal_rate,
]


def compute(period: Period, by: str = "region", *, threshold: int | None = None) -> list[Figure]:
    """Every process figure for the period, grouped `by` one dimension."""
    frame = build_frame(period, by, threshold=threshold)
    return [f(frame) for f in FIGURES]
