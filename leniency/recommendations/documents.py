"""The recommendation's documents as `leniency.documents` models, each printed as PDF or Word:

- 量刑建议书 (`recommendation_document`): the procuratorate's sentencing recommendation to the court (CPL art.
  176 ¶2), from the final round: the defendant (ID number masked unless the reader may see it), the charges, the
  recommended sentence, the reasons (the calculation steps) and the lawyer's opinions with the reply (art. 173).
- 释法说理书 (`letter_document`): the explanation letter to the defendant (letter.py gathers what it says).
- 值班律师法律帮助意见书 / 辩护意见书 (`opinion_document`): the lawyer's written opinion on a round
  (`services.do_give_opinion`), signed by the lawyer's account at the time it was given.
"""

from __future__ import annotations

import re

from django.utils import timezone

from leniency.accounts.models import Role
from leniency.cases.models import Charge
from leniency.documents.model import Document, Heading, Run, Signatures, Signer, Table, bold, para

from .confirmed import rows_of
from .models import LawyerOpinion, SentencingRecommendation
from .wording import duration

CJK = re.compile(r"[\u4e00-\u9fff]")


def _charges(rec) -> str:
    names = rec.charges or [c.name for c in rec.defendant.charges.all()]
    labels = dict(Charge.objects.filter(name__in=names).values_list("name", "article_label"))
    return "、".join(
        f"{n}罪" + (f"（《中华人民共和国刑法》{labels[n]}）" if labels.get(n) else "") for n in names
    )


def _date(value) -> str:
    return f"{value:%Y年%m月%d日}" if value else "—"


def _lawyer_word(lawyer) -> str:
    return "值班律师" if lawyer.role == Role.DUTY_LAWYER else "辩护人"


def recommendation_document(rec: SentencingRecommendation, *, show_identity: bool) -> Document:
    defendant, case = rec.defendant, rec.defendant.case
    id_number = defendant.id_number if show_identity else defendant.id_number_masked
    blocks = [
        Heading("一、被告人基本情况"),
        Table(
            (
                ("姓名", defendant.name, "性别", defendant.get_gender_display()),
                ("出生日期", _date(defendant.birth_date), "民族", defendant.ethnicity),
                ("公民身份号码", (id_number or "—", 3)),
                ("强制措施", (defendant.get_detention_display(), 3)),
            ),
            label_columns=(0, 2),
        ),
        Heading("二、量刑建议"),
        para(
            f"被告人{defendant.name}涉嫌{_charges(rec)}一案，本院经审查认为，被告人{defendant.name}自愿如实供述"
            "自己的罪行，承认指控的犯罪事实，愿意接受处罚。根据《中华人民共和国刑事诉讼法》第一百七十六条第二款"
            f"的规定，建议判处被告人{defendant.name}",
            bold(rec.term_text()),
            "。",
        ),
    ]
    steps = [s for s in (rec.calculation or {}).get("steps", []) if s.get("description_zh")]
    facts = [r for r in rows_of(rec) if r.for_engine and r.value not in (None, False, "")]
    if steps or rec.deviation_reason or facts:
        blocks.append(Heading("三、量刑理由"))
        if facts:  # the confirmed facts the calculation ran on, each with its source
            stated = "；".join(f"{r.phrase}（{r.source_label}）" for r in facts)
            blocks.append(para(f"据以量刑的事实（经承办检察官确认）：{stated}。"))
        for i, step in enumerate(steps, start=1):
            citation = step.get("citation") or ""
            cited = f"（{citation}）" if CJK.search(citation) else ""  # the engine's English notes stay out
            blocks.append(para(f"{i}. {step['description_zh'].rstrip('。')}{cited}。"))
        if rec.deviation_reason:
            blocks.append(para(f"综合全案调整的理由：{rec.deviation_reason}"))
    opinions = list(rec.opinions.select_related("lawyer").order_by("created_at", "id"))
    blocks.append(Heading("四、听取意见情况"))
    if opinions:
        for o in opinions:
            proposed = f"，建议{duration(o.proposed_months)}" if o.proposed_months is not None else ""
            reasons = f"，理由：{o.reasons}" if o.reasons else ""
            blocks.append(
                para(
                    f"{_lawyer_word(o.lawyer)}{o.lawyer}于{_date(timezone.localdate(o.created_at))}提出书面意见："
                    f"{o.get_position_display()}{proposed}{reasons}。"
                )
            )
        if rec.lawyer_reply:
            blocks.append(para(f"本院对律师意见的答复：{rec.lawyer_reply}"))
    else:
        blocks.append(para("辩护人或值班律师未提出书面意见。"))
    finalised = timezone.localdate(rec.finalised_at) if rec.finalised_at else None
    return Document(
        title="量刑建议书",
        subtitle=f"{case.procuratorate} · {case.number} · 第{rec.round}轮",
        addressee=f"{case.court}：" if case.court_id else "",
        blocks=tuple(blocks),
        closing=(
            "此致",
            str(case.court) if case.court_id else "人民法院",
            str(case.procuratorate),
            _date(finalised),
        ),
        filename=f"sentencing-recommendation-{defendant.pk}-{rec.round}",
        personal_fields=("name", "particulars", "id_number" if show_identity else "id_number_masked"),
    )


def opinion_document(opinion: LawyerOpinion) -> Document:
    rec, lawyer = opinion.recommendation, opinion.lawyer
    defendant, case = rec.defendant, rec.defendant.case
    word = _lawyer_word(lawyer)
    title = "值班律师法律帮助意见书" if word == "值班律师" else "辩护意见书"
    position = (
        "同意该量刑建议。" if opinion.position == LawyerOpinion.Position.AGREE else "对该量刑建议有异议。"
    )
    blocks = [
        para(
            f"本人作为犯罪嫌疑人、被告人{defendant.name}涉嫌{_charges(rec)}一案的{word}，依照《中华人民共和国"
            f"刑事诉讼法》第一百七十三条的规定，就贵院提出的量刑建议（{rec.term_text()}，第{rec.round}轮第"
            f"{rec.version}版）发表意见如下："
        ),
        para(bold(position)),
    ]
    if opinion.reasons:
        blocks.append(para(f"理由：{opinion.reasons}"))
    if opinion.proposed_months is not None:
        blocks.append(para(f"本人建议的刑期：{duration(opinion.proposed_months) or '免予刑事处罚'}。"))
    organisation = getattr(lawyer, "organisation", None)
    blocks.append(
        Signatures(
            (
                Signer(
                    word,
                    name=str(lawyer),
                    signed_at=opinion.created_at,
                    notes=(str(organisation),) if organisation else (),
                ),
            ),
            note="本意见由律师以本人账号在平台提交，提交时间如上。",
        )
    )
    return Document(
        title=title,
        subtitle=f"{case.number} · {defendant.name}",
        addressee=f"{case.procuratorate}：",
        blocks=tuple(blocks),
        filename=f"lawyer-opinion-{opinion.pk}",
        personal_fields=("name",),
    )


def letter_document(letter) -> Document:
    """The 释法说理书 (`letter.letter_context(rec)`) as printed and filed: the same sections as the page."""
    blocks = [
        para(
            "本院对您提出的量刑建议是：",
            bold(letter.term),
            "。下面用通俗的话向您说明这个建议是怎么得出的、依据是什么，以及您现在的选择会带来什么后果。",
        ),
        Heading("一、您涉嫌的罪名和适用的法律"),
        *(
            para(f"{name}" + (f"，依据{article}" if article else "") + "。")
            for name, article in letter.charges
        ),
        para(
            "量刑按照最高人民法院、最高人民检察院《关于常见犯罪的量刑指导意见（试行）》规定的“三步法”进行："
            "先确定量刑起点，再根据犯罪数额、次数等确定基准刑，最后根据各种量刑情节进行调节。"
        ),
        Heading("二、建议是怎么一步步算出来的"),
    ]
    if letter.facts:
        blocks.append(para("计算所依据的事实（经承办检察官确认）："))
        for f in letter.facts:
            note = f"，{f.note}" if f.note else ""
            blocks.append(
                para(f"{f.label}：{f.shown}", Run(f"（来源：{f.source_label}{note}）"), indent=False)
            )
    if letter.steps:
        for i, step in enumerate(letter.steps, start=1):
            effect = f"（{step.effect}）" if step.effect else ""
            cited = f"依据：{step.citation}" if step.citation else ""
            blocks.append(
                para(f"{i}. ", bold(f"{step.heading}："), f"{step.text}{effect}。{cited}", indent=False)
            )
    else:
        blocks.append(para("本建议未使用系统计算，由承办检察官依法确定。"))
    if letter.deviation:
        blocks.append(para(letter.deviation))
    blocks += [Heading("三、类似案件的判罚情况"), para(letter.similar), Heading("四、认罪认罚对您意味着什么")]
    blocks += [para(p) for p in letter.plea]
    if letter.opinions:
        blocks.append(Heading("五、律师的意见"))
        blocks += [para(p) for p in letter.opinions]
    blocks.append(Heading("六、如果您反悔" if letter.opinions else "五、如果您反悔"))
    blocks += [para(p) for p in letter.withdrawal]
    date = f"{letter.date:%Y年%m月%d日}" if letter.date else ""
    return Document(
        title="认罪认罚案件量刑建议释法说理书",
        subtitle=f"{letter.case.procuratorate} · {letter.case.number} · {date}",
        addressee=f"{letter.defendant.name}：",
        blocks=tuple(blocks),
        closing=(str(letter.case.procuratorate), date),
        filename=f"explanation-{letter.defendant.pk}-{letter.rec.round}",
        personal_fields=("name",),
    )
