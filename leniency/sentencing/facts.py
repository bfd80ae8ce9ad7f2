"""The facts of a case as the engine sees them: what `extract` produces and `calculate` consumes.

Plain dataclasses, no Django. Every extracted item remembers the span of text it came from
so that the interface can highlight it and a user can correct it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from enum import StrEnum


class Circumstance(StrEnum):
    """Sentencing circumstances (量刑情节) the engine recognises."""

    SURRENDER = "surrender"  # 自首
    CONFESSION = "confession"  # 坦白
    COURT_CONFESSION = "court_confession"  # 当庭认罪
    PLEA = "plea"  # 认罪认罚 (value: the stage, see PleaStage)
    MERITORIOUS = "meritorious"  # 立功
    MAJOR_MERITORIOUS = "major_meritorious"  # 重大立功
    RECIDIVIST = "recidivist"  # 累犯
    PRIOR_RECORD = "prior_record"  # 前科
    RESTITUTION = "restitution"  # 退赃退赔
    COMPENSATION = "compensation"  # 赔偿
    FORGIVENESS = "forgiveness"  # 谅解
    RECONCILIATION = "reconciliation"  # 刑事和解
    ATTEMPT = "attempt"  # 未遂
    DISCONTINUATION = "discontinuation"  # 中止
    PREPARATION = "preparation"  # 预备
    ACCESSORY = "accessory"  # 从犯
    COERCED = "coerced"  # 胁从犯
    PRINCIPAL = "principal"  # 主犯
    MINOR = "minor"  # 未成年 (under 18 at the time of the offence)
    ELDERLY = "elderly"  # 老年 (75 or over)
    DEAF_MUTE_BLIND = "deaf_mute_blind"  # 盲聋哑
    LIMITED_CAPACITY = "limited_capacity"  # 限制行为能力 (mental illness, partial capacity)
    # Features of the offence that select a crime's tier (crimes/*.yaml `flag:`), not circumstances.
    FLED = "fled"  # 交通肇事后逃逸
    FLED_DEATH = "fled_death"  # 因逃逸致人死亡
    # Listed last so that the stored circumstance bits (corpus/factors.py) keep their places.
    # 犯罪对象为未成年人、老年人、残疾人、孕妇等弱势人员 (value: the kind, circumstances.yaml `not_when_element`)
    VULNERABLE_VICTIM = "vulnerable_victim"
    DISASTER = "disaster"  # 在重大自然灾害、突发传染病疫情等灾害期间故意犯罪


class VictimKind(StrEnum):
    """A vulnerable victim's kind (2021量刑指导意见 三(17): 犯罪对象为未成年人、老年人、残疾人、孕妇等弱势人员): the value of
    a VULNERABLE_VICTIM finding, and what circumstances.yaml `vulnerable_victim.not_when_element` may list for a charge.
    Extraction reads UNDER_14, MINOR and ELDERLY from an age (`victim_kind_by_age`), each kind from its words."""

    UNDER_14 = "under_14"  # 不满十四周岁 (a child of arts. 236, 237's 儿童, 262)
    MINOR = "minor"  # 14 to 17
    MINOR_UNSTATED = "minor_unstated"  # 未成年, no age stated
    ELDERLY = "elderly"  # 六十周岁以上 (老年人权益保障法第2条)
    DISABLED = "disabled"
    PREGNANT = "pregnant"


def victim_kind_by_age(years: int) -> VictimKind | None:
    """The kind a victim's stated age gives: under 14, a minor under 18 (刑法第17条), elderly from 60 (老年人权益保障法
    第2条); None for an adult under 60."""
    if years < 14:
        return VictimKind.UNDER_14
    if years < 18:
        return VictimKind.MINOR
    return VictimKind.ELDERLY if years >= 60 else None


class PleaStage(StrEnum):
    """The stage at which the defendant pleaded (认罪认罚的阶段)."""

    INVESTIGATION = "investigation"  # 侦查
    PROSECUTION_REVIEW = "prosecution_review"  # 审查起诉
    TRIAL = "trial"  # 审判


class InjuryGrade(StrEnum):
    """Forensic injury grades, mildest first."""

    MINOR = "minor"  # 轻微伤
    LIGHT_2 = "light_2"  # 轻伤二级
    LIGHT_1 = "light_1"  # 轻伤一级
    SERIOUS_2 = "serious_2"  # 重伤二级
    SERIOUS_1 = "serious_1"  # 重伤一级
    DEATH = "death"  # 死亡


@dataclass(frozen=True)
class Span:
    """Where in the fact text an item was found: text[start:end] == quote."""

    start: int
    end: int
    quote: str


@dataclass
class Finding:
    """One extracted item: a circumstance, an amount, a quantity. `value` depends on the kind."""

    code: str
    value: object = None
    span: Span | None = None


@dataclass
class DrugQuantity:
    kind: str  # the substance's name in standards/drug_substances.yaml, e.g. "海洛因", "甲基苯丙胺"
    grams: Decimal
    span: Span | None = None
    named: str | None = None  # the word the text used (冰毒, K粉, 大麻)
    heroin_grams: Decimal | None = (
        None  # heroin-equivalent (法释〔2016〕8号 thresholds); None: unknown substance
    )
    quantity_class: str | None = (
        None  # large (数量大) / relatively_large (数量较大) / small / unknown, by its own thresholds
    )


@dataclass
class QuotedTerm:
    """One charge's term in a recommendation for several charges (以A罪判处…，以B罪判处…，决定执行…), months."""

    charge: str  # as the text writes it (×× where masked)
    low_months: int | None
    high_months: int | None
    penalty: str | None = None  # imprisonment, detention, surveillance; None if masked


@dataclass
class QuotedRecommendation:
    """The prosecutor's sentencing recommendation when the fact text quotes it (months).

    For several charges (`per_charge` holds each one's term), `low_months`/`high_months`, `penalty`, probation
    and fine are those of the combined punishment the text quotes after 决定执行 (刑法第69条)."""

    low_months: int | None
    high_months: int | None
    # principal penalty: imprisonment, detention, surveillance; or an outcome without one, with no term:
    # fine_only (单处罚金, art. 52) or exempt (免予刑事处罚, art. 37); None if masked
    penalty: str | None = None
    span: Span | None = None
    probation: bool = False  # 缓刑 recommended (a suspension of `penalty`, not a penalty of its own: art. 72)
    probation_months: int | None = None  # its own period (缓刑考验期) when the text states it
    fine_low_yuan: Decimal | None = None  # 并处罚金: the amount, or the ends of a range of amounts
    fine_high_yuan: Decimal | None = None
    per_charge: list[QuotedTerm] = field(default_factory=list)  # several charges: each one's quoted term


@dataclass
class Act:
    """One numbered act of a case of several charges, and the charge it tells of.

    `span` covers the act's text (quote left empty: the text is long); a finding whose span falls
    inside it belongs to this act and this charge.
    """

    charge: str
    count: str  # the act's numbering, "一、/2、"
    span: Span


@dataclass
class ChargeCandidate:
    """A charge the facts may describe, for a person to confirm: its article and the words that matched."""

    charge: str
    article: int
    score: float
    evidence: list[str] = field(default_factory=list)


@dataclass
class SentenceMention:
    """A sentence the text reports: its penalty and months (None when masked or not a fixed term)."""

    penalty: str | None  # imprisonment, detention, surveillance, life, death, death_suspended; None if masked
    months: int | None
    masked: bool
    span: Span | None = None  # the whole sentence it was read from


@dataclass
class PriorJudgment:
    """An earlier judgment whose sentence is being served when a crime committed before it is found
    (漏罪, 刑法第70条): its sentence and the part already served, each with the sentence it was read from."""

    sentence: SentenceMention
    served: SentenceMention | None = None  # 已经执行的刑期, when the text states it
    basis: str = "words"  # "words": the text says 漏罪 / art. 70; "dates": the acts precede the judgment
    basis_span: Span | None = None


@dataclass
class Procedure:
    """Appeal and retrial texts (issue 16, class 7), and a prior sentence left unserved (刑法第69–71条)."""

    stage: str = "first_instance"  # first_instance / appeal (二审) / retrial (再审)
    stage_span: Span | None = None
    same_facts_as_below: bool = False  # 事实与原判相同: the facts are the judgment below's
    original: SentenceMention | None = None  # the sentence under appeal or retrial (原判 … 判处 …)
    original_fine_yuan: Decimal | None = None  # its fine where the text states it (原判…并处罚金人民币X元)
    prior_unserved: SentenceMention | None = None  # 前罪未执行的刑罚: to be combined by the calculator
    combined: bool = False  # the text speaks of combining punishments (并罚 / 决定执行)
    undiscovered: PriorJudgment | None = None  # 漏罪: the earlier judgment to combine with (art. 70)
    # 缓刑考验期内犯新罪 (art. 77): `prior_unserved` is the suspended sentence, whole, combined under art. 69
    probation_revoked: bool = False
    # 假释考验期内犯新罪 (art. 86 para. 1): parole is revoked and the remainder combined under art. 71; set where the
    # text does not state the remainder (余刑), so that the calculator says the combination is due
    parole_revoked: bool = False


@dataclass
class CaseFacts:
    text: str
    charges: list[str] = field(default_factory=list)  # charge names without the 罪 suffix, e.g. "盗窃"
    charge_candidates: list[ChargeCandidate] = field(default_factory=list)  # when inferred: the best five
    articles: list[int] = field(default_factory=list)  # Criminal Law article numbers
    amount_yuan: Decimal | None = None  # total amount involved (sum over counts)
    # a sum sought and not obtained, told beside the money obtained (amount_yuan): crime_stage_facts.stage_amounts
    attempted_yuan: Decimal | None = None
    amounts: list[Finding] = field(default_factory=list)  # each amount found, value = Decimal yuan
    counts: int | None = None  # number of criminal acts (次数)
    # a case of several charges: its numbered acts per charge, and the acts with their charge
    counts_by_charge: dict[str, int] = field(default_factory=dict)
    acts: list[Act] = field(default_factory=list)
    victims: int | None = None
    drugs: list[DrugQuantity] = field(default_factory=list)
    unknown_drugs: list[DrugQuantity] = field(
        default_factory=list
    )  # no threshold known: reported, not converted
    injury: InjuryGrade | None = None  # the most serious injury caused
    injuries: list[Finding] = field(default_factory=list)  # each injury found, value = InjuryGrade
    disability_grade: int | None = None  # 伤残等级, 1 (worst) .. 10
    blood_alcohol: Decimal | None = None  # mg/100ml
    age: int | None = None  # the defendant's age at the time of the offence
    circumstances: list[Finding] = field(default_factory=list)  # code = Circumstance value
    # every mention of a circumstance the text tells (negations left out), each with its span, before the combination
    # rules (`circumstances` holds the first of each, combined): read to scope a circumstance to the count that tells
    # it (calculator_scope.own_circumstances); empty for facts not read from a text
    circumstance_mentions: list[Finding] = field(default_factory=list)
    recommendation: QuotedRecommendation | None = None
    procedure: Procedure | None = None  # stage, the original sentence, a prior sentence left unserved
    notes: list[str] = field(default_factory=list)  # what could not be read, contradictions, low confidence
    # facts given rather than read (a record's, a person's correction): `given.GivenFact`, see `given.apply_given`
    given: list = field(default_factory=list)

    def for_charge(self, charge: str, findings: list[Finding]) -> list[Finding]:
        """The findings that may concern `charge`: those told in its acts, and those told outside
        every act (a preamble, a summary: whose is not known). All of them when no act was read.

        Issue 16, class 3: a 重伤 of an injury count must not move a kidnapping count into its
        "杀害、伤害被绑架人" bracket.
        """
        if not self.acts:
            return list(findings)
        mine = [a.span for a in self.acts if a.charge == charge]
        others = [a.span for a in self.acts if a.charge != charge]
        return [f for f in findings if told_in(f, mine) or not told_in(f, others)]

    def has(self, circumstance: Circumstance) -> bool:
        return any(f.code == circumstance for f in self.circumstances)

    def finding(self, circumstance: Circumstance) -> Finding | None:
        return next((f for f in self.circumstances if f.code == circumstance), None)

    def to_dict(self) -> dict:
        return asdict(self)


def told_in(finding: Finding, spans: list[Span]) -> bool:
    """Whether `finding` was read inside one of `spans` (an act's text): where it begins."""
    return finding.span is not None and any(s.start <= finding.span.start < s.end for s in spans)
