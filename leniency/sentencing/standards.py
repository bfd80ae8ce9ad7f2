"""Load the sentencing standard (量刑规范) from the YAML under `standards/`.

    standard = load_standard()                        # default version, national thresholds
    standard = load_standard("2021", "liaoning")      # a version and a province's overrides

Every number lives in the YAML with its source and confidence; this module only reads and validates
it. A bad file fails with `StandardError` naming the file and the key.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from statistics import median
from typing import Any

import yaml

from leniency.sentencing.catalogue import SAFE_LOADER, Bracket, find_charge
from leniency.sentencing.facts import Circumstance, VictimKind

STANDARDS_DIR = Path(__file__).resolve().parent / "standards"
CONFIDENCES = {"high", "medium", "low"}
# what a circumstance is a circumstance of (circumstances.yaml `scope`): one crime's acts, or the defendant
SCOPES = ("act", "person")
MEASURES = {"amount", "drug", "injury", "bac", "none", "count"}
INCREMENT_MEASURES = {
    "amount", "grams", "bac", "counts", "victims", "deaths", "injured_victims", "light_injuries",
    "light_1", "serious_1", "disability",
    # of the tier as a whole (calculator_baseline.measure_value): its aggravated forms met, the same victim again,
    # acts or victims beyond the first where the tier's start is one
    "forms", "times_beyond_victims", "counts_beyond_one", "victims_beyond_one",
}  # fmt: skip
CONDITION_KEYS = {
    "amount_at_least", "grams_at_least", "injury_at_least", "bac_at_least", "bac_above", "counts_at_least",
    "victims_at_least", "flag", "text_says", "text_describes", "text_describes_means", "latest_date_from",
    "latest_date_before", "any", "amount_share_of", "amount_below", "limit_exceeded", "measure_at_least",
}  # fmt: skip
FLAGS = {c.value for c in Circumstance}  # what `flag:` may name: a circumstance extraction can find
# what circumstances.yaml `vulnerable_victim.not_when_element` may list for a charge: the kinds extraction names
VULNERABLE_KINDS = {kind.value for kind in VictimKind}
# what a threshold variant's `when` may ask (calculator_thresholds.variant_applies)
VARIANT_CONDITIONS = {"text_any", "text_none", "text_matches", "before", "from"}
# increments whose measure only one kind of crime reads: grams through the crime's drug conversion, the blood alcohol
# of 危险驾驶 (calculator_baseline.measure_value); anywhere else they read nothing and add nothing, silently
INCREMENT_NEEDS_CRIME_MEASURE = {"grams": "drug", "bac": "bac"}


class StandardError(ValueError):
    """The standards data is invalid; the message names the file and the key."""


@dataclass(frozen=True)
class ByPart:
    """How a return's or a payment's share is weighed by the part of the harm it made good (circumstances.yaml
    `by_part`, 2021量刑指导意见 三(10)(11)): the part's fraction of the default, at least `floor`; `unstated` where the
    text tells a part without a figure; `unpaid`: the rule whose share stays where nothing is paid (谅解 alone)."""

    floor: float
    unstated: float
    unpaid: str | None = None


@dataclass(frozen=True)
class CircumstanceRule:
    id: str
    zh: str
    en: str
    direction: str  # "down" (mitigating) / "up" (aggravating)
    tier: str  # "first" (multiplied first) / "additive"
    range: tuple[float, float]
    default: float
    mandatory: bool  # 应当 vs 可以
    below_bracket: str  # none / may / must — statutory mitigation (减轻)
    source: dict
    confidence: str
    scope: str  # "act" (of one crime's conduct) / "person" (of the defendant, every charge): SCOPES
    min_months: int = 0
    excluded_by: tuple[str, ...] = ()
    by_part: ByPart | None = None  # a share weighed by the part of the harm made good (三(10)(11))

    @property
    def signed_default(self) -> float:
        return -self.default if self.direction == "down" else self.default

    @property
    def citation(self) -> str:
        # The document as its title (set by the loader from versions.yaml), never its id ("spc2021").
        document = self.source.get("title", self.source.get("document", ""))
        parts = [document, self.source.get("item", ""), self.source.get("article", "")]
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Increment:
    measure: str
    per: float
    months: float
    above: str | float | None = None
    max_months: float | None = None
    confidence: str = "medium"
    unless: Any = field(default=None, hash=False)  # a tier condition under which this increment is not added
    when: Any = field(
        default=None, hash=False
    )  # a tier condition under which alone it is added (silently otherwise)
    forms: tuple = field(
        default=(), hash=False
    )  # the forms `measure: forms` counts, where not the tier's `when.any`


@dataclass(frozen=True)
class Tier:
    id: str
    zh: str
    start: tuple[int, int]
    start_at: int
    when: dict | None = None
    bracket: int | None = None
    penalty: str | None = None  # "detention" / "life" / "death" where the tier fixes the kind
    increments: tuple[Increment, ...] = ()
    confidence: str = "high"
    source_item: str = ""
    dev_note: str = ""  # for developers only: never shown (`dev_note` in the YAML)


@dataclass(frozen=True)
class CrimeStandard:
    id: str
    charge: str
    article: int
    guideline: dict
    confidence: str
    measure: str
    tiers: tuple[Tier, ...]
    thresholds: dict = field(default_factory=dict)
    fine: dict | None = None
    strict_probation: bool = False
    strict_leniency: bool = False
    extra: dict = field(default_factory=dict)
    file: str = ""

    @property
    def from_guideline(self) -> bool:
        """Whether a sentencing guideline gives this crime's starting points; a file of a crime no guideline covers
        (故意杀人, 绑架 …) names the Criminal Law as its document (`guideline.document: cl`)."""
        return self.guideline.get("document") != "cl"

    def threshold(self, key: str | float | None) -> float:
        if key is None:
            return 0.0
        if isinstance(key, int | float):
            return float(key)
        return float(self.thresholds[key])


@dataclass(frozen=True)
class Standard:
    version: str
    jurisdiction: str
    method: dict
    circumstances: dict[str, CircumstanceRule]
    crimes: dict[str, CrimeStandard]  # by charge name
    versions: dict
    amount_brackets: dict = field(default_factory=dict)  # amount_brackets.yaml: charges without a guideline

    @property
    def label(self) -> str:
        return f"{self.version}/{self.jurisdiction}"

    def crime(self, charge: str) -> CrimeStandard | None:
        info = find_charge(charge)
        return self.crimes.get(info.name if info else charge)

    def rule(self, circumstance_id: str) -> CircumstanceRule:
        return self.circumstances[circumstance_id]

    def guideline_start(self, bracket: Bracket) -> tuple[float, list[str]] | None:
        """Where the guideline starts the crimes it covers whose bracket is the same as this one (the same term of
        有期徒刑 and 拘役 allowed or not): the median of their starting points, and those crimes. None unless the
        guideline covers two crimes or more with such a bracket."""
        return self._guideline_starts.get(_shape(bracket))

    @cached_property
    def _guideline_starts(self) -> dict[tuple, tuple[float, list[str]]]:
        starts: dict[tuple, list[tuple[str, int]]] = {}
        for crime in self.crimes.values():
            info = find_charge(crime.charge)
            if info is None or not crime.from_guideline:
                continue
            for tier in crime.tiers:
                if tier.bracket is not None and tier.bracket < len(info.brackets):
                    starts.setdefault(_shape(info.brackets[tier.bracket]), []).append(
                        (crime.charge, tier.start_at)
                    )
        out = {}
        for shape, tiers in starts.items():
            crimes = sorted({charge for charge, _ in tiers})
            if len(crimes) > 1:
                out[shape] = (float(median(at for _, at in tiers)), crimes)
        return out


def _shape(bracket: Bracket) -> tuple:
    return bracket.imprisonment, bracket.detention


def _read(path: Path) -> Any:
    if not path.exists():
        raise StandardError(f"{path.name}: file not found in {path.parent}")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise StandardError(f"{path.name}: not valid YAML: {exc}") from exc


def _need(data: dict, key: str, where: str, kind: type | tuple[type, ...] | None = None) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise StandardError(f"{where}: missing key '{key}'")
    value = data[key]
    if kind is not None and not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise StandardError(f"{where}.{key}: expected {names}, got {type(value).__name__} ({value!r})")
    return value


def _confidence(value: Any, where: str) -> str:
    if value not in CONFIDENCES:
        raise StandardError(f"{where}: confidence must be one of {sorted(CONFIDENCES)}, got {value!r}")
    return value


def _ratio(value: Any, where: str) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
        raise StandardError(f"{where}: ratio must be a number between 0 and 1, got {value!r}")
    return float(value)


def _amount(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0


def _variant_when(when: Any, where: str) -> None:
    """A threshold variant's conditions (calculator_thresholds.variant_applies): words the text has or lacks, and the
    period by the latest date the facts name. An unknown key would be ignored there, and the variant would always hold."""
    if when is None:
        return
    if not isinstance(when, dict):
        raise StandardError(f"{where}: must be a mapping")
    for key, value in when.items():
        if key not in VARIANT_CONDITIONS:
            raise StandardError(
                f"{where}.{key}: unknown condition (expected one of {sorted(VARIANT_CONDITIONS)})"
            )
        if key in ("text_any", "text_none"):
            if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
                raise StandardError(f"{where}.{key}: must be a non-empty list of words")
        elif key == "text_matches":
            _regex(value, f"{where}.{key}")
        else:
            try:
                date.fromisoformat(str(value))
            except ValueError as exc:
                raise StandardError(f"{where}.{key}: not an ISO date ({value!r})") from exc


def parse_circumstances(data: Any, filename: str = "circumstances.yaml") -> dict[str, CircumstanceRule]:
    rules = {}
    items = _need(data, "circumstances", filename, dict)
    for cid, raw in items.items():
        where = f"{filename}: circumstances.{cid}"
        low, high = (_ratio(v, f"{where}.range") for v in _need(raw, "range", where, list))
        if low > high:
            raise StandardError(f"{where}.range: minimum {low} is above maximum {high}")
        default = _ratio(_need(raw, "default", where), f"{where}.default")
        if not low <= default <= high:
            raise StandardError(f"{where}.default: {default} lies outside the range [{low}, {high}]")
        direction = _need(raw, "direction", where, str)
        if direction not in ("up", "down"):
            raise StandardError(f"{where}.direction: must be 'up' or 'down', got {direction!r}")
        tier = _need(raw, "tier", where, str)
        if tier not in ("first", "additive"):
            raise StandardError(f"{where}.tier: must be 'first' or 'additive', got {tier!r}")
        below = raw.get("below_bracket", "none")
        if below not in ("none", "may", "must"):
            raise StandardError(f"{where}.below_bracket: must be none/may/must, got {below!r}")
        scope = _need(raw, "scope", where, str)
        if scope not in SCOPES:
            raise StandardError(f"{where}.scope: must be 'act' or 'person', got {scope!r}")
        rules[cid] = CircumstanceRule(
            id=cid,
            zh=_need(raw, "zh", where, str),
            en=raw.get("en", ""),
            direction=direction,
            tier=tier,
            range=(low, high),
            default=default,
            mandatory=bool(_need(raw, "mandatory", where, bool)),
            below_bracket=below,
            source=_need(raw, "source", where, dict),
            confidence=_confidence(_need(raw, "confidence", where), f"{where}.confidence"),
            scope=scope,
            min_months=int(raw.get("min_months", 0)),
            excluded_by=tuple(raw.get("excluded_by", ())),
            by_part=_by_part(raw.get("by_part"), f"{where}.by_part"),
        )
        if raw.get("not_when_element") is not None:
            _not_when_element(raw["not_when_element"], f"{where}.not_when_element")
    return rules


def _regex(value: Any, where: str) -> None:
    try:
        re.compile(str(value))
    except re.error as exc:
        raise StandardError(f"{where}: not a regular expression ({exc})") from exc


def _by_part(raw: Any, where: str) -> ByPart | None:
    if raw is None:
        return None
    floor, unstated = float(_need(raw, "floor", where)), float(_need(raw, "unstated", where))
    if not 0 <= floor <= unstated <= 1:
        raise StandardError(
            f"{where}: floor {floor} and unstated {unstated} must satisfy 0 <= floor <= unstated <= 1"
        )
    return ByPart(floor=floor, unstated=unstated, unpaid=raw.get("unpaid"))


def _not_when_element(elements: Any, where: str) -> None:
    """charge -> the victim kinds its own article makes an element (extraction drops them for that charge). The charge is
    looked up by its catalogue name exactly (extraction/vulnerable_victims._excluded_kinds), so another spelling would
    silently never match."""
    if not isinstance(elements, dict) or not elements:
        raise StandardError(f"{where}: must be a mapping of charge to a list of victim kinds")
    for charge, kinds in elements.items():
        info = find_charge(str(charge))
        if info is None:
            raise StandardError(f"{where}.{charge}: not a charge in the catalogue")
        if info.name != charge:
            raise StandardError(f"{where}.{charge}: write the catalogue's name {info.name!r}")
        if not isinstance(kinds, list) or not kinds:
            raise StandardError(f"{where}.{charge}: must be a non-empty list of victim kinds")
        unknown = [k for k in kinds if k not in VULNERABLE_KINDS]
        if unknown:
            raise StandardError(
                f"{where}.{charge}: {unknown!r} not a victim kind the extraction names (one of {sorted(VULNERABLE_KINDS)})"
            )


def _condition(cond: Any, where: str) -> None:
    if not isinstance(cond, dict) or not cond:
        raise StandardError(f"{where}: a condition must be a non-empty mapping")
    for key, value in cond.items():
        if key not in CONDITION_KEYS:
            raise StandardError(
                f"{where}.{key}: unknown condition (expected one of {sorted(CONDITION_KEYS)})"
            )
        if key == "any":
            for i, sub in enumerate(value):
                _condition(sub, f"{where}.any[{i}]")
        if key == "amount_share_of" and not (
            isinstance(value, list)
            and len(value) == 2
            and isinstance(value[1], int | float)
            and 0 < value[1] < 1
        ):
            raise StandardError(
                f"{where}.amount_share_of: expected [threshold, share between 0 and 1], got {value!r}"
            )
        if key in ("text_describes", "text_describes_means"):
            _regex(value, f"{where}.{key}")
        if key == "limit_exceeded" and not (
            isinstance(value, dict) and value and set(value) <= {"speed", "passengers", "load"}
        ):
            raise StandardError(
                f"{where}.limit_exceeded: expected {{speed|passengers|load: share}}, got {value!r}"
            )
        if key == "measure_at_least":
            _check_measure_at_least(value, where)
        if key == "flag" and value not in FLAGS:
            raise StandardError(
                f"{where}.flag: {value!r} is not a circumstance the extraction finds (one of {sorted(FLAGS)})"
            )


def parse_crime(data: Any, filename: str) -> CrimeStandard:
    where = filename
    charge = _need(data, "charge", where, str)
    if find_charge(charge) is None:
        raise StandardError(f"{where}.charge: {charge!r} is not a charge in the catalogue")
    measure = _need(data, "measure", where, str)
    if measure not in MEASURES:
        raise StandardError(f"{where}.measure: must be one of {sorted(MEASURES)}, got {measure!r}")
    thresholds = data.get("thresholds") or {}
    tiers = []
    raw_tiers = _need(data, "tiers", where, list)
    if not raw_tiers:
        raise StandardError(f"{where}.tiers: at least one tier is needed")
    # a tier may sit in a bracket only the earlier text has (集资诈骗's 数额特别巨大 before Amendment 11), reached only
    # by facts that end before it (its `when`: latest_date_before)
    earlier = (data.get("earlier_law") or {}).get("brackets") or ()
    n_brackets = max(len(find_charge(charge).brackets), len(earlier))
    for i, raw in enumerate(raw_tiers):
        tw = f"{where}: tiers[{i}]"
        start = _need(raw, "start", tw, list)
        if len(start) != 2 or not all(isinstance(v, int) for v in start) or start[0] > start[1]:
            raise StandardError(f"{tw}.start: expected [low, high] months with low <= high, got {start!r}")
        start_at = _need(raw, "start_at", tw, int)
        if not start[0] <= start_at <= start[1]:
            raise StandardError(f"{tw}.start_at: {start_at} lies outside the starting-point range {start}")
        bracket = raw.get("bracket")
        if bracket is not None and not (isinstance(bracket, int) and 0 <= bracket < n_brackets):
            raise StandardError(
                f"{tw}.bracket: {bracket!r} is not a bracket index of {charge} (0..{n_brackets - 1})"
            )
        if raw.get("when") is not None:
            _condition(raw["when"], f"{tw}.when")
        increments = []
        for j, inc in enumerate(raw.get("increments") or ()):
            iw = f"{tw}.increments[{j}]"
            m = _need(inc, "measure", iw, str)
            if m not in INCREMENT_MEASURES:
                raise StandardError(f"{iw}.measure: must be one of {sorted(INCREMENT_MEASURES)}, got {m!r}")
            per = _need(inc, "per", iw, int | float)
            if per <= 0:
                raise StandardError(f"{iw}.per: must be positive, got {per!r}")
            needs = INCREMENT_NEEDS_CRIME_MEASURE.get(m)
            if needs is not None and measure != needs:
                raise StandardError(
                    f"{iw}.measure: {m!r} is read only for a crime whose measure is {needs!r}, not {measure!r}"
                )
            above = inc.get("above")
            if isinstance(above, str) and above not in thresholds:
                raise StandardError(f"{iw}.above: threshold {above!r} is not defined under thresholds")
            if above is not None and not isinstance(above, str) and not _amount(above):
                raise StandardError(f"{iw}.above: expected a threshold name or a number >= 0, got {above!r}")
            top = inc.get("max_months")
            if top is not None and not (_amount(top) and top > 0):
                raise StandardError(f"{iw}.max_months: expected a positive number of months, got {top!r}")
            increments.append(
                Increment(
                    measure=m,
                    per=float(per),
                    months=float(_need(inc, "months", iw, int | float)),
                    above=above,
                    max_months=inc.get("max_months"),
                    confidence=_confidence(inc.get("confidence", "medium"), f"{iw}.confidence"),
                    unless=inc.get("unless"),
                    when=inc.get("when"),
                    forms=tuple(inc.get("forms") or ()),
                )
            )
            for key in ("unless", "when"):
                if inc.get(key) is not None:
                    _condition(inc[key], f"{iw}.{key}")
            for k, form in enumerate(inc.get("forms") or ()):
                _condition(form, f"{iw}.forms[{k}]")
            if inc.get("forms") and m != "forms":
                raise StandardError(f"{iw}.forms: given only with measure forms, not {m!r}")
        for key in ("amount_at_least",):
            value = (raw.get("when") or {}).get(key)
            if isinstance(value, str) and value not in thresholds:
                raise StandardError(f"{tw}.when.{key}: threshold {value!r} is not defined under thresholds")
        tiers.append(
            Tier(
                id=_need(raw, "id", tw, str),
                zh=_need(raw, "zh", tw, str),
                start=(start[0], start[1]),
                start_at=start_at,
                when=raw.get("when"),
                bracket=bracket,
                penalty=raw.get("penalty"),
                increments=tuple(increments),
                confidence=_confidence(raw.get("confidence", "high"), f"{tw}.confidence"),
                source_item=str(raw.get("source_item", "")),
                dev_note=str(raw.get("dev_note", "")),
            )
        )
    for k, variant in enumerate(data.get("threshold_variants") or ()):
        vw = f"{where}: threshold_variants[{k}]"
        for key in ("id", "zh", "source"):
            _need(variant, key, vw, str)
        figures = _need(variant, "thresholds", vw, dict)
        unknown = set(figures) - set(thresholds)
        if unknown:
            raise StandardError(f"{vw}.thresholds: {sorted(unknown)} not defined under thresholds")
        for key, value in figures.items():
            if not _amount(value):
                raise StandardError(f"{vw}.thresholds.{key}: expected an amount, got {value!r}")
        _variant_when(variant.get("when"), f"{vw}.when")
        _confidence(variant.get("confidence", "low"), f"{vw}.confidence")
    if data.get("earlier_law") is not None:
        _earlier_tiers(data["earlier_law"], tiers, f"{where}: earlier_law")
    for k, note in enumerate(data.get("law_notes") or ()):
        nw = f"{where}: law_notes[{k}]"
        _condition(_need(note, "when", nw, dict), f"{nw}.when")
        for key in ("zh", "en", "source"):
            _need(note, key, nw, str)
    for k, rule in enumerate(data.get("probation_not_advised") or ()):
        pw = f"{where}: probation_not_advised[{k}]"
        _condition(_need(rule, "when", pw, dict), f"{pw}.when")
        _need(rule, "source", pw, str)
        _confidence(_need(rule, "confidence", pw), f"{pw}.confidence")
    known = {
        "id", "charge", "article", "guideline", "confidence", "measure", "thresholds", "tiers", "fine",
        "strict_probation", "strict_leniency", "dev_note",
    }  # fmt: skip
    return CrimeStandard(
        id=_need(data, "id", where, str),
        charge=find_charge(charge).name,
        article=_need(data, "article", where, int),
        guideline=_need(data, "guideline", where, dict),
        confidence=_confidence(_need(data, "confidence", where), f"{where}.confidence"),
        measure=measure,
        tiers=tuple(tiers),
        thresholds=thresholds,
        fine=data.get("fine"),
        strict_probation=bool(data.get("strict_probation", False)),
        strict_leniency=bool(data.get("strict_leniency", False)),
        extra={k: v for k, v in data.items() if k not in known},
        file=filename,
    )


def _apply_overrides(crimes: dict[str, dict], overrides: dict, filename: str) -> None:
    for charge, override in (overrides or {}).items():
        info = find_charge(charge)
        if info is None or info.name not in crimes:
            raise StandardError(f"{filename}: overrides.{charge}: no crime standard for this charge")
        target = crimes[info.name]
        for key, value in override.items():
            if key == "thresholds":
                target.setdefault("thresholds", {}).update(value)
            elif key == "increments":
                for tier_id, increments in value.items():
                    tier = next((t for t in target["tiers"] if t["id"] == tier_id), None)
                    if tier is None:
                        raise StandardError(
                            f"{filename}: overrides.{charge}.increments.{tier_id}: no such tier"
                        )
                    tier["increments"] = increments
            elif key == "tiers":
                for tier_id, fields in value.items():
                    tier = next((t for t in target["tiers"] if t["id"] == tier_id), None)
                    if tier is None:
                        raise StandardError(f"{filename}: overrides.{charge}.tiers.{tier_id}: no such tier")
                    tier.update(fields)
            else:
                raise StandardError(
                    f"{filename}: overrides.{charge}.{key}: only thresholds, increments, tiers"
                )


def load_standard(
    version: str | None = None, jurisdiction: str | None = None, *, directory: Path | None = None
) -> Standard:
    """Load and validate a version of the standard with a jurisdiction's overrides (default: national)."""
    return _load(version, jurisdiction or "national", directory or STANDARDS_DIR)


def _with_titles(circumstances: dict, vinfo: dict) -> dict:
    """Each circumstance's source with its document's title (《…》) from versions.yaml beside the id."""
    titles = {d["id"]: f"《{d['title']}》" for d in vinfo.get("documents", []) if d.get("title")}
    return {
        key: replace(c, source={**c.source, "title": titles[c.source["document"]]})
        if c.source.get("document") in titles
        else c
        for key, c in circumstances.items()
    }


@cache
def _load(version: str | None, jurisdiction: str, directory: Path) -> Standard:
    versions = _read(directory / "versions.yaml")
    version = version or _need(versions, "default", "versions.yaml", str)
    all_versions = _need(versions, "versions", "versions.yaml", dict)
    if version not in all_versions:
        raise StandardError(
            f"versions.yaml: versions.{version}: unknown version (known: {sorted(all_versions)})"
        )
    vinfo = all_versions[version]
    method = _read(directory / "method.yaml")
    for key in (
        "combination",
        "plea_bucket",
        "clamp",
        "whole_case",
        "penalty_kinds",
        "combined_sentence",
        "range_width",
    ):
        _need(method, key, "method.yaml", dict)
    circumstances = _with_titles(parse_circumstances(_read(directory / "circumstances.yaml")), vinfo)
    for absorbed in method["plea_bucket"].get("absorbs", []):
        if absorbed not in circumstances:
            raise StandardError(f"method.yaml: plea_bucket.absorbs: unknown circumstance {absorbed!r}")
    raw_crimes: dict[str, tuple[str, dict]] = {}
    crime_dir = directory / "crimes"
    if not crime_dir.is_dir():
        raise StandardError(f"crimes/: folder not found in {directory}")
    for path in sorted(crime_dir.glob("*.yaml")):
        data = _read(path)
        charge = _need(data, "charge", f"crimes/{path.name}", str)
        info = find_charge(charge)
        raw_crimes[info.name if info else charge] = (f"crimes/{path.name}", copy.deepcopy(data))
    excluded = {find_charge(c).name for c in vinfo.get("exclude_crimes", []) if find_charge(c)}
    jpath = directory / "jurisdictions" / f"{jurisdiction}.yaml"
    if not jpath.exists():
        raise StandardError(f"jurisdictions/{jurisdiction}.yaml: unknown jurisdiction")
    jdata = _read(jpath)
    datas = {name: data for name, (_, data) in raw_crimes.items()}
    _apply_overrides(datas, jdata.get("overrides") or {}, f"jurisdictions/{jpath.name}")
    crimes = {
        name: parse_crime(datas[name], filename)
        for name, (filename, _) in raw_crimes.items()
        if name not in excluded
    }
    return Standard(
        version=version,
        jurisdiction=jurisdiction,
        method=method,
        circumstances=circumstances,
        crimes=crimes,
        versions=vinfo,
        amount_brackets=amount_brackets_file(directory / "amount_brackets.yaml"),
    )


def amount_brackets_file(path: Path) -> dict:
    """amount_brackets.yaml, checked: every charge known, thresholds rising, no more than its brackets."""
    data = _read(path)
    charges = _need(data, "charges", path.name, dict)
    for name, entry in charges.items():
        info = find_charge(name)
        where = f"{path.name}: charges.{name}"
        if info is None:
            raise StandardError(f"{where}: unknown charge")
        thresholds = _need(entry, "thresholds", where, list)
        if not thresholds or any(b <= a for a, b in zip(thresholds, thresholds[1:], strict=False)):
            raise StandardError(f"{where}.thresholds: must be a non-empty rising list of amounts")
        if len(thresholds) > len(info.brackets):
            raise StandardError(
                f"{where}.thresholds: {len(thresholds)} figures but the charge has {len(info.brackets)} brackets"
            )
        _need(entry, "source", where, str)
        earlier = entry.get("earlier_law")
        if earlier is not None:
            ew = f"{where}.earlier_law"
            brackets = _earlier_law(earlier, ew)
            figures = _need(earlier, "thresholds", ew, list)
            if (
                not figures
                or any(b <= a for a, b in zip(figures, figures[1:], strict=False))
                or len(figures) > len(brackets)
            ):
                raise StandardError(f"{ew}.thresholds: a rising list of amounts, no more than its brackets")
        for k, variant in enumerate(entry.get("threshold_variants") or ()):
            _amount_variant(variant, f"{where}.threshold_variants[{k}]", len(info.brackets))
        words = entry.get("conduct_words")
        if words is not None and (
            not isinstance(words, list) or not all(isinstance(w, str) and w for w in words)
        ):
            raise StandardError(f"{where}.conduct_words: must be a list of words")
        # a bracket with a figure of its own, or the one just above the last figure: reached by the same amount
        # and only with the statute's words (刑法第383条第1款第(三)项: 数额特别巨大，并使…遭受特别重大损失的)
        top = min(len(thresholds), len(info.brackets) - 1)
        for index, words in (entry.get("requires_words") or {}).items():
            if not (isinstance(index, int) and 0 < index <= top) or not words or not isinstance(words, list):
                raise StandardError(
                    f"{where}.requires_words: {index!r} must be a bracket index with a list of words"
                )
    limits = data.get("fine_limits")
    if limits is not None:
        if not isinstance(limits, list):
            raise StandardError(f"{path.name}: fine_limits: must be a list of entries")
        for k, entry in enumerate(limits):
            _fine_limits(entry, f"{path.name}: fine_limits[{k}]")
    return data


def _amount_variant(variant: Any, where: str, n_brackets: int) -> None:
    """A charge's other list of thresholds (calculator_thresholds.amount_thresholds): it replaces the whole list, so it
    rises and has no more figures than the charge has brackets, like the charge's own."""
    if not isinstance(variant, dict):
        raise StandardError(f"{where}: must be a mapping")
    for key in ("id", "zh", "source"):
        _need(variant, key, where, str)
    figures = _need(variant, "thresholds", where, list)
    if (
        not figures
        or not all(_amount(f) for f in figures)
        or any(b <= a for a, b in zip(figures, figures[1:], strict=False))
    ):
        raise StandardError(
            f"{where}.thresholds: must be a non-empty rising list of amounts, got {figures!r}"
        )
    if len(figures) > n_brackets:
        raise StandardError(
            f"{where}.thresholds: {len(figures)} figures but the charge has {n_brackets} brackets"
        )
    _variant_when(variant.get("when"), f"{where}.when")
    _confidence(variant.get("confidence", "low"), f"{where}.confidence")


def _fine_limits(entry: Any, where: str) -> None:
    """An interpretation's fine limits (calculator_fine_limits): whom it binds (charges of the catalogue or an article
    range), its source, and per bracket of the term imposed a floor, with a ceiling in yuan or as a multiple of the amount."""
    if not isinstance(entry, dict):
        raise StandardError(f"{where}: must be a mapping")
    where = f"{where} ({entry.get('id', '?')})"
    for key in ("id", "source"):
        _need(entry, key, where, str)
    charges, articles = entry.get("charges"), entry.get("articles")
    if charges is None and articles is None:
        raise StandardError(f"{where}: needs charges or articles")
    for charge in charges or ():
        info = find_charge(str(charge))
        if info is None or info.name != charge:
            raise StandardError(f"{where}.charges: {charge!r} is not a charge's catalogue name")
    if articles is not None and not (
        isinstance(articles, list)
        and len(articles) == 2
        and all(isinstance(a, int) and not isinstance(a, bool) for a in articles)
        and articles[0] <= articles[1]
    ):
        raise StandardError(f"{where}.articles: expected [first, last] article numbers, got {articles!r}")
    rows = _need(entry, "by_bracket", where, list)
    if not rows:
        raise StandardError(f"{where}.by_bracket: at least one bracket's limits are needed")
    for i, row in enumerate(rows):
        bw = f"{where}.by_bracket[{i}]"
        low = _need(row, "min_yuan", bw)
        if not _amount(low):
            raise StandardError(f"{bw}.min_yuan: expected an amount, got {low!r}")
        high = row.get("max_yuan")
        if high is not None and not (_amount(high) and high >= low):
            raise StandardError(f"{bw}.max_yuan: expected an amount not below min_yuan {low}, got {high!r}")
        times = row.get("max_times_amount")
        if times is not None and not (_amount(times) and times > 0):
            raise StandardError(f"{bw}.max_times_amount: expected a positive multiple, got {times!r}")
        for key in ("zh", "en"):
            _need(row, key, bw, str)
    _confidence(entry.get("confidence", "low"), f"{where}.confidence")


def _earlier_law(block: Any, where: str) -> list:
    """An `earlier_law` block's common part, checked: its date, source and statutory brackets (returned)."""
    if not isinstance(block, dict):
        raise StandardError(f"{where}: must be a mapping")
    brackets = _need(block, "brackets", where, list)
    for key in ("min_months", "max_months", "imprisonment"):
        if not brackets or any(key not in b for b in brackets):
            raise StandardError(f"{where}.brackets: every bracket needs {key}")
    _need(block, "source", where, str)
    try:
        date.fromisoformat(str(_need(block, "before", where)))
    except ValueError as exc:
        raise StandardError(f"{where}.before: not an ISO date") from exc
    return brackets


def _earlier_tiers(block: Any, tiers: list[Tier], where: str) -> None:
    """A guideline crime's `earlier_law`: every tier's bracket, changed or not, must exist in the earlier text."""
    n = len(_earlier_law(block, where))
    changed = block.get("tiers") or {}
    for tier_id, raw in changed.items():
        tw = f"{where}.tiers.{tier_id}"
        if tier_id not in {t.id for t in tiers}:
            raise StandardError(f"{tw}: no tier of this crime has that id")
        start = _need(raw, "start", tw, list)
        if len(start) != 2 or not start[0] <= _need(raw, "start_at", tw, int) <= start[1]:
            raise StandardError(f"{tw}: start_at must lie in start [low, high]")
        _need(raw, "bracket", tw, int)
    for tier in tiers:
        bracket = changed[tier.id]["bracket"] if tier.id in changed else tier.bracket
        if bracket is not None and not 0 <= bracket < n:
            raise StandardError(
                f"{where}.tiers.{tier.id}: bracket {bracket} does not exist in the earlier text ({n} brackets)"
            )


def _check_measure_at_least(value, where: str) -> None:
    """`measure_at_least: {measure: <a charge_amounts.MEASURES reader>, at_least: <number>}`: a tier set by a count
    the text tells (records, members), not by money (E100)."""
    # imported here: the extraction's readers load no standard at import, the standard loads them only to check
    from leniency.sentencing.extraction.charge_amounts import MEASURES as READERS

    if not (
        isinstance(value, dict)
        and set(value) == {"measure", "at_least"}
        and value["measure"] in READERS
        and isinstance(value["at_least"], int | float)
    ):
        raise StandardError(
            f"{where}.measure_at_least: expected {{measure: one of {sorted(READERS)}, at_least: number}}, got {value!r}"
        )
