"""SVG charts of the study (matplotlib, in the platform's chart style: leniency.documents.charts)."""

from __future__ import annotations

import base64

from django.utils.translation import gettext as _
from matplotlib import pyplot as plt

from leniency.documents.charts import chart_style, svg_of


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def rate_bars(title: str, labels: list[str], rates: list[float], ns: list[int]) -> str:
    with chart_style():
        fig, ax = plt.subplots(figsize=(5.6, 0.45 * len(labels) + 0.9))
        ax.barh(range(len(labels)), [100 * r for r in rates], color="#55708f")
        ax.set_yticks(range(len(labels)), [f"{label}（n={n}）" for label, n in zip(labels, ns, strict=True)])
        ax.invert_yaxis()
        ax.set_xlabel(_("反悔率（%）"))
        ax.set_title(title, loc="left")
        for i, r in enumerate(rates):
            ax.text(100 * r + 0.5, i, f"{100 * r:.1f}%", va="center", fontsize=8)
        return svg_of(fig)


def count_bars(title: str, labels: list[str], counts: list[int]) -> str:
    with chart_style():
        fig, ax = plt.subplots(figsize=(5.6, 0.42 * len(labels) + 0.9))
        ax.barh(range(len(labels)), counts, color="#8f6f55")
        ax.set_yticks(range(len(labels)), labels)
        ax.invert_yaxis()
        ax.set_title(title, loc="left")
        for i, c in enumerate(counts):
            ax.text(c + 0.3, i, str(c), va="center", fontsize=8)
        return svg_of(fig)


def calibration(table: list[dict]) -> str:
    with chart_style():
        fig, ax = plt.subplots(figsize=(3.6, 3.4))
        ax.plot([0, 100], [0, 100], color="#999", linewidth=0.8, linestyle="--")
        ax.plot(
            [100 * r["predicted"] for r in table],
            [100 * r["observed"] for r in table],
            marker="o",
            color="#55708f",
        )
        ax.set_xlabel(_("预测反悔概率（%）"))
        ax.set_ylabel(_("实际反悔比例（%）"))
        ax.set_title(_("图6 预警模型校准（交叉验证）"), loc="left")
        top = max(10, max(100 * max(r["predicted"], r["observed"]) for r in table) + 5) if table else 100
        ax.set_xlim(0, top)
        ax.set_ylim(0, top)
        return svg_of(fig)


def study_charts(study) -> dict[str, str]:
    out = {}

    def from_rate_table(key, title):
        rows = study.tables[key].rows
        rows = [r for r in rows if r[1]]
        if rows:
            out[key] = rate_bars(
                title, [str(r[0]) for r in rows], [r[2] / r[1] for r in rows], [r[1] for r in rows]
            )

    stage = study.tables["w_stage"].rows
    if any(r[1] for r in stage):
        out["w_stage"] = count_bars(
            _("图1 反悔的阶段（次数）"), [str(r[0]) for r in stage], [r[1] for r in stage]
        )
    from_rate_table("w_meeting", _("图2 签署前律师会见与反悔率"))
    from_rate_table("w_kind", _("图3 量刑建议方式与反悔率"))
    from_rate_table("w_gap", _("图4 与类案的差距与反悔率"))
    from_rate_table("w_letter", _("图5 释法说理书与反悔率"))
    if study.model and study.model.get("calibration"):
        out["calibration"] = calibration(study.model["calibration"])
    return {k: data_uri(v) for k, v in out.items()}
