"""Charts of the published figures as inline SVG (matplotlib, rendered offline).

Charts are drawn from published values only: a withheld cell is never drawn, so a chart cannot leak
what its table suppresses. The style (text as text in Noto Sans CJK SC, a missing glyph an error) is the
platform's one chart style, leniency.documents.charts.
"""

from __future__ import annotations

import math

from matplotlib import pyplot as plt

from leniency.documents.charts import chart_style, svg_of

PALETTE = ["#2f5d8a", "#d98c2b", "#6a9f58", "#b5473a", "#8064a2", "#7f7f7f"]


def rate_chart(labels: list[str], rates: list[float | None], title: str, suppressed_label: str) -> str:
    """Horizontal bars of a rate per group; a withheld group shows a label, no bar."""
    with chart_style():
        fig, ax = plt.subplots(figsize=(6.2, 0.38 * len(labels) + 0.9))
        ys = list(range(len(labels)))[::-1]
        for y, rate in zip(ys, rates, strict=True):
            if rate is None:
                ax.text(0.005, y, suppressed_label, va="center", color="#888")
            else:
                ax.barh(y, rate * 100, color=PALETTE[0], height=0.6)
                ax.text(rate * 100 + 1, y, f"{rate * 100:.1f}%", va="center")
        ax.set_yticks(ys, labels)
        ax.set_xlim(0, 110)
        ax.set_xlabel("%")
        ax.set_title(title, loc="left")
        return svg_of(fig)


def stacked_chart(
    labels: list[str], cols: list[str], shares: list[list[float] | None], title: str, suppressed_label: str
) -> str:
    """100 % stacked bars per group from published cells; a group with a withheld cell shows a label."""
    with chart_style():
        fig, ax = plt.subplots(figsize=(6.8, 0.38 * len(labels) + 1.3))
        ys = list(range(len(labels)))[::-1]
        for y, row in zip(ys, shares, strict=True):
            if row is None:
                ax.text(0.5, y, suppressed_label, va="center", color="#888")
                continue
            left = 0.0
            for k, share in enumerate(row):
                ax.barh(
                    y,
                    share * 100,
                    left=left,
                    color=PALETTE[k % len(PALETTE)],
                    height=0.6,
                    label=cols[k] if y == ys[0] else None,
                )
                left += share * 100
        ax.set_yticks(ys, labels)
        ax.set_xlim(0, 100)
        ax.set_xlabel("%")
        ax.set_title(title, loc="left")
        handles = [plt.Rectangle((0, 0), 1, 1, color=PALETTE[k % len(PALETTE)]) for k in range(len(cols))]
        ax.legend(
            handles,
            cols,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.18),
            ncol=min(3, len(cols)),
            frameon=False,
            fontsize=8,
        )
        return svg_of(fig)


def box_chart(rows: list[dict], title: str, xlabel: str, suppressed_label: str) -> str:
    """Box plots drawn from published percentiles (whiskers at the 10th and 90th, box 25th–75th)."""
    with chart_style():
        fig, ax = plt.subplots(figsize=(6.8, 0.42 * len(rows) + 0.9))
        stats, positions, labels = [], [], []
        ys = list(range(len(rows)))[::-1]
        for y, row in zip(ys, rows, strict=True):
            labels.append(row["label"] if row.get("n") is None else f"{row['label']} (N={row['n']})")
            if row.get("suppressed"):
                ax.text(0.5, y, suppressed_label, va="center", color="#888")
                continue
            q10, q25, q50, q75, q90 = row["q"]
            stats.append(
                {
                    "whislo": q10,
                    "q1": q25,
                    "med": q50,
                    "q3": q75,
                    "whishi": q90,
                    "fliers": [],
                    "mean": row.get("mean"),
                    "label": "",
                }
            )
            positions.append(y)
        if stats:
            ax.bxp(
                stats,
                positions=positions,
                orientation="horizontal",
                showmeans=True,
                widths=0.55,
                patch_artist=True,
                boxprops={"facecolor": "#dbe6f1", "edgecolor": PALETTE[0]},
                medianprops={"color": PALETTE[3]},
            )
        ax.set_yticks(ys, labels)
        ax.set_xlabel(xlabel)
        ax.set_title(title, loc="left")
        return svg_of(fig)


def effects_chart(effects: dict[str, float], title: str, xlabel: str) -> str:
    """Region effects (percent against the average region) as a dot plot."""
    with chart_style():
        fig, ax = plt.subplots(figsize=(5.6, 0.36 * len(effects) + 0.9))
        names = list(effects)
        ys = list(range(len(names)))[::-1]
        values = [100 * (math.exp(effects[n]) - 1) for n in names]
        ax.axvline(0, color="#999", lw=0.8)
        ax.hlines(ys, 0, values, color=PALETTE[0], lw=2)
        ax.plot(values, ys, "o", color=PALETTE[0])
        ax.set_yticks(ys, names)
        ax.set_xlabel(xlabel)
        ax.set_title(title, loc="left")
        return svg_of(fig)
