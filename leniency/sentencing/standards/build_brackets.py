"""Build `statutory_brackets.yaml` (法定刑幅度) from the Criminal Law text.

Reads `charge_names.txt` (charge -> article refs) and the statute JSONL files in ../shared/data/statutes
(the 2020 consolidated text plus Amendment 12), parses every penalty clause ("……的，处三年以下有期徒刑、
拘役或者管制，并处或者单处罚金") of the referenced paragraphs and writes one entry per charge.

The output is committed, so that a checkout without ../shared still has the catalogue. Re-run with

    python leniency/sentencing/standards/build_brackets.py [--statutes DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CHARGE_NAMES = HERE / "charge_names.txt"
OUTPUT = HERE / "statutory_brackets.yaml"

DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SUFFIX_WORDS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六"}
MAX_FIXED_TERM = 180  # 有期徒刑 at most 15 years for one crime (art. 45)
MIN_FIXED_TERM = 6


def cn_number(text: str) -> int:
    """Chinese numeral up to the hundreds (enough for article numbers and years)."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in DIGITS:
            current = DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + current


def cn_article_label(number: int, suffix: int = 0) -> str:
    """133, 1 -> 第一百三十三条之一."""
    units = "零一二三四五六七八九"
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += units[hundreds] + "百"
    if tens:
        out += ("" if not hundreds and tens == 1 else units[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    if ones:
        out += units[ones]
    label = f"第{out}条"
    if suffix:
        label += f"之{SUFFIX_WORDS[suffix]}"
    return label


def parse_ref(ref: str) -> tuple[int, int, int | None]:
    """ "177-1:2" -> (177, 1, 2); "264" -> (264, 0, None)."""
    match = re.fullmatch(r"(\d+)(?:-(\d+))?(?::(\d+))?", ref)
    if not match:
        raise ValueError(f"bad article reference {ref!r} in {CHARGE_NAMES.name}")
    return int(match[1]), int(match[2] or 0), int(match[3]) if match[3] else None


def load_statute(statutes: Path) -> dict[str, list[str]]:
    """Article label -> paragraphs, Amendment 12 applied."""
    articles: dict[str, list[str]] = {}
    for line in (statutes / "criminal-law.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles[row["article"]] = merge_items(row["text"].split("\n"))
    amendment = statutes / "criminal-law-amendment-12.jsonl"
    if amendment.exists():
        for line in amendment.read_text(encoding="utf-8").splitlines():
            apply_amendment(articles, json.loads(line)["text"])
    return articles


def merge_items(lines: list[str]) -> list[str]:
    """Numbered items ("（一）…") belong to the paragraph (款) before them."""
    paragraphs: list[str] = []
    for line in lines:
        if paragraphs and re.match(r"^[（(][一二三四五六七八九十]+[）)]", line.strip()):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    return paragraphs


def apply_amendment(articles: dict[str, list[str]], text: str) -> None:
    match = re.search(r"刑法(第[一二三四五六七八九十百零]+条)(第[一二三四五六七八九]款)?", text)
    if not match or "修改为" not in text:
        return
    body = text.split("修改为：", 1)[1].strip()
    paragraphs = merge_items(
        [p.strip().strip('"“”').strip() for p in body.split("\n") if p.strip().strip('"“”')]
    )
    label = match[1]
    if match[2]:  # one paragraph rewritten
        index = cn_number(match[2][1:-1]) - 1
        articles[label][index] = paragraphs[0]
    else:
        articles[label] = paragraphs


PENALTY_WORDS = ("有期徒刑", "拘役", "管制", "无期徒刑", "死刑", "罚金", "剥夺政治权利")
YEARS = r"([一二三四五六七八九十两]+)年"


# The fine's own limits where the clause names them in yuan (并处或者单处一万元以上十万元以下罚金).
FINE_YUAN = re.compile(
    r"(?:并处|单处)(?P<low>[一二三四五六七八九十百千万两]+)元以上(?P<high>[一二三四五六七八九十百千万两]+)元以下罚金"
)
# Limits told as multiples of another sum the clause names (刑法第175条 并处违法所得一倍以上五倍以下罚金, 第140条
# 销售金额百分之五十以上二倍以下, 第153条 偷逃应缴税额, 第204条 骗取税款 …): the sum and the two ratios. A unit's fine
# (对单位判处…罚金) is not a defendant's and is not read.
FINE_RATIO = r"百分之[一二三四五六七八九十]+|[一二三四五六七八九十]+倍"
FINE_MULTIPLE = re.compile(
    rf"(?:并处(?:或者单处)?|单处)(?P<of>[\u4e00-\u9fff]{{2,10}}?)(?P<low>{FINE_RATIO})以上(?P<high>{FINE_RATIO})以下罚金"
)


def cn_ratio(text: str) -> float:
    """A multiple in Chinese numerals: "一倍" -> 1, "百分之五十" -> 0.5."""
    if text.startswith("百分之"):
        return cn_number(text[3:]) / 100
    return float(cn_number(text[:-1]))


def cn_yuan(text: str) -> int:
    """A sum of yuan in Chinese numerals: "二十万" -> 200000, "五千" -> 5000."""
    if text.endswith("万"):
        return cn_yuan(text[:-1]) * 10000
    if "千" in text:
        thousands, rest = text.split("千", 1)
        return cn_number(thousands) * 1000 + (cn_number(rest) if rest else 0)
    return cn_number(text)


def parse_penalty(phrase: str) -> dict | None:
    """The penalty part of one clause ("五年以上十年以下有期徒刑，并处罚金") -> bracket dict."""
    if not any(word in phrase for word in PENALTY_WORDS):
        return None
    bracket: dict = {}
    fixed = None
    if m := re.search(YEARS + "以上" + YEARS + "以下有期徒刑", phrase):
        fixed = [12 * cn_number(m[1]), 12 * cn_number(m[2])]
    elif m := re.search(YEARS + "以下有期徒刑", phrase):
        fixed = [MIN_FIXED_TERM, 12 * cn_number(m[1])]
    elif m := re.search(YEARS + "以上有期徒刑", phrase):
        fixed = [12 * cn_number(m[1]), MAX_FIXED_TERM]
    elif m := re.search(YEARS + "有期徒刑", phrase):
        fixed = [12 * cn_number(m[1]), 12 * cn_number(m[1])]
    if fixed:
        bracket["imprisonment"] = fixed
    main = re.split(r"[，,]\s*(?:并处|可以并处|或者单处|单处)", phrase)[0]
    bracket["detention"] = "拘役" in main
    bracket["surveillance"] = "管制" in main
    bracket["life"] = "无期徒刑" in main
    bracket["death"] = "死刑" in main
    bracket["deprivation_only"] = "剥夺政治权利" in main and ("或者剥夺政治权利" in main)
    if re.search(r"单处[^，；。]*罚金", phrase):
        bracket["fine"] = "with_or_only"
    elif re.search(r"(?<!可以)并处[^，；。或]*罚金", phrase):
        bracket["fine"] = "mandatory"
    elif "可以并处罚金" in phrase:
        bracket["fine"] = "optional"
    elif re.search(r"(?:或者|、)罚金", main):
        # "处三年以下有期徒刑、拘役、管制或者罚金" (arts. 270, 275, 277, 313, 340, 341 …): a fine is one of the
        # alternative principal penalties, so a fine alone is lawful, and none is added to a prison term
        bracket["fine"] = "only"
    elif "处罚金" in main and not fixed and not bracket["detention"]:
        bracket["fine"] = "only"
    else:
        bracket["fine"] = "none"
    # 没收财产 (刑法第59条: part or all of the offender's own property), a property penalty with no sum of yuan: added
    # by the statute (并处没收财产, 第347条第2款), the alternative to the fine (并处罚金或者没收财产, 第263条), or allowed
    # (可以并处没收财产)
    if re.search(r"(?<!可以)并处没收财产", phrase):
        bracket["confiscation"] = "mandatory"
    elif re.search(r"罚金或者没收财产", phrase):
        bracket["confiscation"] = "alternative"
    elif "可以并处没收财产" in phrase:
        bracket["confiscation"] = "optional"
    if m := FINE_YUAN.search(phrase):  # 刑法第196条: "并处二万元以上二十万元以下罚金"
        bracket["fine_yuan"] = [cn_yuan(m["low"]), cn_yuan(m["high"])]
    elif m := FINE_MULTIPLE.search(phrase):  # 刑法第175条: "并处违法所得一倍以上五倍以下罚金"
        bracket["fine_multiple"] = {"of": m["of"], "low": cn_ratio(m["low"]), "high": cn_ratio(m["high"])}
    if not (fixed or bracket["detention"] or bracket["surveillance"] or bracket["life"] or bracket["death"]):
        if bracket["fine"] == "only":
            bracket["imprisonment"] = None
        else:
            return None
    bracket.setdefault("imprisonment", None)
    bracket["min_months"], bracket["max_months"] = bracket_bounds(bracket)
    return bracket


def bracket_bounds(bracket: dict) -> tuple[int, int]:
    """Lowest and highest term in months that the bracket allows (0 = no custody, fine only)."""
    lows, highs = [], []
    if bracket.get("imprisonment"):
        lows.append(bracket["imprisonment"][0])
        highs.append(bracket["imprisonment"][1])
    if bracket.get("detention"):
        lows.append(1)
        highs.append(6)
    if bracket.get("surveillance"):
        lows.append(3)
        highs.append(24)
    if bracket.get("life") or bracket.get("death"):
        highs.append(MAX_FIXED_TERM)
        lows.append(MAX_FIXED_TERM)
    if bracket.get("fine") in ("with_or_only", "only") or bracket.get("deprivation_only"):
        lows.append(0)
    return (min(lows) if lows else 0), (max(highs) if highs else 0)


CLAUSE_SPLIT = re.compile(r"(?<=[；。])")


def brackets_of_paragraph(paragraph: str) -> list[dict]:
    """Every 处… penalty clause of one paragraph with the condition that triggers it."""
    out = []
    clauses = [c for c in CLAUSE_SPLIT.split(paragraph) if c]
    for clause in clauses:
        if "判处罚金" in clause and "对单位" in clause and not re.search(r"人员[，,]?处", clause):
            continue
        starts = [m.start() for m in re.finditer(r"(?<![并单判])处(?![罚分理以置])", clause)]
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(clause)
            phrase = clause[start + 1 : end]
            bracket = parse_penalty(phrase)
            if bracket:
                context = clause[:start].strip("，,；。 ")
                bracket["condition"] = context[-60:]
                out.append(bracket)
    return out


# an article that punishes another crime (刑法第383条: "对犯贪污罪的，根据情节轻重，分别依照下列规定处罚：（一）贪污数额
# 较大…"), lent to this one by reference (第386条: 对犯受贿罪的，根据受贿所得数额及情节，依照本法第三百八十三条的规定处罚)
OTHER_CRIMES_ARTICLE = re.compile(r"^对犯(?P<crime>[^，,。；]+?)罪的[^：:。；]*[：:]")


# A bracket lent by another article under the same condition: 刑法第144条 "致人死亡或者有其他特别严重情节的，依照本法
# 第一百四十一条的规定处罚" is art. 141's bracket for 致人死亡或者有其他特别严重情节 (ten years to death).
LENT = re.compile(
    r"(?P<condition>[^，,；。]+的)[，,]依照本法(?P<article>第[一二三四五六七八九十百零]+条(?:之[一二三四五六])?)的规定处罚"
)


def lent_brackets(articles: dict[str, list[str]], paragraph: str) -> list[dict]:
    """The brackets `paragraph` borrows from another article for a condition in the same words."""
    lent = []
    for match in LENT.finditer(paragraph):
        for other in articles.get(match["article"], []):
            for bracket in brackets_of_paragraph(other):
                if bracket["condition"] == match["condition"]:
                    lent.append({**bracket, "source": match["article"]})
    return lent


# 刑法第113条第1款: "本章上述危害国家安全罪行中，除第一百零三条第二款、第一百零五条、第一百零七条、第一百零九条外，对国家和
# 人民危害特别严重、情节特别恶劣的，可以判处死刑。" The crimes of chapter one before it (arts. 102-112), but for those
# excepted, may be punished by death under that condition: their highest bracket with death added, read from the
# article itself (its exceptions and its condition), as a bracket of its own whose source is art. 113.
CHAPTER_DEATH_ARTICLE = "第一百一十三条"
CHAPTER_ONE_BEFORE_113 = range(102, 113)
CHAPTER_DEATH = re.compile(r"除(?P<excepted>[^外]+)外[，,](?P<condition>[^，,。；]+的)[，,]可以判处死刑")
EXCEPTED = re.compile(
    r"第(?P<article>[一二三四五六七八九十百零]+)条(?:第(?P<paragraph>[一二三四五六七八九十]+)款)?"
)


def chapter_death(articles: dict[str, list[str]], ref: str, brackets: list[dict]) -> list[dict]:
    """Art. 113's death bracket for the charge of `ref`, or none (see CHAPTER_DEATH_ARTICLE)."""
    number, suffix, paragraph = parse_ref(ref)
    match = CHAPTER_DEATH.search("".join(articles.get(CHAPTER_DEATH_ARTICLE, [])[:1]))
    if not match or suffix or number not in CHAPTER_ONE_BEFORE_113 or not brackets:
        return []
    for excepted in EXCEPTED.finditer(match["excepted"]):
        if cn_number(excepted["article"]) == number and (
            excepted["paragraph"] is None or cn_number(excepted["paragraph"]) == paragraph
        ):
            return []
    top = max(brackets, key=lambda b: (b["max_months"], b["life"], b["min_months"]))
    if top["death"]:
        return []
    bracket = {**top, "death": True, "condition": match["condition"], "source": CHAPTER_DEATH_ARTICLE}
    bracket["imprisonment"] = list(top["imprisonment"]) if top["imprisonment"] else None
    bracket["min_months"], bracket["max_months"] = bracket_bounds(bracket)
    return [bracket]


def borrowed_condition(condition: str, paragraph: str, name: str) -> str:
    """A bracket's condition in the words of the charge that borrows it: art. 383's brackets apply to 受贿 by
    受贿所得数额 (art. 386), so "（二）贪污数额巨大…" reads "（二）受贿数额巨大…" and the lead naming 贪污 goes.
    Conditions of the charge's own article, or of an article that names no crime, are left as they are."""
    head = OTHER_CRIMES_ARTICLE.match(paragraph)
    if not head or head["crime"] == name:
        return condition
    crime = head["crime"]
    return OTHER_CRIMES_ARTICLE.sub("", condition).replace(f"{crime}数额", f"{name}数额")


def resolve(
    articles: dict[str, list[str]], refs: list[str], name: str | None = None
) -> tuple[list[dict], list[str]]:
    brackets: list[dict] = []
    sources = []
    for ref in refs:
        number, suffix, para = parse_ref(ref)
        label = cn_article_label(number, suffix)
        if label not in articles:
            raise KeyError(f"{label} (ref {ref}) not found in the statute")
        paragraphs = articles[label]
        indexes = [para - 1] if para else range(len(paragraphs))
        for index in indexes:
            found = brackets_of_paragraph(paragraphs[index])
            # "依照前款的规定处罚": borrow the previous paragraph's brackets
            back = index
            while not found and back > 0 and ("依照前款" in paragraphs[back] or "前款罪" in paragraphs[back]):
                back -= 1
                found = brackets_of_paragraph(paragraphs[back])
            for b in found:
                b["source"] = label + (f"第{para}款" if para else "")
                if name:
                    b["condition"] = borrowed_condition(b["condition"], paragraphs[back], name)
            brackets.extend(found)
            brackets.extend(lent_brackets(articles, paragraphs[index]))
        sources.append(label + (f"第{para}款" if para else ""))
    unique: list[dict] = []
    seen: dict[tuple, dict] = {}
    for b in brackets:  # the same bracket restated for units (单位犯罪) etc.: keep one, with its fine
        key = (tuple(b["imprisonment"] or ()), b["detention"], b["surveillance"], b["life"], b["death"])
        if key in seen:
            if seen[key]["fine"] == "none":
                seen[key]["fine"] = b["fine"]
            for limits in ("fine_yuan", "fine_multiple", "confiscation"):
                if limits in b and limits not in seen[key]:
                    seen[key][limits] = b[limits]
            continue
        seen[key] = b
        unique.append(b)
    unique.sort(key=lambda b: (b["max_months"], b["life"], b["death"], b["min_months"]))
    return unique, sources


def read_charge_names() -> list[dict]:
    rows = []
    for line in CHARGE_NAMES.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        refs, names = line.split(maxsplit=1)
        name, *aliases = names.split("|")
        rows.append({"name": name, "refs": refs.split(","), "aliases": aliases})
    return rows


def build(statutes: Path) -> dict:
    articles = load_statute(statutes)
    charges = []
    problems = []
    for row in read_charge_names():
        number, suffix, _ = parse_ref(row["refs"][0])
        brackets, sources = resolve(articles, row["refs"], row["name"])
        brackets += chapter_death(articles, row["refs"][0], brackets)  # 刑法第113条
        if not brackets:
            problems.append(f"{row['name']}: no penalty clause found in {sources}")
        charges.append(
            {
                "name": row["name"],
                "aliases": row["aliases"],
                "article": number,
                "article_label": cn_article_label(number, suffix),
                "sources": sources,
                "brackets": brackets,
            }
        )
    return {
        "meta": {
            "description": "Statutory brackets (法定刑幅度) of every charge, parsed from the Criminal Law",
            "statute": "中华人民共和国刑法 (2020-12-26 consolidated text, Amendment 11) + Amendment 12 (2023-12-29)",
            "generated_by": "leniency/sentencing/standards/build_brackets.py",
            "confidence": "high (parsed from the statute text; charge names from the SPC/SPP 罪名 rules)",
            "problems": problems,
        },
        "charges": charges,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    default = HERE.parents[2].parent / "shared" / "data" / "statutes"
    parser.add_argument("--statutes", type=Path, default=default)
    args = parser.parse_args(argv)
    data = build(args.statutes)
    OUTPUT.write_text(
        "# GENERATED by build_brackets.py from the Criminal Law text; do not edit by hand.\n"
        + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200),
        encoding="utf-8",
    )
    for problem in data["meta"]["problems"]:
        print("WARNING:", problem, file=sys.stderr)
    print(f"{len(data['charges'])} charges -> {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
