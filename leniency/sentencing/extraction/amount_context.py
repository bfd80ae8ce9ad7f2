"""Where a judgment tells a figure, and what that says of it (issue 16, task E29: phrasings the dev texts lack).

Readings the crime amount (`amounts.find_money`, `amounts.total_amount`) relies on:

- A kind of payment (保证金, 手续费, 借款, 房租, 工资 …) named as what was taken ("骗取葛某工程保证金20万元",
  "侵占工人工资3.6万元"), as the pretext of the taking ("以借款为名骗取吕某3万元") or after the deceit of a fraud
  in the same sentence ("虚构…的事实，先后向被害人借款共计18万元") is the money the crime obtained,
  not a payment beside it (刑法第266条、第224条、第271条 measure the money or property obtained, whatever the victim
  paid it as): `payment_words_blanked` hides those words from the exclusion words of `amounts`. So are the workers'
  wages a 拒不支付劳动报酬 withheld (刑法第276条之一; E54).
- The court finds the facts (刑事诉讼法第二百条: judgment on the facts and evidence ascertained; article number
  recalled, unconfirmed); where the judgment tells the prosecution's allegation (公诉机关指控) and then its own finding
  (经审理查明) with figures of its own, the allegation's figures are superseded, not further amounts:
  `allegation_dropped`.
- A person's account in the list of evidence (被害人的陈述，证实其被盗现金约3000元) proves a finding and is not one
  (刑事诉讼法第五十五条, 重证据，不轻信口供; recalled, unconfirmed); where the facts before the list tell figures, it
  adds none: `statement_dropped`.
- Money got by selling what was taken (将手机出售，获赃款800元) is not its value (`resale_proceeds`), and a figure in a
  party's contention (辩护人提出…仅骗取3万元, 被告人辩称…) is what the court answers, not what it finds
  (`contention_dropped`).
- An extortion's demand (刑法第274条) is its amount: an escalation threatened if it is not met ("若拖到3月7日则要10万元")
  is an alternative (`conditional_demand`), and what the victim paid on it, told in the same sentence, is the demand
  carried out (`paid_on_demand`), not further sums (task E38). A return promised as a lie (承诺按月返还高额利息) is no
  restitution (`promised`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from leniency.sentencing.extraction.money_mention import Mention
from leniency.sentencing.extraction.parties import DEFENDANT_WORDS

# Kinds of payment that also name money the crime takes (an insurance fraud's 赔偿款, a fraud's 保证金 / 押金 / 手续费,
# an embezzled 工资): amount_exclusions.EXCLUDE_BEFORE holds them for the clauses where they are a payment
# beside the crime.
PAYMENT_KINDS = r"保证金|押金|手续费|借款|欠款|工资|报酬|好处费|租金|房租|生活费|车费|医疗费|医药费|丧葬费|赔偿|补偿|奖励|悬赏|利息"
# 索要 / 索取 / 收受: 刑法第385条 (索取他人财物, 或者非法收受他人财物): "向承包商索要好处费3万元" is the bribe (E38)
TAKING = r"骗取|骗得|诈骗|诈取|侵占|侵吞|窃取|盗窃|盗取|窃得|盗得|套取|截留|冒领|挪用|索要|索取|收受"
# "骗取葛某工程保证金" / "侵占货款3万元及工人工资" / "骗取滕某房租及押金": the payment is the object of the taking verb in
# the same clause. Proceeds or a disposal in between (骗取的钱款用于支付房租, 骗取后将…归还借款) make it a use of the
# money taken, not the money.
OBJECT_OF_TAKING = re.compile(
    rf"(?:{TAKING})(?!的|后|之后)(?:(?!将|用于|支付|归还|偿还|退还|交给|给付)[^，,。；;后]){{0,14}}?(?P<kind>(?:{PAYMENT_KINDS})(?:[及和与、](?:{PAYMENT_KINDS}))*)"
)
# "以借款为名" / "以需缴纳手续费为由" / "以支付保证金的名义" / "以高额报酬为诱饵": the payment is the lie told
PRETEXT = re.compile(
    rf"以[^，,。；;]{{0,10}}?(?:{PAYMENT_KINDS}|缴纳|交纳|预交|预缴)[^，,。；;]{{0,8}}?(?:为名|为由|名义|为诱饵|的理由)"
)

# 刑法第276条之一 (拒不支付劳动报酬): "以转移财产、逃匿等方法逃避支付劳动者的劳动报酬或者有能力支付而不支付劳动者的
# 劳动报酬，数额较大" is measured by the pay withheld from the workers ("拖欠28名农民工工资共计31.2万元", "逃避支付其雇佣的
# 32名工人劳动报酬共计48.6万元"), not a payment beside the crime (E54). The pay withheld from the defendant himself
# ("因老板拖欠其工资5000元") stays his pay, no amount.
# The statute's own verbs say whose pay it is; a plain 拖欠 / 欠付 must name the workers ("因公司拖欠工资3000元" names none).
WITHHELD = r"拒不支付|逃避支付|拒付|拒不发放"
OWED = r"拖欠|欠付|克扣|未支付|不支付|未发放|应支付|应付|应发放"
WORKERS = r"工人|农民工|员工|职工|劳动者|工友|雇工|[\d一二三四五六七八九十两百]+[名人]|等人"
WAGES_WITHHELD = re.compile(
    rf"(?:(?:{WITHHELD})(?P<whose>[^，,。；;]{{0,16}}?)|(?:{OWED})(?P<workers>[^，,。；;]{{0,12}}?(?:{WORKERS})[^，,。；;]{{0,4}}?))"
    r"(?P<kind>劳动报酬|工资款?|报酬|工钱)"
)
HIS_OWN = re.compile(r"(?:其|自己|本人|" + DEFENDANT_WORDS + r"[\u4e00-\u9fff×某]{0,3})(?:的)?$")

# The deceit of a fraud (刑法第266条 虚构事实、隐瞒真相) told earlier in the sentence: a payment named after it
# ("虚构资金周转困难的事实，先后向被害人借款共计18万元") is what the lie obtained, unless the clause spends money on it.
DECEIT = re.compile(r"虚构|虚假|谎称|隐瞒|冒充|假冒|编造|假借|以[^，,。；;]{0,12}为名")
# the deceit told in the clause right after the figure: "后甲向乙借款1万元，谎称用于做生意，实际用于赌博" (E54)
DECEIT_NEXT = re.compile(r"^[^，,。；;]{0,4}[，,](?:并|还|又|却)?(?:谎称|虚构|编造|假称|骗称|隐瞒)")
PAYMENT_KIND_RE = re.compile(PAYMENT_KINDS)
SPENT_ON = re.compile(r"支付|付清|还清|用于|归还|偿还|退还|交纳|缴纳|交了|缴了|还了|给付")

# The proceeds of selling what was taken ("将手机出售，获赃款800元" / "将该车卖掉，得赃款700元"): a resale told
# earlier in the sentence, and the money got for it.
RESOLD = re.compile(r"出售|卖掉|卖出|卖给|变卖|转卖|销赃|典当")
PROCEEDS_OF_SALE = re.compile(r"[获得]赃款|赃款计|换得|换取")

# A party's contention in the judgment's reasoning (辩护人提出…仅骗取3万元 / 被告人辩称其只收到2万元): what the court
# answers, not what it finds; in a prosecutor's review the suspect's (犯罪嫌疑人称其只收到2万元: parties.py, task E39).
CONTENTION = re.compile(
    r"辩称|辩解称|辩护意见|辩护人[^。；;]{0,12}(?:提出|认为|称)|上诉理由|上诉人[^。；;]{0,8}(?:提出|称)|"
    + DEFENDANT_WORDS
    + r"[^。；;]{0,6}(?:提出|称)[^。；;]{0,6}(?:只|仅)"
)

ALLEGATION = re.compile(r"公诉机关指控|检察院指控|起诉书指控|公诉机关起诉指控")
FINDING = re.compile(r"经审理查明|本院审理查明|经本院审理查明|本院查明|经审理，?本院查明")

STATEMENT = re.compile(r"陈述|证言|供述|辩解|证词")

# A demand for money (刑法第274条 敲诈勒索: the sum demanded by threat; E38) and what the victim paid on it.
DEMAND = re.compile(r"要求|索要|勒索|索取|敲诈|讹诈")
DEMANDED_FIGURE = re.compile(
    r"(?:要求|索要|勒索|索取|敲诈|讹诈)[^。；;]{0,24}?[\d０-９一二三四五六七八九十百千万]+(?:\.\d+)?万?元"
)
# an escalation the demand threatens if it is not met ("要求其在3月6日前付给5万元，并称若拖到3月7日则要10万元，拖到3月8日
# 则要15万元" / "三日内支付2万元，否则要3万元"): alternatives to the sum demanded, not further sums
CONDITION = re.compile(r"若|如果|假如|倘若|如不|否则|不然|逾期|拖到|拖至|晚[一二两三\d]天")
PAID = re.compile(r"转账|支付|付给|给付|交付|汇款|汇给|交给|给了")
# a return promised as a pretext (承诺按月返还高额利息 / 约定到期返还本金): a lie told to obtain the money, no restitution
PROMISED = re.compile(r"(?:承诺|许诺|约定|保证|声称|谎称)[^，,。；;]{0,6}$")


def payment_words_blanked(before: str, sentence_before: str = "", after: str = "") -> str:
    """`before` (the clause before a figure) with the payment words that name the money taken replaced by spaces.

    `sentence_before`: the sentence up to the figure, where a fraud's deceit may be told; `after`: the sentence after
    the figure, whose next clause may tell the deceit instead ("向乙借款1万元，谎称用于做生意").
    """
    chars = list(before)
    deceit_before = DECEIT.search(sentence_before[: max(0, len(sentence_before) - len(before))])
    if (deceit_before or DECEIT_NEXT.match(after)) and not SPENT_ON.search(before):
        for m in PAYMENT_KIND_RE.finditer(before):
            chars[m.start() : m.end()] = " " * len(m.group())
    for m in OBJECT_OF_TAKING.finditer(before):
        chars[m.start("kind") : m.end("kind")] = " " * len(m.group("kind"))
    for m in WAGES_WITHHELD.finditer(before):
        if not HIS_OWN.search(m.group("whose") or m.group("workers")):
            chars[m.start("kind") : m.end("kind")] = " " * len(m.group("kind"))
    for m in PRETEXT.finditer(before):
        chars[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


def allegation_dropped(items: Sequence[Mention], text: str) -> list[Mention]:
    """The figures but those of the allegation, where the court's finding after it tells figures of its own."""
    allegation = ALLEGATION.search(text)
    finding = FINDING.search(text, allegation.end()) if allegation else None
    if finding is None:
        return list(items)
    found = [m for m in items if m.span.start >= finding.start()]
    if not found:
        return list(items)
    return [m for m in items if not allegation.start() <= m.span.start < finding.start()]


def statement_dropped(
    items: Sequence[Mention], text: str, proof_starts: int, sentence_starts: Sequence[int]
) -> list[Mention]:
    """The figures but those a person's statement in the list of evidence tells, where the facts tell figures.

    `proof_starts`: where the list of evidence begins; `sentence_starts[i]`: where the sentence of `items[i]` begins
    (an item of the list ends with its ；).
    """
    if not any(m.span.start < proof_starts for m in items):
        return list(items)
    return [
        m
        for m, start in zip(items, sentence_starts, strict=True)
        if m.span.start < proof_starts or not STATEMENT.search(text, max(start, proof_starts), m.span.start)
    ]


def resale_proceeds(sentence_before: str, before: str) -> str | None:
    """The word saying the figure is money got by selling what was taken, or None."""
    proceeds = PROCEEDS_OF_SALE.search(before)
    if proceeds and RESOLD.search(sentence_before):
        return proceeds.group()
    return None


def contention_dropped(items: Sequence[Mention], text: str, sentence_starts: Sequence[int]) -> list[Mention]:
    """The figures but those told in a party's contention, where there are others."""
    told = [
        m
        for m, start in zip(items, sentence_starts, strict=True)
        if not CONTENTION.search(text, start, m.span.start)
    ]
    return told if told else list(items)


def conditional_demand(sentence_before: str, before: str) -> str | None:
    """The condition word where the figure is an escalation threatened beside an earlier demand in its sentence, or None."""
    condition = CONDITION.search(before)
    if condition and DEMANDED_FIGURE.search(sentence_before[: len(sentence_before) - len(before)]):
        return condition.group()
    return None


def paid_on_demand(sentence_before: str, before: str) -> str | None:
    """The payment word where the figure is what the victim paid on a demand told earlier in its sentence ("向沈某索要
    2万元，沈某被迫向其转账2万元"): the demand is the amount (E38), the payment is told apart, not added to it."""
    paid = PAID.search(before)
    if (
        paid
        and not DEMAND.search(before)
        and DEMANDED_FIGURE.search(sentence_before[: len(sentence_before) - len(before)])
    ):
        return paid.group()
    return None


# a demand the victim did not meet: reported to the police, refused, or cut short by the arrest (E92)
UNMET_WORD = (
    "未得逞的"  # what `unmet_demand` names its exclusion by (crime_stage_facts.sought_not_obtained reads it)
)
UNMET = re.compile(r"报警|报案|拒绝|拒不|未果|未得逞|未能得逞|未予支付|未支付|没有给|未给|被抓获|被当场抓获")
MONEY_FIGURE = re.compile(r"[\d０-９一二三四五六七八九十百千万]+(?:\.\d+)?万?元")
OBTAINED = re.compile(PAID.pattern + r"|得款|勒索得|索得|收到|取得")


def unmet_demand(text_before: str, before: str, sentence_after: str) -> str | None:
    """The word telling the demand unmet where the figure is a further demand the victim did not pay ("再次索要3万元时，
    秦某报警", "后又向乙索要1万元未果") after money obtained on an earlier one (`text_before`, the text before the
    figure's clause, tells money paid or obtained). An attempt beside a crime done is weighed on its own and the
    heavier governs (法释〔2011〕7号第六条, applied by analogy to 敲诈勒索, 法释〔2013〕10号), and the sum refused is no
    money obtained, so it is not added to it: crime_stage_facts.stage_amounts tells it as the sum attempted. A
    demand unmet with nothing obtained before it stays the amount (the whole crime attempted)."""
    unmet = UNMET.search(re.split(r"[\d０-９]", sentence_after)[0])  # told of this figure, not a later one
    if (
        unmet
        and DEMAND.search(before)
        and OBTAINED.search(text_before)
        and MONEY_FIGURE.search(text_before)
        and not PAID.search(sentence_after[: unmet.start()])
    ):
        return UNMET_WORD + unmet.group()
    return None


def promised(sentence_before: str, at: int) -> bool:
    """Whether the word at `at` of the sentence is a return promised (承诺按月返还), not one made."""
    return PROMISED.search(sentence_before, 0, at) is not None


# a payment after the case came to light ("案发后，被告人的父亲代其退给被害人1.5万元" / "庚被抓获后，其妻子通过微信向辛
# 转回6000元"): restitution (刑法第64条), never the money taken
AFTER_DISCOVERY = re.compile(
    r"^\s*[^，,。；;]{0,8}?(?:案发后|归案后|到案后|抓获后|被抓后|破案后|立案后|审理期间|审查起诉期间|诉讼期间|庭审前|开庭前)"
)
REPAID = re.compile(r"转账|支付|付给|给付|交付|汇款|汇给|交给|给了|转回|转还|退给|赔给|还给|交还")
# "到案后，被告人供述其收到被害人转账3万元": the money taken, told by its receipt
RECEIVED = re.compile(r"收到|收取|获得|得到|接收|取得|共得|获取")


def repaid_after_discovery(sentence_before: str, before: str) -> str | None:
    """The payment word where the figure is money paid to the victim after the case came to light, or None."""
    if not AFTER_DISCOVERY.search(sentence_before):
        return None
    paid = REPAID.search(before)
    if paid and not re.search(TAKING, before) and not RECEIVED.search(before):
        return paid.group()
    return None


# the victim a sentence names, as judgments mask names: "被害人王某", "被害人李某某", or a stem or branch (被害人癸); not
# the next word ("被害人当日", "被害人偷税", "被害人申请")
VICTIM = re.compile(
    r"被害(?:人|单位)(?P<name>[\u4e00-\u9fa5]某{1,2}|[甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥](?![\u4e00-\u9fa5]某|[请诉能到经时]))"
)


def different_victims(sentence: str, other: str) -> bool:
    """Whether both sentences name victims and neither names one of the other's anywhere: the same figure told of each
    is two sums ("骗取被害人癸人民币5000元。…骗取被害人子人民币5000元"), not one restated ("另查明，被害人赵某被骗59360元、
    宁某被骗31800元" restates 宁某's sum told before)."""
    names = {m["name"] for m in VICTIM.finditer(sentence)}
    others = {m["name"] for m in VICTIM.finditer(other)}
    return bool(
        names and others and not any(n in other for n in names) and not any(n in sentence for n in others)
    )
