"""A small SVG chart of the monthly rates for the centre's dashboard (matplotlib, no JavaScript)."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _


def monthly_rates_svg(rows) -> str:
    """Participation, early intervention and only-at-signing rates by month, with the monthly N as bars."""
    if not rows:
        return ""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    plt.rcParams["font.family"] = ["Noto Sans CJK SC", "DejaVu Sans"]
    plt.rcParams["svg.fonttype"] = (
        "none"  # text stays text: selectable, and translated labels render as given
    )
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
    for spine in ("top",):
        ax.spines[spine].set_visible(False)
        counts.spines[spine].set_visible(False)
    fig.tight_layout()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]
