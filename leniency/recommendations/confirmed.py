"""The facts a recommendation is calculated on, as the prosecutor confirms them, each with its source.

Three sources (DESIGN.md, "Facts have a source"):

- `record`: what the platform holds (`record_facts`), with the record and its date; given to the engine;
- `text`: what the engine reads from the fact text, with the sentence it came from (`sentencing.given.read_facts`);
- `prosecutor`: the prosecutor's correction of either, with what it replaced and why; given to the engine.

`fact_rows` builds the table the draft page shows as a form; the calculation runs on `given(rows)` over
the text (`engine.run_engine(..., given=...)`), so the text is never rewritten for the extractor. The rows
are stored with the round's version (`ConfirmedFact`); once a round has been reviewed, changing a
confirmed fact needs a reason (`check_change`), audited as `recommendations.facts.changed`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leniency.audit.trail import record
from leniency.errors import DomainError
from leniency.sentencing.extract import extract
from leniency.sentencing.given import (
    CIRCUMSTANCES,
    KEYS,
    QUANTITIES,
    TEXT,
    USUAL,
    GivenFact,
    GivenFactError,
    normalise,
    read_facts,
)

from .models import ConfirmedFact
from .record_facts import RECORD, record_facts

PROSECUTOR = "prosecutor"
SOURCE_LABELS = {
    RECORD: gettext_lazy("案件记录"),
    TEXT: gettext_lazy("事实文本"),
    PROSECUTOR: gettext_lazy("检察官更正"),
}
LABELS = {
    "plea": gettext_lazy("认罪认罚"),
    "surrender": gettext_lazy("自首"),
    "confession": gettext_lazy("坦白"),
    "court_confession": gettext_lazy("当庭认罪"),
    "meritorious": gettext_lazy("立功"),
    "major_meritorious": gettext_lazy("重大立功"),
    "recidivist": gettext_lazy("累犯"),
    "prior_record": gettext_lazy("前科"),
    "restitution": gettext_lazy("退赃退赔"),
    "compensation": gettext_lazy("赔偿被害人损失"),
    "forgiveness": gettext_lazy("取得被害人谅解"),
    "reconciliation": gettext_lazy("刑事和解"),
    "attempt": gettext_lazy("犯罪未遂"),
    "discontinuation": gettext_lazy("犯罪中止"),
    "preparation": gettext_lazy("犯罪预备"),
    "accessory": gettext_lazy("从犯"),
    "coerced": gettext_lazy("胁从犯"),
    "principal": gettext_lazy("主犯"),
    "minor": gettext_lazy("未成年人"),
    "elderly": gettext_lazy("已满七十五周岁"),
    "deaf_mute_blind": gettext_lazy("盲聋哑人"),
    "limited_capacity": gettext_lazy("限制刑事责任能力"),
    "fled": gettext_lazy("肇事后逃逸"),
    "fled_death": gettext_lazy("因逃逸致人死亡"),
    "vulnerable_victim": gettext_lazy("犯罪对象为弱势人员"),
    "disaster": gettext_lazy("灾害期间故意犯罪"),
    "amount_yuan": gettext_lazy("涉案金额（元）"),
    "victims": gettext_lazy("被害人人数"),
    "counts": gettext_lazy("作案次数"),
    "age": gettext_lazy("犯罪时年龄"),
}
PLEA_STAGES = {
    "investigation": gettext_lazy("侦查阶段认罪认罚"),
    "prosecution_review": gettext_lazy("审查起诉阶段认罪认罚"),
    "trial": gettext_lazy("审判阶段认罪认罚"),
}
UNITS = {"victims": gettext_lazy("人"), "counts": gettext_lazy("次"), "age": gettext_lazy("岁")}


def display(key: str, value) -> str:
    """A fact's value in words: 有 / 无, the plea's stage, 8,000元, 2人; 未载明 when unknown."""
    if key == "plea":
        return str(PLEA_STAGES.get(value, _("未认罪认罚")))
    if key in CIRCUMSTANCES:
        return _("有") if value else _("无")
    if value is None or value == "":
        return _("未载明")
    if key == "amount_yuan":
        shown = f"{Decimal(str(value)):,f}"
        return (shown.rstrip("0").rstrip(".") if "." in shown else shown) + _("元")
    return f"{value}{UNITS.get(key, '')}"


def stored(value):
    """A value as JSON keeps it (an amount as a string)."""
    return str(value) if isinstance(value, Decimal) else value


@dataclass
class FactRow:
    """One line of the facts form: the value the calculation uses, and where it comes from."""

    key: str
    label: str
    value: object
    source: str
    sentence: str = (
        ""  # the text's sentence about this fact (text facts, and what a record or correction overrode)
    )
    note: str = ""  # the record and its date; the prosecutor's reason for a correction
    read_value: object = None  # what the record or the text gave, where the prosecutor corrected it
    read_source: str = ""
    for_engine: bool = True
    shown: str = ""  # the value in words (filled in by fact_rows)
    change_reason: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def source_label(self) -> str:
        return str(SOURCE_LABELS.get(self.source, self.source))

    @property
    def read_shown(self) -> str:
        return display(self.key, self.read_value) if self.read_source else ""

    @property
    def read_source_label(self) -> str:
        return str(SOURCE_LABELS.get(self.read_source, self.read_source))

    @property
    def editable(self) -> bool:
        return self.for_engine

    @property
    def phrase(self) -> str:
        """The fact as a document states it: 自首; 审查起诉阶段认罪认罚; 涉案金额（元）：6,000元."""
        if self.key == "plea" or not self.for_engine:
            return self.shown or display(self.key, self.value)
        if self.key in CIRCUMSTANCES:
            return self.label
        return f"{self.label}：{self.shown or display(self.key, self.value)}"


def fact_rows(
    defendant, text: str, charges: list[str], corrections: dict | None = None, also=()
) -> list[FactRow]:
    """The facts of `defendant` for a calculation on `text`: the record's, the text's and, in
    `corrections` (key -> (value, reason)), the prosecutor's where they differ from what the record or
    the text gives. A wrong value in `corrections` raises `DomainError` naming the fact's field.
    The usual circumstances and the quantities are always listed; other circumstances where the text,
    the record or a correction has them, or they are in `also`."""
    corrections = corrections or {}
    unknown = sorted(k for k in corrections if k not in KEYS)
    if unknown:
        raise DomainError(_("没有这一量刑事实：%(keys)s") % {"keys": "、".join(unknown)}, field="facts")
    also = set(also)
    read = read_facts(extract(text or "", charges=charges))
    held = {f.key: f for f in record_facts(defendant)}
    rows: list[FactRow] = []
    for fact in held.values():
        if not fact.for_engine:
            rows.append(
                FactRow(
                    fact.key,
                    fact.label,
                    fact.value,
                    RECORD,
                    note=fact.note,
                    for_engine=False,
                    shown=fact.display,
                )
            )
    keys = [
        *USUAL,
        *[
            k
            for k in CIRCUMSTANCES
            if k not in USUAL and (read[k].value or k in held or k in corrections or k in also)
        ],
        *QUANTITIES,
    ]
    for key in keys:
        said = read[key]
        fact = held.get(key)
        if fact is not None and not (fact.presumed and said.value not in (None, False)):
            row = FactRow(key, str(LABELS[key]), fact.value, RECORD, said.sentence, fact.note)
        else:
            row = FactRow(key, str(LABELS[key]), said.value, TEXT, said.sentence)
        if key in corrections:
            value, reason = corrections[key]
            try:
                value = normalise(key, value)
            except GivenFactError:
                raise DomainError(
                    _("“%(fact)s”的值无法识别") % {"fact": row.label}, field=f"fact_{key}"
                ) from None
            if value != row.value:
                row.read_value, row.read_source = row.value, row.source
                row.value, row.source, row.note = value, PROSECUTOR, (reason or "").strip()
        row.shown = display(key, row.value)
        rows.append(row)
    return rows


def given(rows: list[FactRow]) -> list[GivenFact]:
    """What the engine takes as given: every record and prosecutor fact (text facts it reads itself)."""
    return [
        GivenFact(r.key, r.value, r.source, r.note)
        for r in rows
        if r.for_engine and r.source in (RECORD, PROSECUTOR)
    ]


def current_facts(rec) -> list[ConfirmedFact]:
    """The facts in force for a round: those of its latest confirmed version ([] for a round from before)."""
    latest = rec.confirmed_facts.aggregate(v=Max("version"))["v"]
    if latest is None:
        return []
    return list(rec.confirmed_facts.filter(version=latest).order_by("id"))


def rows_of(rec) -> list[FactRow]:
    """The stored facts of a round as rows (what the court's view and the letter show)."""
    return [
        FactRow(
            f.key,
            f.label,
            f.value,
            f.source,
            f.sentence,
            f.note,
            f.read_value,
            f.read_source,
            for_engine=f.key in KEYS,
            shown=f.display,
            change_reason=f.change_reason,
        )
        for f in current_facts(rec)
    ]


def corrections_of(rec) -> dict:
    """The prosecutor's corrections in force on a round: key -> (value, reason)."""
    return {f.key: (f.value, f.note) for f in current_facts(rec) if f.source == PROSECUTOR}


def engine_given(rec) -> list[GivenFact]:
    """The given facts a stored round was calculated on (none for a round from before confirmed facts)."""
    return given(rows_of(rec))


def changes(before: list[FactRow], after: list[FactRow]) -> list[dict]:
    """The facts whose value the prosecutor changed: by a correction or by editing the text (a change of
    the record itself — a new stage, a payment recorded — is the record's, not a change of the confirmation)."""
    old = {r.key: r for r in before}
    out = []
    for row in after:
        was = old.get(row.key)
        if was is None or not row.for_engine or row.source == RECORD:
            continue
        if _same(row.key, was.value, row.value):
            continue
        out.append(
            {
                "key": row.key,
                "label": row.label,
                "from": display(row.key, was.value),
                "to": display(row.key, row.value),
                "source": row.source,
            }
        )
    return out


def _same(key, a, b) -> bool:
    try:
        return normalise(key, a) == normalise(key, b)
    except GivenFactError:
        return a == b


def reviewed(rec) -> bool:
    return rec is not None and rec.reviews.exists()


def check_change(previous, rows: list[FactRow], reason: str) -> list[dict]:
    """After a review, a change of a confirmed fact needs a written reason (as a change of the
    recommendation does): the reviewer approved the calculation on the facts as they stood."""
    if not reviewed(previous):
        return []
    changed = changes(rows_of(previous), rows)
    if changed and not (reason or "").strip():
        raise DomainError(
            _("此量刑建议已经审核，变更已确认的量刑事实须写明理由：%(facts)s")
            % {"facts": "；".join(f"{c['label']}由“{c['from']}”改为“{c['to']}”" for c in changed)},
            field="facts_reason",
        )
    return changed


def save(rec, rows: list[FactRow], *, acting_user, now, changed: list[dict], reason: str = "") -> None:
    """Store `rows` as the facts of the round's current version; a change after review is audited."""
    reason = (reason or "").strip()
    moved = {c["key"] for c in changed}
    ConfirmedFact.objects.filter(recommendation=rec, version=rec.version).delete()
    ConfirmedFact.objects.bulk_create(
        [
            ConfirmedFact(
                recommendation=rec,
                version=rec.version,
                key=r.key,
                label=r.label[:60],
                value=stored(r.value) if not isinstance(r.value, list) else r.value,
                display=(r.shown or display(r.key, r.value))[:200],
                source=r.source,
                sentence=r.sentence,
                note=r.note,
                read_value=stored(r.read_value),
                read_source=r.read_source,
                change_reason=reason if r.key in moved else "",
                confirmed_by=acting_user,
                confirmed_at=now,
            )
            for r in rows
        ]
    )
    if changed:
        record(
            "recommendations.facts.changed",
            actor=acting_user,
            obj=rec,
            case_id=rec.defendant.case_id,
            occurred_at=now,
            data={"round": rec.round, "version": rec.version, "changed": changed, "reason": reason},
        )
