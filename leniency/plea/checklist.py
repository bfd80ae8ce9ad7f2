"""The court's voluntariness checklist (自愿性审查), drawn from SPC interpretation arts. 349 and 351,
CPL art. 190 ¶2 and SPP Rules art. 271 (FACTS.md §3.6). Each item names its source and its confidence."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    basis: str
    allows_na: bool = False
    recordings: tuple[str, ...] = ()  # recording sessions the judge may want to open for this item
    # What the platform holds that answers the question (`evidence.KIND_LABELS`): shown beside it; a "符合"
    # while any of it is missing needs a note.
    evidence: tuple[str, ...] = ()


CHECKLIST = (
    ChecklistItem(
        "rights_notified",
        _("已告知诉讼权利和认罪认罚的法律规定"),
        _("刑诉法解释第三百四十九条第一项；刑事诉讼法第一百七十三条第二款、第一百九十条第二款"),
        recordings=("notice",),
        evidence=("notice",),
    ),
    ChecklistItem(
        "opinions_on_file",
        _("听取犯罪嫌疑人、律师、被害人意见的笔录已随案移送"),
        _("刑诉法解释第三百四十九条第二项；刑事诉讼法第一百七十三条"),
        recordings=("consultation",),
        evidence=("meetings", "opinion"),
    ),
    ChecklistItem(
        "settlement_on_file",
        _("和解、调解、谅解材料已随案移送"),
        _("刑诉法解释第三百四十九条第三项"),
        allows_na=True,
    ),
    ChecklistItem(
        "agreement_on_file",
        _("认罪认罚具结书已随案移送"),
        _("刑诉法解释第三百四十九条第四项；刑事诉讼法第一百七十六条第二款"),
        evidence=("agreement",),
    ),
    ChecklistItem(
        "no_coercion",
        _("没有暴力、威胁、引诱等情形"),
        _("刑诉法解释第三百五十一条；人民检察院刑事诉讼规则第二百七十一条"),
        recordings=("notice", "consultation", "signing"),
        evidence=("recording",),
    ),
    ChecklistItem(
        "mental_state",
        _("精神状态正常，具有辨认和控制能力"),
        _("人民检察院刑事诉讼规则第二百七十一条"),
        recordings=("signing",),
        evidence=("signing",),
    ),
    ChecklistItem(
        "understands",
        _("理解认罪认罚的性质和法律后果"),
        _("刑诉法解释第三百五十一条；人民检察院刑事诉讼规则第二百七十一条"),
        recordings=("signing",),
        evidence=("signing",),
    ),
    ChecklistItem(
        "lawyer_helped",
        _("辩护人或值班律师提供了有效法律帮助并在场见证签署"),
        _("刑事诉讼法第三十六条、第一百七十四条；2019年指导意见第39条（原文待核实）"),
        recordings=("consultation", "signing"),
        evidence=("meetings", "opinion", "signing"),
    ),
    ChecklistItem(
        "agreement_true_lawful",
        _("具结书内容真实、合法"),
        _("刑事诉讼法第一百九十条第二款；刑诉法解释第三百五十一条"),
        evidence=("agreement",),
    ),
)
ITEMS_BY_KEY = {item.key: item for item in CHECKLIST}
