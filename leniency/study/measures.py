"""One definition per figure: the measures the study, the portal and its periodic report share.

Each `Measure` names its population (the denominator), what counts (the numerator) and what is left out, in words
the pages print, and computes itself from the study's person rows (`features.PersonRow`) with the same two
predicates wherever it is shown. The portal builds the same rows for the defendants of its period
(`features.person_rows`) and groups them by region, zone, crime or quarter; the study reads them for one
procuratorate, from the platform's records or from imported ones. So a measure gives the same number for the same
period and organisation on every page (leniency/portal/tests/test_measures.py proves it).

Why there is a registry: the public 认罪认罚适用率 and the study's once disagreed under the same label (0.0 % on the
portal, 63.4 % in the study for the same district). The study counted as a plea every *finalised recommendation*,
which is the prosecutor's proposal, not the person's plea; the portal counted only signed agreements, so a plea made
at trial (no 具结书 there) was not one, and the study divided by every person received, including those whose
review had not ended. The plea is the signed 具结书 (CPL art. 174), or at trial the acceptance of the recommendation
in force; the rate's base is the persons whose review for prosecution has ended (the procuratorates' 审结人数).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from leniency.counsel.shared_measures import SharedMeasure, register_shared_measure

from .features import PersonRow, person_rows


@dataclass(frozen=True)
class Measure:
    key: str
    name: object  # lazy text
    definition: object
    numerator: object
    denominator: object
    exclusions: object
    in_population: Callable[[PersonRow], bool]
    counts: Callable[[PersonRow], bool]

    def count(self, rows: Iterable[PersonRow]) -> tuple[int, int]:
        """(numerator, denominator) over `rows`."""
        population = [r for r in rows if self.in_population(r)]
        return sum(1 for r in population if self.counts(r)), len(population)

    def rate(self, rows: Iterable[PersonRow]) -> float | None:
        num, den = self.count(rows)
        return num / den if den else None

    def classify(self, rows: Iterable[PersonRow]) -> dict[int, bool]:
        """Person id -> counted, for the persons in the population (the portal tabulates these by group)."""
        return {r.defendant_id: self.counts(r) for r in rows if self.in_population(r)}


def _pleaded(r: PersonRow) -> bool:
    return r.pleaded


PLEA_RATE = Measure(
    "plea_rate",
    _("认罪认罚适用率"),
    _(
        "审查起诉已终结（已起诉或不起诉）的犯罪嫌疑人、被告人中，认罪认罚的人数所占比例（含其后反悔的）。"
        "认罪认罚指签署了认罪认罚具结书，或在审判阶段认罪并接受量刑建议。"
    ),
    _("签署过具结书的人数，加审判阶段认罪认罚（未签具结书）的人数"),
    _("期间内受理、审查起诉已终结的人数"),
    _("不计尚在侦查或审查起诉中的人员及撤案人员；检察官确定了量刑建议而本人未签署具结书的，不算认罪认罚。"),
    lambda r: r.review_concluded,
    _pleaded,
)
WITHDRAWAL_RATE = Measure(
    "withdrawal_rate",
    _("反悔率"),
    _("认罪认罚的人员中，其后反悔（撤回认罪认罚或以量刑为由上诉）的比例。"),
    _("记录了反悔的人数（同一人多次反悔计一人）"),
    _("期间内受理的认罪认罚人数"),
    _("不计未认罪认罚的人员；一审判决后的上诉计为反悔。"),
    _pleaded,
    lambda r: r.withdrawn,
)
ADOPTION_RATE = Measure(
    "adoption_rate",
    _("量刑建议采纳率"),
    _("认罪认罚时有效的量刑建议已有法院决定的人员中，法院采纳该建议的比例（刑事诉讼法第二百零一条）。"),
    _("法院决定采纳的人数"),
    _("认罪认罚、其量刑建议已有法院决定的人数"),
    _("不计尚无法院决定的人员；反悔后另行提出的建议不计。"),
    lambda r: r.pleaded and r.rec_kind != "" and r.adopted is not None,
    lambda r: bool(r.adopted),
)
DUTY_MEETING_RATE = Measure(
    "duty_meeting_rate",
    _("值班律师签署前会见率"),
    _("由值班律师见证签署具结书的人员中，值班律师在签署之前会见过本人的比例。"),
    _("签署前登记了会见的人数"),
    _("签署了具结书、第一位律师为值班律师的人数"),
    _("不计未签署具结书的人员（审判阶段认罪的），以及由法律援助律师或辩护人参与的人员。"),
    lambda r: r.pleaded and r.has_agreement and r.lawyer_kind == "duty",
    lambda r: r.meeting_before,
)

MEASURES: dict[str, Measure] = {
    m.key: m for m in (PLEA_RATE, WITHDRAWAL_RATE, ADOPTION_RATE, DUTY_MEETING_RATE)
}


def pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f}%" if den else "—"


def share_with_counsel() -> None:
    """Hand the duty lawyers' meeting rate down to the counsel dashboard (`leniency.counsel.shared_measures`),
    which may not import the study: its rate is this measure over the study's person rows."""
    m = DUTY_MEETING_RATE
    register_shared_measure(
        SharedMeasure(
            m.key,
            m.name,
            m.definition,
            m.numerator,
            m.denominator,
            m.exclusions,
            lambda defendant_ids: m.classify(person_rows(sorted(set(defendant_ids)))),
        )
    )
