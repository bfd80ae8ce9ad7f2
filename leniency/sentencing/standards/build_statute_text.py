"""Build `charge_statutes.json`: each charge's description of the conduct (罪状) from the Criminal Law text.

The charge inference (extraction/charge_inference.py) reads a charge's statute profile from its name and
these words: the paragraph (款) of the charge's own article with its penalty clauses taken out (处三年以下
有期徒刑…, 并处罚金 — words every article shares), so that 寻衅滋事 is described by 随意殴打他人, 追逐、拦截、
辱骂、恐吓他人, 强拿硬要 …, not by its brackets' conditions alone (issue 16 class 8: the statute's conduct
words). A negligent form defined as "过失犯前款罪" (失火, art. 115 ¶2) is described by the paragraph before it
too, and a paragraph whose persons are "前款所列人员" (商检失职, art. 412 ¶2) names the persons of the paragraph
before it (国家商检部门、商检机构的工作人员), not that paragraph's conduct. A later paragraph of the article that
makes its conduct the charge (以受贿论处, art. 385 ¶2; 依照前款的规定处罚, art. 163 ¶2) is part of it. Reads `charge_names.txt` and the statute JSONL files as `build_brackets.py` does; the output is
committed, so that a checkout without ../shared still has it. Re-run with

    python leniency/sentencing/standards/build_statute_text.py [--statutes DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from build_brackets import cn_article_label, load_statute, parse_ref, read_charge_names  # noqa: E402

OUTPUT = HERE / "charge_statutes.json"
# a penalty clause: 处…; 并处/单处…; 依照…的规定处罚; and what follows the last condition
PENALTY_RE = re.compile(
    r"[，,]?(?:(?<!论)处|并处|可以并处|单处|或者单处|依照[^。；]{0,30}?处罚|从重处罚|从轻|减轻)[^。；，,：:]*(?:[，,](?:并处|或者单处|可以并处)[^。；，,：:]*)*[：:]?"
)
# a paragraph whose conduct is the one before's, done by negligence (刑法第115条第2款 失火: "过失犯前款罪的"; art.
# 119 ¶2, 124 ¶2, 369 ¶2, 370 ¶2): without that paragraph's words the charge would be described by no conduct at all.
# Not 前款规定以外 (the other cases than the paragraph before's) nor 前款所列人员 (its persons, not its conduct).
NEGLIGENT_FORM = re.compile(r"过失犯前款罪")
# a paragraph whose persons are the ones the paragraph before names (刑法第412条第2款 商检失职, 第413条第2款 动植物检疫失职:
# "前款所列人员严重不负责任…"): they are named there, in its opening words up to the first 人员 (国家商检部门、商检机构的工作
# 人员; 动植物检疫机关的检疫人员), and take the place of 前款所列人员; the paragraph before's conduct (徇私舞弊，伪造检验结果) is
# another charge's.
LISTED_PERSONS = "前款所列人员"
PERSONS = re.compile(r"^[^，,。；]*?人员")
# a later paragraph of the charge's article that makes its conduct this charge: "以受贿论处" (刑法第385条第2款: 国家工作人员在
# 经济往来中，违反国家规定，收受各种名义的回扣、手续费，归个人所有的; 第389条第2款, 以行贿论处) or "依照前款的规定处罚"
# (第163条第2款, the same kickbacks taken by a company's employee; 第270条第2款, 遗忘物、埋藏物): part of the charge's
# description, for a charge whose reference names the whole article. Not a paragraph another charge's reference
# names, nor the unit's liability (单位犯前款罪的…), which adds no conduct.
DEEMED = "以{name}(?:罪)?论处|依照前款的?规定处罚"
ARTICLE_HEAD = re.compile(r"^第[一二三四五六七八九十百零]+条(?:之[一二三四五六七八九十]+)?\s*")


def conduct_text(paragraph: str) -> str:
    """The paragraph without its article number and penalty clauses."""
    text = ARTICLE_HEAD.sub("", paragraph.strip())
    return re.sub(r"[，,；;]{2,}", "，", PENALTY_RE.sub("", text)).strip("，,；; ")


def build(statutes: Path) -> dict[str, str]:
    articles = load_statute(statutes)
    out: dict[str, str] = {}
    rows = read_charge_names()
    owned = set()  # (article label, paragraph) a charge's reference names
    for row in rows:
        for ref in row["refs"]:
            number, suffix, paragraph = parse_ref(ref)
            if paragraph:
                owned.add((cn_article_label(number, suffix), paragraph))
    for row in rows:
        number, suffix, paragraph = parse_ref(row["refs"][0])
        paragraphs = articles.get(cn_article_label(number, suffix), [])
        chosen = [paragraphs[paragraph - 1]] if paragraph and paragraph <= len(paragraphs) else paragraphs[:1]
        if (
            paragraph
            and 1 < paragraph <= len(paragraphs)
            and NEGLIGENT_FORM.search(paragraphs[paragraph - 1])
        ):
            chosen.insert(0, paragraphs[paragraph - 2])  # 过失犯前款罪: the conduct is the paragraph before's
        elif paragraph and 1 < paragraph <= len(paragraphs) and LISTED_PERSONS in chosen[0]:
            persons = PERSONS.match(ARTICLE_HEAD.sub("", paragraphs[paragraph - 2].strip()))
            if persons:  # 前款所列人员: the persons the paragraph before names
                chosen = [chosen[0].replace(LISTED_PERSONS, persons[0], 1)]
        if paragraph is None:
            names = "|".join(re.escape(n) for n in [row["name"], *row["aliases"]])
            deemed = re.compile(DEEMED.format(name=f"(?:{names})"))
            label = cn_article_label(number, suffix)
            chosen += [  # 以受贿论处, 依照前款的规定处罚: the charge's own conduct too
                p
                for i, p in enumerate(paragraphs[1:], start=2)
                if deemed.search(p) and (label, i) not in owned and not p.startswith("单位犯")
            ]
        out[row["name"]] = "".join(conduct_text(p) for p in chosen)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    default = HERE.parents[2].parent / "shared" / "data" / "statutes"
    parser.add_argument("--statutes", type=Path, default=default)
    args = parser.parse_args(argv)
    data = build(args.statutes)
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(data)} charges -> {OUTPUT}; {sum(1 for v in data.values() if not v)} without text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
