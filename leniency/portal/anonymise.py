"""Anonymisation of case texts for publication, after the SPC rules on publishing judgments on the internet
(《最高人民法院关于人民法院在互联网公布裁判文书的规定》, 2016, arts. 8 and 10): parties' names become the
surname plus 某 (某甲, 某乙 when two share a surname); ID numbers, phone numbers, bank accounts, detailed
addresses, birth dates, plate numbers, e-mail addresses and minors' details (schools) are removed.

Order: (1) names known from the case record are replaced first, longest first; (2) patterns remove the
numbers and addresses; (3) jieba's part-of-speech tagger finds person names (flag "nr") the record did
not know. Pure Python (no Django): `anonymise(text, known_names=[...])` returns the text and the list of
replacements for the reviewer's diff. Nothing is guaranteed: a reviewer reads the result before it is
published.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass, field
from html import escape

COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "司徒",
    "东方",
    "皇甫",
    "令狐",
    "慕容",
    "夏侯",
    "尉迟",
    "公孙",
    "长孙",
    "宇文",
    "轩辕",
    "端木",
    "独孤",
    "南宫",
    "西门",
    "澹台",
    "呼延",
    "万俟",
    "闻人",
    "申屠",
)
# Common single-character surnames (the names jieba tags "nr" must start with one to be replaced).
SURNAMES = set(
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花"
    "方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米"
    "贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支"
    "柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井"
    "段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从"
    "鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴"
    "瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛"
    "阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公付覃"
)
ORDINALS = "甲乙丙丁戊己庚辛壬癸"

# Patterns, most specific first. Each is (label, regex, replacement).
PATTERNS: list[tuple[str, re.Pattern, str]] = [
    (
        "id_number",
        re.compile(
            r"(?<![0-9A-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
            r"(?![0-9A-Za-z])"
        ),
        "（身份证号已删除）",
    ),
    ("id_number", re.compile(r"(?<!\d)\d{15}(?!\d)"), "（证件号已删除）"),
    ("bank_card", re.compile(r"(?<!\d)(?:\d{4}[ \-]){3,4}\d{1,7}(?!\d)"), "（银行账号已删除）"),
    ("bank_card", re.compile(r"(?<!\d)\d{16,19}(?!\d)"), "（银行账号已删除）"),
    (
        "phone",
        re.compile(r"(?<!\d)(?:\+?86[ \-]?)?1[3-9]\d[ \-]?\d{4}[ \-]?\d{4}(?!\d)"),
        "（电话号码已删除）",
    ),
    ("phone", re.compile(r"(?<!\d)0\d{2,3}[ \-]?\d{7,8}(?!\d)"), "（电话号码已删除）"),
    (
        "number",
        re.compile(r"\d{11,}[Xx]?"),
        "（号码已删除）",
    ),  # any other long number (run-together ones too)
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "（电子邮箱已删除）"),
    (
        "plate",
        re.compile(
            r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领示][A-HJ-NP-Z]"
            r"[·•]?[A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]"
        ),
        "（车牌号已删除）",
    ),
    ("birth_date", re.compile(r"\d{4}年\d{1,2}月\d{1,2}日(?=出生|生)"), "（出生日期已删除）"),
    (
        "address",
        re.compile(
            r"(?:户籍(?:所在)?地|住址|家庭住址|现住址|住所地|暂住地?|现住|家住|住)[：:为是在于]?"
            r"[\u4e00-\u9fa5A-Za-z0-9\-－#（）()]{2,60}?(?:\d+(?:号|室|栋|幢|单元|楼|组)|村|小区|公寓)"
            r"(?:[\u4e00-\u9fa5A-Za-z0-9\-－#]*?\d+(?:号|室|栋|幢|单元|楼|组))*"
        ),
        "住址（已删除）",
    ),
    (
        "address",
        re.compile(
            r"[\u4e00-\u9fa5A-Za-z0-9]{2,20}(?:路|街|大街|大道|巷|弄|胡同)\d+号"
            r"(?:[\u4e00-\u9fa5A-Za-z0-9\-－]*?\d+(?:号|室|栋|幢|单元|楼))*"
        ),
        "（详细地址已删除）",
    ),
    ("address", re.compile(r"[\u4e00-\u9fa5]{1,8}村\d+组(?:\d+号)?"), "（详细地址已删除）"),
    (
        "school",
        re.compile(
            r"(?:(?![系是在于的为和与及人、，])[\u4e00-\u9fa5\d]){2,10}"
            r"(?:中学|小学|职业学校|技工学校|职业技术学校|学校)"
            r"(?:初[一二三]|高[一二三]|[一二三四五六\d]年级)?(?:\d+班|[一二三四五六七八九十]+班)?(?:学生)?"
        ),
        "某学校学生",
    ),
]


@dataclass
class Replacement:
    kind: str  # "name", "nr" or a pattern label
    original: str
    replacement: str


@dataclass
class Result:
    text: str
    replacements: list[Replacement] = field(default_factory=list)


def split_name(name: str) -> tuple[str, str]:
    name = name.strip()
    for compound in COMPOUND_SURNAMES:
        if name.startswith(compound) and len(name) > len(compound):
            return compound, name[len(compound) :]
    return name[:1], name[1:]


def pseudonyms(names: list[str]) -> dict[str, str]:
    """Each full name → surname + 某, with 甲/乙/丙… when two different names share a surname (in order given)."""
    unique = list(dict.fromkeys(n.strip() for n in names if n and len(n.strip()) >= 2))
    by_surname: dict[str, list[str]] = {}
    for name in unique:
        by_surname.setdefault(split_name(name)[0], []).append(name)
    out = {}
    for surname, group in by_surname.items():
        if len(group) == 1:
            out[group[0]] = f"{surname}某"
        else:
            for k, name in enumerate(group):
                suffix = ORDINALS[k] if k < len(ORDINALS) else str(k + 1)
                out[name] = f"{surname}某{suffix}"
    return out


def _replace_names(text: str, mapping: dict[str, str], kind: str, found: list[Replacement]) -> str:
    for name in sorted(mapping, key=len, reverse=True):
        if name in text:
            found.append(Replacement(kind, name, mapping[name]))
            text = text.replace(name, mapping[name])
    return text


def _patterns(text: str, found: list[Replacement]) -> str:
    for label, pattern, replacement in PATTERNS:

        def sub(m, label=label, replacement=replacement):
            found.append(Replacement(label, m.group(0), replacement))
            return replacement

        text = pattern.sub(sub, text)
    return text


def _tagger():
    # jieba (and its dictionary) loads on the first anonymisation, not with every process that imports this.
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


ROLE_WORDS = (
    "被告人",
    "被害人",
    "证人",
    "犯罪嫌疑人",
    "嫌疑人",
    "同案人",
    "同案犯",
    "上诉人",
    "当事人",
    "辩护人",
    "律师",
    "民警",
    "法官",
    "检察官",
    "之子",
    "之女",
    "妻子",
    "丈夫",
    "朋友",
    "同事",
    "亲属",
    "监护人",
)
# Roles after which the next word is a name even when jieba tags it otherwise (被害人付强: 付强 tagged v).
PARTY_ROLES = ("被告人", "被害人", "证人", "犯罪嫌疑人", "嫌疑人", "同案人", "同案犯", "上诉人", "当事人")
# Given-name characters that are really function words (e.g. "5张与配套" is not 张与).
FUNCTION_CHARS = set("与和及的了在是等某人元个张次名件处")
STOPWORDS = {
    "陈述",
    "查明",
    "供述",
    "到案",
    "自愿",
    "如实",
    "辩解",
    "证言",
    "作证",
    "报警",
    "司机",
    "经理",
    "老板",
    "鉴定",
    "谅解",
    "赔偿",
    "退赔",
    "自首",
    "坦白",
    "立功",
    "从犯",
    "主犯",
    "累犯",
    "前科",
    "缓刑",
    "罚金",
    "查获",
    "抓获",
    "归案",
    "报案",
    "查处",
    "查扣",
    "查验",
    "提出",
    "要求",
    "认罪",
    "认罚",
    "签署",
    "于是",
}


def tagged_names(text: str) -> list[str]:
    """Person names jieba tags in `text` ("nr"), starting with a known surname and not already replaced.

    Words jieba's dictionary itself lists as names but which are mostly ordinary words (查明, 陈述) count
    only right after a role word (被告人, 被害人, 证人 …); names it discovers (not in its dictionary) count
    anywhere.
    """
    tagger = _tagger()
    dictionary = tagger.dt.word_tag_tab
    tokens, position = [], 0
    for token in tagger.cut(text):
        tokens.append((token.word, token.flag, position))
        position += len(token.word)
    names = []
    for k, (word, flag, start) in enumerate(tokens):
        after_role = any(text[max(0, start - len(r)) : start] == r for r in ROLE_WORDS)
        after_party = any(text[max(0, start - len(r)) : start] == r for r in PARTY_ROLES)
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if (
            flag == "nr"
            and len(word) == 1
            and word in SURNAMES
            and nxt
            and 1 <= len(nxt[0]) <= 2
            and _chinese(nxt[0])
            and not set(nxt[0]) & FUNCTION_CHARS
            and nxt[0] + word not in STOPWORDS
        ):
            names.append(word + nxt[0])  # jieba split 周 | 建华
            continue
        if "某" in word or not 2 <= len(word) <= 4 or word in STOPWORDS or not _chinese(word):
            continue
        if not (flag.startswith("nr") or (after_party and len(word) <= 3)):
            continue
        surname, given = split_name(word)
        if surname not in SURNAMES and surname not in COMPOUND_SURNAMES:
            continue
        if any(ch in FUNCTION_CHARS for ch in given) or (start and text[start - 1].isdigit()):
            continue
        if word in dictionary and flag.startswith("nr") and not after_role:
            continue  # 查明, 陈述: listed as names, mostly ordinary words
        names.append(word)
    return names


def _chinese(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


def anonymise(text: str, *, known_names: list[str] = (), extra_names: list[str] = ()) -> Result:
    """Replace known names, remove numbers and addresses, then replace the person names jieba finds.

    `known_names`: the parties from the case record (replaced first). `extra_names`: names a reviewer adds.
    Pseudonyms are assigned over all names together, so 甲/乙 are consistent across the three passes.
    """
    found: list[Replacement] = []
    known = [*known_names, *extra_names]
    text = _replace_names(text, pseudonyms(known), "name", found)
    text = _patterns(text, found)
    discovered = [n for n in dict.fromkeys(tagged_names(text)) if n not in known]
    if discovered:
        mapping = pseudonyms([*known, *discovered])
        taken = {v for k, v in mapping.items() if k in known}
        mapping = {k: v for k, v in mapping.items() if k in discovered and v not in taken}
        text = _replace_names(text, mapping, "nr", found)
    return Result(text, found)


def diff_html(before: str, after: str) -> str:
    """An inline diff for the reviewer: removed text struck through, inserted text highlighted (HTML-escaped)."""
    out = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape(before[a0:a1]))
            continue
        if a1 > a0:
            out.append(f"<del>{escape(before[a0:a1])}</del>")
        if b1 > b0:
            out.append(f"<ins>{escape(after[b0:b1])}</ins>")
    return "".join(out).replace("\n", "<br>")
