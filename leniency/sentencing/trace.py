"""The trace of a calculation: each step as (rule_id, before, after, args), worded from a catalogue.

    trace = Trace()
    trace.step("method.whole_case", kind=StepKind.WHOLE_CASE, before=30.0, after=33.0, ratio=0.1,
               citation="2021量刑指导意见 三(四)")
    trace.steps  # -> [Step(description_zh="综合考虑全案情况调整+10%", description_en="whole-case adjustment +10%", …)]

The calculator functions record what they did and never write prose: the zh/en text of a step is the
template of its wording key in `standards/wording.yaml` formatted with the step's args. An argument
may itself be worded (`Phrase`: a catalogue key; `Text`: a zh/en pair from the standards data), and
is then rendered in the language of the template it fills.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from leniency.sentencing.calculation import Step

WORDING_FILE = Path(__file__).resolve().parent / "standards" / "wording.yaml"
LANGUAGES = ("zh", "en")


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Wording key -> {"zh": template, "en": template}."""
    data = yaml.safe_load(WORDING_FILE.read_text(encoding="utf-8"))
    for key, entry in data.items():
        if not isinstance(entry, dict) or set(entry) != set(LANGUAGES):
            raise ValueError(f"wording.yaml: {key}: expected exactly the keys zh and en, got {entry!r}")
    return data


def render(key: str, lang: str, args: dict | None = None) -> str:
    """The `lang` template of wording `key` formatted with `args` (worded arguments rendered in `lang`)."""
    try:
        template = catalogue()[key][lang]
    except KeyError:
        raise KeyError(f"wording.yaml has no {lang!r} template for {key!r}") from None
    args = args or {}
    values = {name: _in(args[name], lang) for name in fields(key) if name in args}
    return template.format(**values)


@cache
def fields(key: str) -> frozenset[str]:
    """The argument names the zh and en templates of `key` use."""
    return frozenset(
        name.split(".")[0].split("[")[0]
        for template in catalogue()[key].values()
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    )


def _in(value: object, lang: str) -> object:
    return value.render(lang) if isinstance(value, Phrase | Text) else value


@dataclass(frozen=True)
class Phrase:
    """A catalogue entry used as an argument, with its own args (e.g. Phrase("phrase.penalty.death"))."""

    key: str
    args: dict = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return render(self.key, lang, self.args)


@dataclass(frozen=True)
class Text:
    """Wording that comes from the standards data itself (a circumstance's zh and en names)."""

    zh: str
    en: str = ""

    def render(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Entry:
    """One recorded step: what rule moved the term from `before` to `after`, and with which args."""

    wording: str
    kind: str
    rule_id: str
    before: float | None
    after: float | None
    args: dict
    ratio: float | None = None
    citation: str = ""
    charge: str | None = None
    confidence: str = "high"

    @property
    def values(self) -> dict:
        """The template's arguments: the step's own before, after, ratio and charge, and its args."""
        own = {"before": self.before, "after": self.after, "ratio": self.ratio, "charge": self.charge}
        return {**own, **self.args}

    def to_step(self) -> Step:
        return Step(
            kind=self.kind,
            description_zh=render(self.wording, "zh", self.values),
            description_en=render(self.wording, "en", self.values),
            months_before=self.before,
            months_after=self.after,
            ratio=self.ratio,
            rule_id=self.rule_id,
            citation=self.citation,
            charge=self.charge,
            confidence=self.confidence,
        )


class Trace:
    """The steps and notes of one calculation, in the order they were recorded."""

    def __init__(self, notes: Iterable[str] = ()) -> None:
        self.entries: list[Entry] = []
        self._notes: list[str] = list(notes)

    def step(
        self,
        wording: str,
        *,
        kind: str,
        rule_id: str | None = None,
        before: float | None = None,
        after: float | None = None,
        ratio: float | None = None,
        citation: str = "",
        charge: str | None = None,
        confidence: str = "high",
        **args: object,
    ) -> Entry:
        """Record a step; `rule_id` defaults to the wording key (they coincide for fixed rules)."""
        entry = Entry(
            wording=wording,
            kind=str(kind),
            rule_id=rule_id if rule_id is not None else wording,
            before=before,
            after=after,
            args=args,
            ratio=ratio,
            citation=citation,
            charge=charge,
            confidence=confidence,
        )
        if wording not in catalogue():
            raise KeyError(f"wording.yaml has no template for {wording!r}")
        missing = fields(wording) - entry.values.keys()
        if missing:  # fail here, where the args are made, not when the result is shown
            raise KeyError(f"{wording}: no value for {sorted(missing)}")
        self.entries.append(entry)
        return entry

    def note(self, wording: str, **args: object) -> None:
        """Record a note, shown as "中文 / English"."""
        self._notes.append(f"{render(wording, 'zh', args)} / {render(wording, 'en', args)}")

    def note_text(self, text: str) -> None:
        """Record a note that was worded elsewhere (by extraction)."""
        self._notes.append(text)

    @property
    def steps(self) -> list[Step]:
        return [entry.to_step() for entry in self.entries]

    @property
    def notes(self) -> list[str]:
        """The notes, each once, in the order first recorded."""
        return list(dict.fromkeys(self._notes))
