"""The obscene items a case of 刑法第363条第1款 or 第364条第1款 counts, as a multiple of the interpretations' figures: what
制作、复制、出版、贩卖、传播淫秽物品牟利 and 传播淫秽物品 are measured by where the text tells them, read by
charge_amounts.measured_amount for the amount_brackets.yaml `measure: obscene_items`.

法释〔2004〕11号 (read in full: LawRefBook/Laws, 2004-09-03 text) 第一条: 淫秽电影、表演、动画等视频文件二十个, 音频文件
一百个, 电子刊物、图片、文章、短信息等二百件, 实际被点击数一万次, 注册会员二百人 make the crime of art. 363 (the
figures 法释〔2010〕3号第一条第一款 keeps); 第二条: five times those figures is 情节严重, twenty-five times 情节特别严重;
第三条: without the aim of profit, twice them is art. 364's crime. Discs and tapes (淫秽光盘、影碟, 张) are measured by
法释〔1998〕30号第八条 (recalled, not read here: 贩卖淫秽影碟、软件、录像带一百至二百张 the crime, five times 情节严重,
twenty-five times 情节特别严重): the band's middle, 150, stands for one multiple.

Counted: a number of items of one kind (the kind named in its clause before it, or right after it: 150个淫秽视频) in a
sentence that tells an act the articles punish (传播, 贩卖, 复制, 上传, 发布 …) or the clicks or members the items drew,
not files only found stored or seized
(电脑内存有…, 查获…: held, not yet sold or spread). Lots are added, a total restating them is not (told_sums.py); the
kinds are not added to each other (第一条第(七)项 joins two kinds only at half their figures each): the kind that
reaches furthest measures the case. Not read: the illegal gain (第一条第(六)项: a price told is no gain), the lower
figures for content of children under fourteen (法释〔2010〕3号第一条第二款).
"""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.amounts import sentence_spans
from leniency.sentencing.extraction.numbers import NUMBER, clause_before, parse_number
from leniency.sentencing.extraction.told_sums import Told, summed_once, told_at

# kind -> (the words naming it, the units it is counted in, the figure of one multiple)
KINDS: dict[str, tuple[re.Pattern, str, Decimal]] = {
    "video": (re.compile(r"视频|影片|电影|录像|动画|表演|短片"), "个|部|段|集|条", Decimal(20)),
    "audio": (re.compile(r"音频|录音"), "个|段|条", Decimal(100)),
    "image": (re.compile(r"图片|照片|文章|小说|电子刊物|短信|短消息"), "张|篇|件|幅|条|部", Decimal(200)),
    "click": (re.compile(r"点击"), "次", Decimal(10000)),
    "member": (re.compile(r"会员"), "人|名", Decimal(200)),
    "disc": (re.compile(r"光盘|光碟|影碟|碟片|DVD|VCD"), "张|盘|片", Decimal(150)),
}
OBSCENE = re.compile(r"淫秽|色情|黄色")
ACT = re.compile(r"传播|贩卖|出售|销售|售卖|复制|上传|发布|发送|转发|提供|下载给|制作|出版|点击|会员|播放")
# files found held or seized, not spread: 存有, 查获, 扣押 (art. 363 counts the items made, sold or spread)
HELD = re.compile(r"存有|存储|储存|保存|查获|扣押|缴获|起获|搜出|电脑内|硬盘内|手机内")


def obscene_items(text: str) -> Decimal | None:
    """The multiple of 法释〔2004〕11号第一条's figures the obscene items the text counts reach (None where it counts
    none, or names nothing obscene)."""
    text = text or ""
    if not OBSCENE.search(text):
        return None
    multiples = [
        count / per for kind, (_, _, per) in KINDS.items() if (count := _counted(text, kind)) is not None
    ]
    return max(multiples, default=None)


def _counted(text: str, kind: str) -> Decimal | None:
    words, units, _ = KINDS[kind]
    number = re.compile(rf"(?P<num>{NUMBER})余?(?:{units})")
    told: list[Told] = []
    for start, end, repeated in sentence_spans(text):
        if repeated or not ACT.search(text, start, end) or HELD.search(text, start, end):
            continue
        for match in number.finditer(text, start, end):
            value = parse_number(match.group("num"))
            clause = clause_before(text, match.start(), start)
            if value and (words.search(clause) or _named_after(text, match.end(), words)):
                told.append(told_at(text, start, match.start(), value))
    return summed_once(told)


def _named_after(text: str, at: int, words: re.Pattern) -> bool:
    """Whether the kind is named right after the count (150个淫秽视频: a few words of quality between)."""
    return re.compile(rf"[^，,。；;]{{0,4}}?(?:{words.pattern})").match(text, at) is not None
