"""Every chart is drawn in the one chart style (leniency.documents.charts), applied as a context: drawing the
portal's, the study's and the legal-aid centre's charts leaves matplotlib's global settings as they were."""

from types import SimpleNamespace

import matplotlib

from leniency.counsel.charts import monthly_rates_svg
from leniency.portal.charts import rate_chart
from leniency.study.charts import count_bars

KEYS = ("font.family", "font.sans-serif", "font.size", "svg.fonttype", "axes.spines.top")


def test_charts_share_one_style_and_leave_the_global_settings_alone():
    before = {key: matplotlib.rcParams[key] for key in KEYS}
    month = SimpleNamespace(
        label="2026-09", assignments=12, participation_rate=50.0, early_rate=25.0, only_signing_rate=10.0
    )
    svgs = [
        rate_chart(["海港区"], [0.5], "认罪认罚适用率", "已抑制"),
        count_bars("反悔的阶段", ["审查起诉"], [3]),
        monthly_rates_svg([month]),
    ]
    assert {key: matplotlib.rcParams[key] for key in KEYS} == before
    for svg in svgs:
        assert svg.startswith("<svg") and "Noto Sans CJK SC" in svg  # text as text, in the CJK font
