"""What the platform holds about a defendant, as facts for the sentencing engine, each with its record.

The engine reads a fact text; what the platform already knows — the charges, the plea and its stage,
the detention, and what apps above this one hold (a victim's compensation, forgiveness, a 刑事和解, the
number of victims, a prior record) — is passed as structured facts (`leniency.sentencing.given`), never
written back into the text for the extractor to guess again (DESIGN.md, "Facts have a source").

An app contributes facts by registering a function in its `AppConfig.ready()`, as it registers its audit
actions and its safeguards (`safeguards.py`): `register_fact_source(fn)`, where `fn(defendant)` returns
`RecordFact`s. This app imports no app above it. A later source's fact of the same key wins over an
earlier one (the registered sources come after this app's own).

A fact is either *recorded* (it replaces what the text says) or *presumed* (`presumed=True`: used only
where the text does not state the key): the plea is presumed at the defendant's current stage, because a
recommendation is drafted only for a person who pleads (SPP 2021 guidance art. 1), while the text may
record an earlier plea, which is worth more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from leniency.cases.victims import settlement_facts
from leniency.sentencing.given import KEYS, GivenFact

RECORD = "record"

# The defendant's procedural stage -> the plea stage (认罪认罚的阶段) a plea made by now is worth.
PLEA_STAGE_OF = {
    "investigation": "investigation",
    "prosecution_review": "prosecution_review",
    "first_instance": "trial",
    "appeal": "trial",
}


@dataclass(frozen=True)
class RecordFact:
    """One fact the platform holds: `key` a sentencing key (`sentencing.given.KEYS`) or a fact shown only
    (`charges`, `detention`); `record` names the record it comes from and `recorded_on` when it was made."""

    key: str
    value: object
    label: str
    display: str
    record: str
    recorded_on: date | None = None
    presumed: bool = False
    source: str = RECORD

    @property
    def for_engine(self) -> bool:
        return self.key in KEYS

    @property
    def note(self) -> str:
        when = self.recorded_on.isoformat() if self.recorded_on else ""
        return f"{self.record} {when}".strip()

    def as_given(self) -> GivenFact:
        return GivenFact(self.key, self.value, RECORD, self.note)

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "value": _plain(self.value),
            "label": self.label,
            "display": self.display,
            "record": self.record,
            "recorded_on": self.recorded_on.isoformat() if self.recorded_on else None,
            "presumed": self.presumed,
            "source": self.source,
        }


FactSource = Callable[[object], Iterable[RecordFact]]
_SOURCES: list[FactSource] = []


def register_fact_source(source: FactSource) -> None:
    """Add a function `defendant -> [RecordFact]`. Call it from the app's `AppConfig.ready()`."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def unregister_fact_source(source: FactSource) -> None:
    """Remove a registered source (tests)."""
    if source in _SOURCES:
        _SOURCES.remove(source)


def record_facts(defendant) -> list[RecordFact]:
    """Every fact the platform holds about `defendant`, one per key (a later source wins), in order."""
    found: dict[str, RecordFact] = {}
    for source in (_own_facts, _victim_facts, *_SOURCES):
        for fact in source(defendant):
            found[fact.key] = fact
    return list(found.values())


def engine_facts(defendant, read: dict | None = None) -> list[GivenFact]:
    """The record facts the engine takes as given. `read`: key -> value the text gives (a presumed fact
    is left out where the text states its key); None: every presumed fact is given."""
    out = []
    for fact in record_facts(defendant):
        if not fact.for_engine:
            continue
        if fact.presumed and read is not None and read.get(fact.key) not in (None, False):
            continue
        out.append(fact.as_given())
    return out


def _own_facts(defendant) -> list[RecordFact]:
    """What the cases app holds: the charges, the plea presumed at the current stage, the detention."""
    facts = []
    links = defendant.charge_links.select_related("charge").order_by("-principal", "id")
    names = [link.charge.name for link in links]
    if names:
        facts.append(
            RecordFact(
                "charges",
                names,
                _("指控罪名"),
                "、".join(f"{n}罪" for n in names),
                _("案件受理时移送的罪名"),
                defendant.case.received_on,
            )
        )
    plea_stage = PLEA_STAGE_OF.get(defendant.stage)
    if plea_stage:
        facts.append(
            RecordFact(
                "plea",
                plea_stage,
                _("认罪认罚"),
                _("至迟在%(stage)s阶段认罪认罚") % {"stage": defendant.get_stage_display()},
                _("诉讼阶段（为认罪认罚的人起草量刑建议）"),
                defendant.stage_since,
                presumed=True,
            )
        )
    if defendant.detention:
        facts.append(
            RecordFact(
                "detention",
                defendant.detention,
                _("羁押状态"),
                defendant.get_detention_display(),
                _("羁押记录"),
                defendant.detained_on,
            )
        )
    return facts


def _victim_facts(defendant) -> list[RecordFact]:
    """What the victims' register holds (`cases.victims.settlement_facts`): 赔偿 (full or partial, the sums),
    谅解 and 刑事和解, each from its agreement and dated by it, and the number of victims."""
    labels = {
        "compensation": (_("赔偿被害人损失"), _("赔偿协议")),
        "forgiveness": (_("取得被害人谅解"), _("谅解书")),
        "reconciliation": (_("刑事和解"), _("刑事和解协议")),
        "victims": (_("被害人人数"), _("被害人登记")),
    }
    return [
        RecordFact(f.key, f.value, labels[f.key][0], f.note, labels[f.key][1], f.recorded_on)
        for f in settlement_facts(defendant)
        if f.key in labels
    ]


def _plain(value):
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
