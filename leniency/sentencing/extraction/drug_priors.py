"""An earlier conviction for a crime of 刑法第356条 (毒品再犯): 因走私、贩卖、运输、制造、非法持有毒品罪被判过刑.

A profile names that crime by its charge ("曾因犯贩卖毒品罪被判处…", "因非法持有毒品罪于…被判处") or by the act and the
drug ("2016年因贩卖甲基苯丙胺被某区人民法院判处有期徒刑六个月"): a court's sentence for selling a named drug is a
sentence for 贩卖毒品罪 whatever words tell it. Other drug crimes (容留他人吸毒, 非法种植毒品原植物, 引诱、教唆、欺骗他人
吸毒) are not art. 356's earlier crimes. The short names 贩毒, 运毒 and 制毒 tell the crime too ("因贩毒被判处有期徒刑一年"); a
prior for 毒品犯罪 alone does not say which (容留他人吸毒 is one).
"""

from __future__ import annotations

import re
from functools import cache

from leniency.sentencing.extraction.drugs import substances

ACTS = r"(?:走私|贩卖|运输|制造|非法持有)"
# the crimes by their short names: 贩毒 (贩卖毒品), 运毒 (运输毒品), 制毒 (制造毒品; not 制毒物品, art. 350's chemicals)
SHORT_NAMES = r"(?:贩毒|运毒|制毒(?!物品))"


@cache
def drug_prior_pattern() -> re.Pattern:
    """The words of an earlier sentence for an art. 356 crime: the act, then 毒品罪 or a drug's name, then the verdict."""
    names = sorted((n for n in substances() if len(n) >= 2), key=len, reverse=True)
    drug = "毒品罪?|" + "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"因(?:犯)?[^。；，,]{{0,12}}(?:{ACTS}(?:[、和及]{ACTS})*[^。；，,]{{0,8}}?(?:{drug})|{SHORT_NAMES})[^。；]{{0,30}}?"
        r"(?:判处|判决|被判|判刑)"
    )


def drug_prior(told: str) -> bool:
    """Whether `told`, the words of one earlier conviction, is a sentence for an art. 356 crime."""
    return drug_prior_pattern().search(told) is not None
