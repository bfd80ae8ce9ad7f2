"""The explanation letter (释法说理书) to the defendant for a final recommendation, in plain Chinese.

`letter_context(rec)` gathers what the letter says: the charge and the law, each calculation step and
what each circumstance did, what similar cases received, what the plea is worth at this stage, and what
withdrawing would mean (FACTS.md §3.9). The screen page and the PDF render the same context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils import timezone

from leniency.cases.models import Charge
from leniency.cases.stages import Stage

from .confirmed import engine_given, rows_of
from .engine import plea_scenarios
from .wording import duration

CJK = re.compile(r"[\u4e00-\u9fff]")
STEP_HEADINGS = {
    "starting_point": "确定量刑起点",
    "baseline": "确定基准刑",
    "adjustment": "根据量刑情节调节",
    "whole_case": "综合全案调整",
    "clamp": "对照法定刑幅度",
    "combination": "数罪并罚",
    "penalty_kind": "确定刑罚种类",
    "probation": "是否适用缓刑",
    "fine": "罚金",
    "note": "说明",
}
STAGE_WORDS = {"investigation": "侦查阶段", "prosecution_review": "审查起诉阶段", "trial": "审判阶段"}


@dataclass
class LetterStep:
    heading: str
    text: str
    effect: str = ""  # what this step did to the term, in words
    citation: str = ""


@dataclass
class Letter:
    rec: object
    defendant: object
    case: object
    date: object
    term: str
    charges: list[tuple[str, str]]  # (罪名, 刑法条文)
    steps: list[LetterStep] = field(default_factory=list)
    similar: str = ""
    similar_cases: list[dict] = field(default_factory=list)
    plea: list[str] = field(default_factory=list)
    deviation: str = ""
    opinions: list[str] = field(default_factory=list)
    withdrawal: list[str] = field(default_factory=list)
    stage_word: str = ""
    facts: list = field(
        default_factory=list
    )  # the confirmed facts calculated on (stated ones), with their source


def _months(value) -> str:
    if value is None:
        return "—"
    value = float(value)
    if value.is_integer():
        return duration(int(value))
    return f"约{duration(round(value))}"


def _effect(step: dict) -> str:
    before, after, ratio = step.get("months_before"), step.get("months_after"), step.get("ratio")
    if ratio is not None and before is not None and after is not None:
        direction = "减少" if ratio < 0 else "增加"
        return f"刑期{direction}{abs(ratio):.0%}，由{_months(before)}变为{_months(after)}"
    if before is not None and after is not None and round(before, 1) != round(after, 1):
        return f"由{_months(before)}变为{_months(after)}"
    if after is not None and step.get("kind") in ("starting_point", "baseline"):
        return f"为{_months(after)}"
    return ""


def letter_context(rec) -> Letter:
    defendant = rec.defendant
    case = defendant.case
    names = rec.charges or [c.name for c in defendant.charges.all()]
    by_name = {c.name: c for c in Charge.objects.filter(name__in=names)}
    charges = [
        (f"{n}罪", f"《中华人民共和国刑法》{by_name[n].article_label}" if n in by_name else "") for n in names
    ]
    letter = Letter(
        rec=rec,
        defendant=defendant,
        case=case,
        date=timezone.localdate(rec.finalised_at or rec.updated_at),
        term=rec.term_text(),
        charges=charges,
    )
    letter.facts = [r for r in rows_of(rec) if r.for_engine and r.value not in (None, False, "")]
    for step in (rec.calculation or {}).get("steps", []):
        heading = STEP_HEADINGS.get(step.get("kind"), "说明")
        text = (step.get("description_zh") or "").removeprefix(heading + "：").rstrip("。")
        citation = step.get("citation") or ""
        letter.steps.append(
            LetterStep(
                heading=heading,
                text=text,
                effect=_effect(step) if step.get("kind") != "starting_point" else "",
                citation=citation if CJK.search(citation) else "",  # the engine's English-only notes stay out
            )
        )
    letter.similar, letter.similar_cases = _similar(rec.similar or {})
    stage = _plea_stage(rec)
    letter.stage_word = STAGE_WORDS.get(stage, "审查起诉阶段")
    letter.plea = _plea_paragraphs(rec, stage)
    if rec.engine_months is not None and rec.months is not None and rec.months != rec.engine_months:
        letter.deviation = (
            f"按照量刑指导意见计算的结果为{_months(rec.engine_months)}，检察官综合全案作了调整。"
            + (f"理由是：{rec.deviation_reason}" if rec.deviation_reason else "")
        )
    for opinion in rec.opinions.select_related("lawyer").order_by("created_at", "id"):
        words = "同意本建议" if opinion.position == "agree" else "对本建议提出异议"
        text = f"您的律师{opinion.lawyer}{words}" + (
            f"，理由是：{opinion.reasons}" if opinion.reasons else "。"
        )
        letter.opinions.append(text if text.endswith("。") else text + "。")
    if rec.lawyer_reply:
        letter.opinions.append(f"检察院对律师意见的答复：{rec.lawyer_reply}")
    letter.withdrawal = _withdrawal(defendant)
    return letter


def _similar(similar: dict) -> tuple[str, list[dict]]:
    stats = similar.get("stats") or None
    cases = similar.get("cases") or []
    if not stats or (stats.get("n") or 0) < 5:
        # the factor-matched cases, not the same-charge cases shown as context
        n = (stats or {}).get("n") or (similar.get("pool_sizes") or {}).get("factors", len(cases))
        text = (
            f"我们查找了与您的案件相似的已判决案件，只找到{n}件，数量太少，不足以说明一般的判罚水平，"
            "因此本建议没有参照类案统计。"
            if n
            else "我们没有找到足够的相似判决可供比较，因此本建议没有参照类案统计。"
        )
        return text, []
    text = (
        f"我们找到了{stats['n']}件与您的案件相似的已判决案件：刑期的中间值是{_months(stats.get('median'))}，"
        f"一半的案件在{_months(stats.get('q1'))}到{_months(stats.get('q3'))}之间"
    )
    if stats.get("probation_share") is not None:
        text += f"，约{float(stats['probation_share']):.0%}的案件适用了缓刑"
    return text + "。", cases[:5]


def _plea_stage(rec) -> str:
    stage = (rec.calculation or {}).get("plea_stage")
    if stage:
        return stage
    return (
        "trial"
        if rec.defendant.stage in (Stage.FIRST_INSTANCE, Stage.JUDGMENT, Stage.APPEAL)
        else "prosecution_review"
    )


def _plea_paragraphs(rec, stage: str) -> list[str]:
    scenarios = (rec.calculation or {}).get("plea_scenarios")
    if scenarios is None and rec.facts_text:
        scenarios = plea_scenarios(rec.facts_text, rec.charges or [], engine_given(rec))
    paragraphs = []
    if scenarios and scenarios.get("without") is not None and scenarios.get(stage) is not None:
        without, now = scenarios["without"], scenarios[stage]
        saved = without - now
        if saved > 0:
            paragraphs.append(
                f"按照同样的计算方法，如果您不认罪认罚，计算结果约为{_months(without)}；您在{STAGE_WORDS[stage]}认罪认罚，"
                f"计算结果约为{_months(now)}，认罪认罚让您少判约{_months(saved)}。"
            )
        else:
            paragraphs.append(
                "按照同样的计算方法，您的刑期已在法定刑的最低处，认罪认罚不再缩短刑期，"
                "但可以影响是否适用缓刑和程序的快慢。"
            )
        trial = scenarios.get("trial")
        if stage != "trial" and trial is not None and trial > now:
            paragraphs.append(f"如果等到审判阶段才认罪认罚，从宽的幅度会更小，计算结果约为{_months(trial)}。")
    paragraphs.append(
        "法律规定：认罪认罚越早、越主动、越稳定、越彻底，从宽的幅度越大（最高人民法院关于适用刑事诉讼法的解释第三百五十五条）；"
        "在侦查阶段认罪认罚的，从宽幅度可以更大，到审判阶段才认罪认罚的，从宽幅度会减小（2019年《关于适用认罪认罚从宽制度的指导意见》第33条）；"
        "只在二审中认罪认罚的，从宽幅度小于一审（同一解释第三百五十七条）。"
    )
    return paragraphs


def _withdrawal(defendant) -> list[str]:
    return [
        "认罪认罚必须出于您的真实意愿。在签署认罪认罚具结书之前和之后，您都有权反悔，但反悔会带来以下后果：",
        "在检察院提起公诉之前反悔的：已签署的具结书失效，检察院将对全案重新审查，依法提起公诉，"
        "不再按认罪认罚给予从宽（本项依据相关指导意见的规定）。",
        "在法院审理期间反悔的：法院将根据审理查明的事实依法判决，必要时改用普通程序或简易程序审理"
        "（最高人民法院关于适用刑事诉讼法的解释第三百五十八条）；检察院将撤回从宽的量刑建议。",
        "一审判决后您仍然有权上诉（刑事诉讼法第二百二十七条）。仅凭被告人一方上诉，二审一般不得加重刑罚；"
        "但如果您只因为量刑问题上诉，使原来给予的从宽明显不当，检察院可以提出抗诉，这时二审可以加重刑罚"
        "（刑事诉讼法第二百三十七条）。",
        "如果您对本建议或上述内容有疑问，可以随时要求会见您的辩护人或值班律师。",
    ]
