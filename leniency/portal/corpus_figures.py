"""Sentence distributions and the regional disparity index, from the judgment corpus (leniency.corpus).

Judgments carry a year, not a date: a quarter selects the judgments of its year (said in the exclusions).
Regions are the corpus's region codes, shown by name: from the region table where the code is known (a
district with its city's name), else from the court that judged there. Every figure says how many of its
judgments are synthetic (the demo's generated corpus), so that no invented figure passes for a real one.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from leniency.accounts.models import Region
from leniency.corpus.factors import injury_rank
from leniency.corpus.models import Judgment

from .disclosure import protect
from .disparity import Observation, region_disparity
from .figures import TOP_CRIMES, Figure
from .periods import Period

BANDS = [(0, 0), (1, 6), (7, 12), (13, 36), (37, 120), (121, 10_000)]
QUANTILES = (10, 25, 50, 75, 90)


def band_labels() -> list[str]:
    return [
        _("免予刑事处罚"),
        _("6个月以下"),
        _("7至12个月"),
        _("1年以上3年以下"),
        _("3年以上10年以下"),
        _("10年以上（含无期、死刑）"),
    ]


def _band(months: int | None, severe: bool) -> int:
    if severe:
        return len(BANDS) - 1
    return next(k for k, (lo, hi) in enumerate(BANDS) if lo <= (months or 0) <= hi)


def _rows(period: Period):
    qs = Judgment.objects.all()
    if period.year:
        qs = qs.filter(year=period.year)
    return list(
        qs.values_list(
            "main_charge",
            "region_code",
            "term_months",
            "death_penalty",
            "life_imprisonment",
            "probation",
            "calc_months",
            "amount_yuan",
            "injury",
            "circumstances",
        )
    )


COURT_SUFFIXES = ("高级人民法院", "中级人民法院", "基层人民法院", "人民法院", "法院")


def court_place(court: str) -> str:
    """The place a court sits in, from its name: "滨海市江北区人民法院" -> "滨海市江北区"."""
    court = (court or "").strip()
    suffix = next((s for s in COURT_SUFFIXES if court.endswith(s)), "")
    return court[: -len(suffix)] if suffix else ""


def _region_names(codes) -> dict[str, tuple[str, str]]:
    """Region code -> (name, zone). Named from the region table (a district with its city's name), else from
    the court most of that code's judgments name; a code with no name anywhere is labelled as unknown."""
    codes = set(codes)
    found: dict[str, tuple[str, str]] = {}
    for r in Region.objects.filter(code__in=[c for c in codes if c]).select_related("parent"):
        name = r.name
        if r.level == Region.Level.DISTRICT and r.parent and not name.startswith(r.parent.name):
            name = r.parent.name + name
        found[r.code] = (name, r.zone)
    missing = [c for c in codes if c and c not in found]
    if missing:
        courts = (
            Judgment.objects.filter(region_code__in=missing)
            .exclude(court="")
            .values("region_code", "court")
            .annotate(n=Count("id"))
            .order_by("region_code", "-n", "court")
        )
        for row in courts:
            place = court_place(row["court"])
            if place and row["region_code"] not in found:
                found[row["region_code"]] = (place, "")
    return {
        c: found.get(c) or ((_("未知地区（代码%(code)s）") % {"code": c}) if c else _("未知地区"), "")
        for c in codes
    }


def synthetic_share(period: Period) -> dict | None:
    """How many of the period's judgments are synthetic: {"synthetic": s, "of": n, "all": s == n}, or None
    when none is."""
    qs = Judgment.objects.all()
    if period.year:
        qs = qs.filter(year=period.year)
    counts = qs.aggregate(n=Count("id"), s=Count("id", filter=Q(synthetic=True)))
    if not counts["s"]:
        return None
    return {"synthetic": counts["s"], "of": counts["n"], "all": counts["s"] == counts["n"]}


def synthetic_note(share: dict | None) -> str:
    if not share:
        return ""
    if share["all"]:
        return _(
            "本图表全部由合成（模拟生成）的裁判文书计算（%(n)s份），仅用于演示，不反映任何真实法院的量刑。"
        ) % {"n": share["of"]}
    return _(
        "本图表所用%(n)s份裁判文书中有%(s)s份为合成（模拟生成）数据，仅用于演示，数字不反映真实量刑情况。"
    ) % {"n": share["of"], "s": share["synthetic"]}


def _mark_synthetic(fig: Figure, period: Period) -> None:
    share = synthetic_share(period)
    if share:
        fig.extra["synthetic"] = share
        fig.extra["synthetic_note"] = synthetic_note(share)


def _source_note(period: Period) -> str:
    base = _("不计无刑期记录的文书；无期徒刑、死刑计入最高一档，不计入分位数。")
    if period.year and "-Q" in period.code:
        return base + _("裁判文书只有年份，季度按所在年份统计。")
    return base


def sentence_distribution(period: Period, by: str = "crime", *, threshold: int | None = None) -> Figure:
    """Persons by sentence band, per crime (or region), protected; with quantiles for groups of N >= threshold."""
    threshold = threshold if threshold is not None else settings.DISCLOSURE_THRESHOLD
    cols = band_labels()
    fig = Figure(
        "sentence_distribution",
        _("刑期分布"),
        _("生效裁判文书所判主刑刑期（月）的分布：各刑期档的人数，及第10、25、50、75、90百分位数。"),
        _source_note(period),
        _("裁判文书库（corpus 模块）"),
        cols=cols,
    )
    try:
        rows = _rows(period)
    except Exception:  # the corpus app is not migrated yet
        rows = []
    if not rows:
        return _unavailable_corpus(fig)
    _mark_synthetic(fig, period)
    names = _region_names({r[1] for r in rows})
    zones = dict(Region.Zone.choices)
    crimes = Counter(r[0] for r in rows)
    top = [c for c, _n in crimes.most_common(TOP_CRIMES)]

    def group(r):
        if by == "region":
            return names[r[1]][0]
        if by == "zone":
            return str(zones.get(names[r[1]][1], _("未分类")))
        return f"{r[0]}罪" if r[0] in top else _("其他罪名")

    grid: dict[str, list[int]] = defaultdict(lambda: [0] * len(BANDS))
    months: dict[str, list[int]] = defaultdict(list)
    for r in rows:
        severe = r[3] or r[4]
        if r[2] is None and not severe:
            continue
        g = group(r)
        grid[g][_band(r[2], severe)] += 1
        if not severe:
            months[g].append(r[2])
    order = sorted(grid, key=lambda g: -sum(grid[g]))
    fig.table = protect([grid[g] for g in order], rows=order, cols=cols, threshold=threshold)
    fig.extra["quantiles"] = [quantile_row(g, months[g], threshold) for g in order]
    fig.extra["by"] = by
    return fig


def quantile_row(label: str, values: list[int], threshold: int) -> dict:
    """Percentiles of a group, or only a withheld marker when it has fewer than `threshold` persons."""
    if len(values) < threshold:
        return {"label": label, "n": None, "suppressed": True}
    q = np.percentile(values, QUANTILES)
    return {
        "label": label,
        "n": len(values),
        "suppressed": False,
        "q": [float(round(v, 1)) for v in q],
        "mean": float(round(np.mean(values), 1)),
    }


def _unavailable_corpus(fig: Figure) -> Figure:
    fig.available = False
    fig.note = _("裁判文书库尚无记录，暂不发布。")
    return fig


def crime_region_quantiles(period: Period, *, threshold: int | None = None) -> list[dict]:
    """For each top crime: quantiles of the term per region (groups below the threshold withheld)."""
    threshold = threshold if threshold is not None else settings.DISCLOSURE_THRESHOLD
    try:
        rows = _rows(period)
    except Exception:
        return []
    names = _region_names({r[1] for r in rows})
    crimes = [c for c, _n in Counter(r[0] for r in rows).most_common(TOP_CRIMES)]
    out = []
    for crime in crimes:
        by_region: dict[str, list[int]] = defaultdict(list)
        for r in rows:
            if r[0] == crime and r[2] is not None and not (r[3] or r[4]):
                by_region[names[r[1]][0]].append(r[2])
        out.append(
            {
                "crime": f"{crime}罪",
                "regions": [quantile_row(g, v, threshold) for g, v in sorted(by_region.items())],
            }
        )
    return out


def disparity_figure(period: Period, *, threshold: int | None = None) -> Figure:
    threshold = threshold if threshold is not None else settings.DISCLOSURE_THRESHOLD
    fig = Figure(
        "disparity",
        _("地区量刑差异指数"),
        _(
            "同一罪名、相同已提取事实（系统计算刑期、金额、伤情、各量刑情节）下，各地区刑期的差异：以刑期对数对上述事实"
            "作线性混合模型回归（地区为随机截距，限制性最大似然估计），地区截距的标准差即指数，换算为百分比；"
            "括号内为似然比95%区间，下限为0表示数据与地区间无差异相容。"
        ),
        _(
            "只计有期徒刑、拘役等有刑期的文书（不计免刑、无期、死刑）；文书少于%(t)s份的地区不参与该罪名的计算；"
            "地区少于两个的罪名不计算。"
        )
        % {"t": threshold},
        _("裁判文书库（corpus 模块）"),
    )
    try:
        rows = _rows(period)
    except Exception:
        rows = []
    if not rows:
        return _unavailable_corpus(fig)
    _mark_synthetic(fig, period)
    names = _region_names({r[1] for r in rows})
    by_crime: dict[str, list[Observation]] = defaultdict(list)
    for crime, code, months, death, life, _prob, calc, amount, injury, flags in rows:
        if months and not (death or life):
            by_crime[crime].append(
                Observation(
                    names[code][0],
                    months,
                    calc,
                    float(amount) if amount else None,
                    injury_rank(injury or None),
                    flags or 0,
                )
            )
    results = []
    for crime, obs in sorted(by_crime.items(), key=lambda kv: -len(kv[1]))[:TOP_CRIMES]:
        d = region_disparity(f"{crime}罪", obs, min_per_region=threshold)
        if d is not None:
            results.append(d)
    fig.extra["disparity"] = results
    if not results:
        fig.note = _("没有罪名在两个以上地区各有足够文书，无法计算。")
    return fig
