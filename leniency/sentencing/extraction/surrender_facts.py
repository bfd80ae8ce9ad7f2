"""自首 told by its facts, without the word, in the three forms the law names beside going to the police.

- 法发〔2010〕60号 一(一): a crime reported by the offender, who then stayed and waited for the police (犯罪后主动报案，
  …没有逃离现场), and one reported by others where the offender knowingly waited (明知他人报案而在现场等待), in both
  without resisting arrest (抓捕时无拒捕行为), the latter told also as a wait at the scene for the police after a call
  for an ambulance or another's report (拨打120急救电话，并在现场等候民警到来: he knew the police were coming); and an
  offender questioned only because he looked suspicious who then told his crime of his own accord
  (仅因形迹可疑被盘问、教育后，主动交代了犯罪事实的; not one taken in, 带至公安机关调查, who then gave an account: 坦白),
  unless something tied to the crime was found on him, his belongings or his vehicle first (…发现与犯罪有关的物品的，不能认定为自动投案). Recalled, unconfirmed.
- a suspect told by telephone to come in (电话通知) who then comes of his own accord: not yet questioned nor under a
  compulsory measure, he puts himself in the authority's hands (法释〔1998〕8号第一条: 尚未受到讯问、未被采取强制措施时，
  主动、直接向公安机关…投案; 法发〔2010〕60号 一(一), 经…电话通知到案; recalled, unconfirmed). Not one who refused or
  was caught after the call (拒不到案, 后被抓获), nor one taken there (带至, 押至).
- 刑法第67条第2款 (特别自首): a person under a compulsory measure, or serving a sentence, who truthfully tells his own
  other crime the authorities do not yet know (如实供述司法机关还未掌握的本人其他罪行的，以自首论); not a crime of the
  same kind as the one he is held for (法释〔1998〕8号第四条: 属同种罪行的，可以酌情从轻处罚 — a confession's weight,
  recalled, unconfirmed).
"""

from __future__ import annotations

import re

from leniency.sentencing.extraction.circumstance_denials import SENTENCE_BREAKS, clause_bounds
from leniency.sentencing.extraction.numbers import bounds

# the offender's own call (拨打110报警, a call to 110 being a report to the police in itself), or one he had someone
# make (让邻居报警), then a wait for the police
REPORTED_AND_WAITED = re.compile(
    r"(?:报警|报案|拨打(?:了)?110)[^。；;]{0,30}?(?:在|留在|待在|守在)?[^，,。；;]{0,6}?(?:等候|等待)(?:民警|警察|公安|处理|警方)?"
)
# who else may have made the call: the clause that tells it begins with them
OTHER_REPORTER = re.compile(
    r"(?:被害|受害|群众|他人|路人|目击|邻居|保安|家属|亲属|同事|店主|失主|老板|工作人员|村民|现场人员)"
)
# a clause begun by an arrangement (让/叫/委托…报警) is the offender's own report
ARRANGED = re.compile(r"(?:并|即|遂|后|随即|立即)?(?:让|叫|委托|请|嘱)")
KNOWINGLY_WAITED = re.compile(
    r"(?:明知|知道|得知)[^。；;]{0,12}报(?:警|案)[^。；;]{0,12}(?:在现场|留在现场|原地|现场)等(?:候|待)"
)
# 明知他人报案而在现场等待 told as the wait for the police itself ("并在现场等候民警到来", "坐在原地等待公安人员处理").
# Not a driver's wait after a crash: staying and reporting is his duty (道路交通安全法第70条), and 法发〔2010〕60号 makes it
# 自动投案 only with his own report to the police (交通肇事后保护现场、抢救伤者，并向公安机关报告的: REPORTED_AND_WAITED)
# The place is the one the text names: the scene, or where the offender took the victim or stayed after the act (在医院
# 等候民警, 留在饭店内等候民警, 在案发地等待公安人员), as the wait is what 法释〔1998〕8号第一条 weighs (明知他人报案而在现场等待，抓捕时无拒捕
# 行为，供认犯罪事实的); the police named after the wait as the ones he owned the act to ("在医院等候并主动向到场的民警承认
# 推人的事实") tell the same wait, and so does one told before the call he had another make
STAYED_AT = (
    r"(?:在|留在|守在|待在|停留在|坐在|站在)"
    r"(?:(?:案发)?(?:现场|原地)|案发地点?|[^，,。；;]{0,10}?(?:医院|卫生院|诊所|急诊室|内|里))"
)
WAIT = r"(?:等候|等待|守候)"
POLICE = r"(?:公安)?(?:民警|警察|警方|公安(?:机关|人员)?)"
OWNED = r"(?:承认|供认|交代|交待|供述|讲明|说明)"
WAITED_FOR_POLICE = re.compile(
    rf"{STAYED_AT}[^，,。；;]{{0,6}}?{WAIT}{POLICE}"
    rf"|{STAYED_AT}[^，,。；;]{{0,6}}?{WAIT}[^。；;]{{0,12}}?向(?:到场|赶到|赶来|前来|到达|闻讯赶来)的?"
    rf"{POLICE}[^，,。；;]{{0,10}}?{OWNED}"
    # the police's coming, then his account ("在卫生院守候，民警赶到后其如实供述了打人经过")
    rf"|{STAYED_AT}[^，,。；;]{{0,6}}?{WAIT}[，,]{POLICE}(?:赶到|到达|到场|赶来)(?:后|时)[^，,。；;]{{0,8}}?{OWNED}"
    # the wait first, then another asked to call ("在现场等候并让他人报警"): his own report (REPORTED_AND_WAITED)
    rf"|{STAYED_AT}[^，,。；;]{{0,6}}?{WAIT}(?:并|，|,)?(?:让|叫|委托|请|嘱)[^，,。；;]{{0,8}}?(?:报警|报案|拨打(?:了)?110)"
)
TRAFFIC_ACCIDENT = re.compile(r"交通事故|肇事")
# a clause without a subject of its own, going on from the one before ("并在现场等候", "随后一直在现场等待")
CONTINUED = re.compile(r"并|且|后|随后|随即|然后|一直|便|即")
# held at the scene by others (被群众控制, 被扭送): kept there, not waiting of his own accord
HELD_AT_SCENE = re.compile(r"控制|扭送|扭住|抓住|拦住|拦下|围住|看住|看管|按住|制服")
# a resistance denied right before it ("抓捕时无拒捕行为", "没有逃离现场") is none
RESISTED = re.compile(r"(?<!没有)(?<![无未没不])(?:拒捕|抗拒抓捕|暴力抗拒|逃跑|逃离|逃窜|持刀(?:威胁|对抗))")
QUESTIONED_WHEN_SUSPICIOUS = re.compile(
    r"形迹可疑[^。；;]{0,40}?(?:主动|自行)(?:如实)?(?:交代|交待|供述|供认|坦白)"
)
FOUND_ON_HIM = re.compile(
    r"查获|搜出|搜查出|发现[^，,。；;]{0,12}(?:赃|被盗|作案工具|毒品|刀|凶器)|起获|缴获|扣押"
)
# taken in (带至派出所调查) rather than questioned where he was: the account is then no longer of his own accord
TAKEN_IN = re.compile(r"带至|带到|带回|带往|押至|押回|抓获|传唤|控制|留置")
# the call, then his coming: "经民警电话通知到案", "接到民警电话后即自行到派出所", "电话通知其到派出所接受调查，其于当日
# 到派出所" (the police's call is no arrest; what follows it must be his own going there)
# the authority itself, not a scene where its officers are ("主动到现场配合公安机关调查": no going to the authority)
CAME_TO = (
    r"(?:来到|到|至|前往|赶到|赶至|回到)(?:(?!现场|配合)[^，,。；;]){0,8}?"
    r"(?:派出所|公安局|公安分局|公安机关|刑警大队|刑侦大队|侦查机关|检察院)"
)
PHONED_AND_CAME = re.compile(
    r"经[^，,。；;]{0,10}?电话(?:通知|联系|告知)(?:后)?[^，,。；;]{0,6}?(?<![未没不])(?:到案|归案|投案)"
    r"|(?:接到|接听)[^，,。；;]{0,12}?电话(?:通知)?(?:后)?[，,]?(?:即|便|遂|随即|立即|当即|于当日|当日|次日)?"
    rf"(?:主动|自动|自行|按时|如约)?{CAME_TO}"
    r"|电话(?:通知|联系|告知)[^。；;]{0,30}?[，,][^，,。；;]{0,8}?(?:即|便|遂|随即|立即|当即|于当日|当日|次日)?"
    rf"(?:主动|自动|自行|按时|如约)(?:{CAME_TO}|到案|投案)"
)
# after the call, a refusal or an arrest in its sentence: he did not come of his own accord
NOT_CAME = re.compile(r"拒不|拒绝|未到|没有到|不到|逃|躲|抓获|抓捕|拘传|强制|带至|带到|带回|押至|押回|扭送")
CAUGHT = re.compile(r"抓获|拘传|扭送")
# 刑法第67条第2款: a compulsory measure or a sentence being served, then an own crime not yet known told
HELD = re.compile(r"强制措施|刑事拘留|拘留|逮捕|羁押|在押|取保候审|监视居住|服刑")
# the crime told, then called not yet known in its clause ("…尚未掌握的本人其他罪行") or the next ("…，该罪行此前未被
# 司法机关掌握")
OTHER_CRIME_UNKNOWN = re.compile(
    r"(?:如实|主动)(?:向[^，,。；;]{1,10}?)?(?:供述|交代|交待|供认)(?:了)?[^，,。；;]{0,12}?(?:尚未|还未|未)(?:被)?[^，,。；;]{0,4}?掌握的"
    r"|(?:如实|主动)(?:向[^，,。；;]{1,10}?)?(?:供述|交代|交待|供认)(?:了)?[^，,。；;]{0,30}[，,]"
    r"[^，,。；;]{0,6}?(?:此前|之前|当时)?(?:尚未|还未|未)(?:被)?[^，,。；;]{0,8}?掌握"
)
HELD_FOR = re.compile(r"因(?:涉嫌)?(?:犯)?([\u4e00-\u9fff]{2,8}?)(?:罪|犯罪)?(?:而)?被")
SAME_KIND = re.compile(r"同种|同类|同一种")


def reported_and_waited_counts(text: str, start: int, end: int) -> bool:
    """The report is the offender's own (its clause not begun by another person, save one he asked to call) and no
    resistance or flight is told after the wait in its sentence."""
    lo, _ = clause_bounds(text, start, start)
    opening = text[lo:start]
    if OTHER_REPORTER.search(opening) and not ARRANGED.match(opening):
        return False
    return not resisted_after(text, end)


def waited_counts(text: str, start: int, end: int) -> bool:
    """The wait is the offender's (its clause, or the one it goes on from, not begun by another person), not held
    there by others before it in its sentence, not a driver's after a crash, and no resistance or flight is told after
    it."""
    lo, _ = clause_bounds(text, start, start)
    if (
        CONTINUED.match(text, lo) and lo > 0
    ):  # "被害人报警，并在现场等候民警": the clause before is its subject
        lo, _ = clause_bounds(text, lo - 1, lo - 1)
    s_lo, _ = bounds(text, start, start, SENTENCE_BREAKS)
    if OTHER_REPORTER.search(text, lo, start) or HELD_AT_SCENE.search(text, s_lo, start):
        return False
    if TRAFFIC_ACCIDENT.search(text):
        return False
    return not resisted_after(text, end)


def resisted_after(text: str, end: int) -> bool:
    """A wait for the police is no surrender where the arrest was resisted or the offender fled after it."""
    _, hi = bounds(text, end, end, SENTENCE_BREAKS)
    return bool(RESISTED.search(text, end, hi))


def questioned_counts(text: str, start: int, end: int) -> bool:
    """Nothing tied to the crime was found, and the offender was not taken in, before he told it of his own accord."""
    return not (FOUND_ON_HIM.search(text, start, end) or TAKEN_IN.search(text, start, end))


def phoned_counts(text: str, start: int, end: int) -> bool:
    """No refusal, flight or arrest is told between the call and his coming, nor after it in its sentence."""
    _, hi = bounds(text, end, end, SENTENCE_BREAKS)
    return not (
        NOT_CAME.search(text, start, end) or CAUGHT.search(text, end, hi) or resisted_after(text, end)
    )


def other_crime_counts(text: str, start: int, end: int) -> bool:
    """Told while held (its sentence names the measure or the sentence served), and not a crime of the kind he is
    held for: the crime named in "因(涉嫌)X被…" appears again after the words "尚未掌握的", or the text calls it 同种."""
    lo, hi = bounds(text, start, end, SENTENCE_BREAKS)
    if not HELD.search(text, lo, start) or SAME_KIND.search(text, lo, hi):
        return False
    held_for = HELD_FOR.search(text, lo, start)
    return held_for is None or held_for.group(1) not in text[end:hi]
