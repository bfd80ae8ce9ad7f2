"""立功 (刑法第68条) told by its facts, without the word.

法释〔1998〕8号第五条: 检举、揭发他人犯罪行为，查证属实 (told also as 举报, and as the person reported convicted or
prosecuted for it); 提供侦破其他案件的重要线索，查证属实 — told also as the police
cracking a case or catching someone by the lead (据此破获, 根据该线索抓获: verified by its result); 协助司法机关抓捕其他
犯罪嫌疑人 (带领侦查人员抓获 is 协助抓捕 in 法发〔2010〕60号 二, recalled, unconfirmed). Not the joint crime of an
accomplice exposed (法释〔1998〕8号第六条: 揭发同案犯共同犯罪事实的，可以酌情予以从轻处罚 — part of the defendant's own
truthful account, recalled, unconfirmed).
"""

from __future__ import annotations

import re

# the other offender a 协助抓捕 catches (刑法第68条: 协助抓捕其他犯罪嫌疑人), not the defendant ("带领民警将其抓获")
OTHER_OFFENDER = r"(?:同案|同伙|犯罪嫌疑人|犯罪分子|他人|其他|另案|人员|上线|下线|上家|下家)"
PARTNER = r"(?:同案|同伙|另案|上线|下线|上家|下家)"
HELPERS = r"(?:协助|配合|带领)(?:公安|民警|侦查|司法|办案)"
LEAD_USED = r"(?:据此|根据(?:该|此|上述|其提供的)线索|依据(?:该|此)线索)"
NOT_DONE = r"(?<!未)(?<!未能)(?<!没有)(?<!没能)"
MERIT_FACTS = re.compile(
    # 查证属实, told also with what was verified between ("查证该线索属实")
    r"(?:检举|揭发|举报)[^。；;]{0,40}?(?<![未没不])(?:经|已)[^，,。；;未没不]{0,10}?(?:查证|核实|核查)"
    r"(?:该|此|其|上述)?(?:线索|情况|事实|内容)?属实"
    # the person reported then convicted or prosecuted for it (已因此被判处): verified by the result
    r"|(?:检举|揭发|举报)[^。；;]{0,40}?(?:已)?(?:因此|据此|因该罪|为此)被(?:判处|判决|提起公诉|起诉|逮捕)"
    rf"|(?:提供|检举|揭发)[^。；;]{{0,30}}?线索[^。；;]{{0,20}}?{LEAD_USED}[^，,。；;]{{0,12}}?{NOT_DONE}"
    r"(?:破获|侦破|抓获|查获|查破)"
    rf"|{HELPERS}[^，,。；;]{{0,16}}?(?:抓获|抓捕)(?=[^，,。；;]*{OTHER_OFFENDER})"
    rf"|{HELPERS}[^，,。；;]{{0,16}}?{OTHER_OFFENDER}[^，,。；;]{{0,10}}?(?:抓获|抓捕)"
    # 协助 with the one caught as its object ("协助将前来交易的毒品上家陆某抓获"), named as the defendant's partner or
    # supplier: "群众协助将犯罪嫌疑人抓获" is the crowd's help, not a 立功
    rf"|(?:协助|配合)(?:将|把)[^，,。；;]{{0,16}}?{PARTNER}[^，,。；;]{{0,10}}?(?:抓获|抓捕)"
)
JOINT_CRIME_EXPOSED = re.compile(r"(?:同案|同伙|共犯)[^。；;]{0,20}?(?:共同|伙同|一起|一同)")


def merit_counts(match: re.Match) -> bool:
    """A match of MERIT_FACTS is 立功 unless what it exposes is the accomplice's part in the joint crime."""
    return not JOINT_CRIME_EXPOSED.search(match.group())
