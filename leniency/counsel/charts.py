"""A small SVG chart of the monthly rates for the centre's dashboard (matplotlib, no JavaScript, in the platform's
chart style: leniency.documents.charts)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from matplotlib import pyplot as plt

from leniency.documents.charts import chart_style, svg_of


def monthly_rates_svg(rows) -> str:
    """Participation, early intervention and only-at-signing rates by month, with the monthly N as bars."""
    if not rows:
        return ""
    with chart_style():
        labels = [r.label for r in rows]
        x = range(len(rows))
        fig, ax = plt.subplots(figsize=(9, 3.2), dpi=100)
        counts = ax.twinx()
        counts.bar(x, [r.assignments for r in rows], color="#dfe3ea", width=0.6, label=_("指派"))
        counts.set_ylabel(_("指派"))
        ax.set_zorder(counts.get_zorder() + 1)
        ax.patch.set_visible(False)
        series = (
            (_("实质参与率"), "participation_rate", "#1f7a4d"),
            (_("早期介入率"), "early_rate", "#8b1d2c"),
            (_("仅签署时在场"), "only_signing_rate", "#b35c00"),
        )
        for label, attr, colour in series:
            ax.plot(x, [getattr(r, attr) for r in rows], marker="o", markersize=3, color=colour, label=label)
        ax.set_ylim(0, 118)  # headroom for the legend
        ax.set_yticks([0, 20, 40, 60, 80, 100])
        ax.set_ylabel("%")
        step = max(1, len(rows) // 12)
        ax.set_xticks(list(x)[::step], labels[::step], fontsize=8)
        ax.legend(loc="upper left", fontsize=8, frameon=False, ncols=3)
        counts.spines["right"].set_visible(True)  # the count axis (the style leaves top and right open)
        fig.tight_layout()
        return svg_of(fig)
