"""One style for every chart the platform draws: matplotlib, rendered offline as SVG, Chinese labels in Noto Sans CJK SC.

Text stays text (svg.fonttype "none": small, selectable, a translated label renders as given) in Noto Sans CJK
SC, which the browser and WeasyPrint use; matplotlib lays it out with the same font. `chart_style()` applies the
style as a `matplotlib.rc_context`, so drawing a chart never changes matplotlib's global settings for the next
one, and `svg_of` makes a missing glyph an error, not a silent box. The portal, the study and the legal-aid
centre's dashboard draw with both.
"""

from __future__ import annotations

import io
import warnings

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402 - after choosing the backend
from matplotlib import pyplot as plt  # noqa: E402

CJK_FONT = "Noto Sans CJK SC"


def font_path() -> str:
    """The file matplotlib uses for CJK_FONT; raises ValueError when the font is missing."""
    return font_manager.findfont(CJK_FONT, fallback_to_default=False)


def chart_style():
    """The platform's chart style, as a context: `with chart_style(): fig, ax = plt.subplots() ...`."""
    return plt.rc_context(
        {
            "font.family": "sans-serif",
            "font.sans-serif": [CJK_FONT, "DejaVu Sans"],
            "axes.unicode_minus": False,
            "svg.fonttype": "none",
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "leniency",
        }
    )


def svg_of(fig) -> str:
    """The figure as an `<svg>` element (no XML prolog, no date: the same chart gives the same text); closes it."""
    buffer = io.StringIO()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", UserWarning)  # "Glyph … missing from font" must not pass silently
            fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    finally:
        plt.close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg") :]
