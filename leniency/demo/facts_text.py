"""Fact texts in the style of a judgment's 经审理查明 section, one per case.

The sentencing engine reads these later (leniency.sentencing.extract), so each text states what the
engine looks for in the words judgments use: dates, places, amounts in 人民币…元, drug weights in 克,
injury grades, blood alcohol in mg/100ml, and circumstances (自首, 坦白, 退赃, 赔偿, 谅解, 累犯, 前科,
从犯, 认罪认罚). Defendants are named by their (synthetic) full names; victims as 王某 etc.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from .charge_templates import TEMPLATES, Ctx, generic

PRIOR_CHARGES = ("盗窃", "故意伤害", "寻衅滋事", "危险驾驶", "诈骗", "贩卖毒品", "抢夺")
EVIDENCE = "上述事实，有{items}及{role}的供述和辩解等证据证实，足以认定。"
EVIDENCE_ITEMS = {
    "危险驾驶": "现场执法视频、呼气酒精含量检测单、血液乙醇含量鉴定意见、机动车驾驶证信息查询结果",
    "交通肇事": "道路交通事故认定书、现场勘验笔录、尸体检验报告或损伤程度鉴定意见、证人证言",
    "走私、贩卖、运输、制造毒品": "扣押清单、毒品称量笔录、毒品鉴定意见、证人证言、微信转账记录",
    "容留他人吸毒": "吸毒人员的证言、现场检测报告书、现场勘验笔录",
    "非法持有毒品": "扣押清单、毒品称量笔录、毒品鉴定意见",
    "帮助信息网络犯罪活动": "银行交易流水、被害人陈述、电子数据检查笔录、证人证言",
}
DEFAULT_EVIDENCE = "受案登记表、被害人陈述、证人证言、鉴定意见、视听资料"


@dataclass
class Actor:
    """One defendant as the fact text needs them."""

    name: str
    gender: str
    age: int  # at the time of the offence
    pleaded: bool
    counsel_kind: str  # "duty", "legal_aid", "retained" or ""


def fact_text(
    rng: random.Random,
    charge: str,
    actors: list[Actor],
    *,
    offence_on: date,
    place: str,
    tried: bool,
    reviewed: bool,
    extra_charges: dict[str, list[str]] | None = None,
) -> str:
    """The fact text of a case. `tried`: it reached the court (被告人); `reviewed`: the procuratorate has it."""
    role = "被告人" if tried else "犯罪嫌疑人"
    ctx = Ctx(rng, [a.name for a in actors], role, offence_on, place)
    opening = "经审理查明：" if tried else ("经审查认定：" if reviewed else "经侦查查明：")
    body = TEMPLATES.get(charge, generic(charge))(ctx)
    parts = [opening + body]
    for second, names in (extra_charges or {}).items():
        later = Ctx(rng, names, role, offence_on + timedelta(days=rng.randint(1, 20)), place)
        parts.append("另查明：" + TEMPLATES.get(second, generic(second))(later))
    parts.append(EVIDENCE.format(items=EVIDENCE_ITEMS.get(charge, DEFAULT_EVIDENCE), role=role))
    parts.append(_circumstances(rng, actors, role, offence_on, charge, ctx))
    return "\n".join(p for p in parts if p)


def _circumstances(rng, actors: list[Actor], role: str, offence_on: date, charge: str, ctx: Ctx) -> str:
    sentences = []
    for i, actor in enumerate(actors):
        who = f"{role}{actor.name}"
        if ctx.surrendered:
            sentences.append(f"{who}肇事后主动报警并在现场等候处理，到案后如实供述了自己的罪行，系自首。")
        elif rng.random() < 0.14:
            sentences.append(f"{who}案发后主动到公安机关投案，并如实供述了自己的罪行，系自首。")
        else:
            sentences.append(f"{who}到案后如实供述了自己的罪行。")
        if i > 0 and rng.random() < 0.5:
            sentences.append(f"在共同犯罪中，{who}起次要、辅助作用，系从犯。")
        if actor.age < 18:
            sentences.append(f"{who}实施犯罪时已满十六周岁不满十八周岁。")
        roll = rng.random()
        if roll < 0.05 and actor.age >= 23:
            released = offence_on.year - rng.randint(1, 4)
            prior = rng.choice(PRIOR_CHARGES)
            sentences.append(
                f"{who}曾因犯{prior}罪于{released - 1}年被判处有期徒刑{rng.choice((8, 10, 12, 18, 24))}个月，"
                f"{released}年刑满释放，系累犯。"
            )
        elif roll < 0.14 and actor.age >= 20:
            prior = rng.choice(PRIOR_CHARGES)
            sentences.append(
                f"{who}曾于{offence_on.year - rng.randint(2, 12)}年因犯{prior}罪被判处刑罚，有前科。"
            )
        if actor.pleaded:
            witness = {"duty": "值班律师", "legal_aid": "法律援助律师"}.get(actor.counsel_kind, "辩护人")
            sentences.append(f"{who}在审查起诉阶段自愿认罪认罚，在{witness}见证下签署了认罪认罚具结书。")
    return "".join(sentences)
