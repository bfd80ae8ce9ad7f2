"""One function per charge that writes the facts of the offence itself (what happened, how much, how bad).

Each takes a `Ctx` (the case's people, date and place) and returns Chinese sentences. Numbers follow
the thresholds the engine cares about: most thefts 数额较大, some 巨大; most drunk-driving BAC between
80 and 200 mg/100ml; injuries mostly 轻伤二级.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from .names import masked_name

ROADS = (
    "人民路",
    "解放路",
    "建设路",
    "中山路",
    "和平路",
    "新华路",
    "长江路",
    "黄河路",
    "滨江大道",
    "学府路",
    "工业大道",
    "朝阳路",
    "迎宾大道",
    "文化路",
    "站前路",
)
PLACES = (
    "一烧烤店",
    "一KTV包厢",
    "一网吧",
    "一超市",
    "一小区停车场",
    "一农贸市场",
    "一酒吧门口",
    "一宾馆房间",
    "一出租屋",
    "一工地宿舍",
    "一棋牌室",
    "一商场",
)
COMMUNITIES = ("幸福小区", "阳光花园", "金色家园", "锦绣苑", "翠湖小区", "东方名城", "和谐家园", "新村")
VEHICLES = ("小型轿车", "小型普通客车", "小型越野客车", "普通二轮摩托车", "轻型厢式货车")
DIRECTIONS = ("由东向西", "由西向东", "由南向北", "由北向南")
DRUGS = (("甲基苯丙胺（冰毒）", 0.75), ("海洛因", 0.12), ("甲基苯丙胺片剂（麻古）", 0.13))


@dataclass
class Ctx:
    rng: random.Random
    names: list[str]
    role: str  # 被告人 or 犯罪嫌疑人
    on: date
    place: str  # e.g. 滨海市海港区
    surrendered: bool = False  # set by a template when the facts themselves amount to 自首

    def who(self, i: int = 0) -> str:
        return f"{self.role}{self.names[i]}"

    def group(self) -> str:
        """'被告人张三' or '被告人张三伙同李四、王五'."""
        if len(self.names) == 1:
            return self.who()
        return f"{self.who()}伙同{'、'.join(self.names[1:])}"

    def when(self, *, hour: bool = True) -> str:
        d = self.on
        text = f"{d.year}年{d.month}月{d.day}日"
        return text + f"{self.rng.choice((0, 1, 2, 8, 10, 14, 15, 19, 20, 21, 22, 23))}时许" if hour else text

    def period(self, days: int) -> str:
        start = self.on - timedelta(days=days)
        return f"{start.year}年{start.month}月至{self.on.year}年{self.on.month}月期间"

    def road(self) -> str:
        return f"{self.place}{self.rng.choice(ROADS)}"

    def venue(self) -> str:
        return f"{self.place}{self.rng.choice(ROADS)}{self.rng.choice(PLACES)}"

    def victim(self) -> str:
        name = masked_name(self.rng)
        while any(name[0] == n[0] for n in self.names):
            name = masked_name(self.rng)
        return name

    def money(self, bands: tuple[tuple[float, int, int], ...]) -> int:
        """An amount in yuan: `bands` are (weight, low, high)."""
        low, high = self.rng.choices([(lo, hi) for _, lo, hi in bands], weights=[w for w, _, _ in bands])[0]
        value = self.rng.randint(low, high)
        return value if value < 1000 else value // 10 * 10

    def plate(self) -> str:
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        return "示" + self.rng.choice("ABCDE") + "".join(self.rng.choice(letters) for _ in range(5))


def drunk_driving(c: Ctx) -> str:
    r = c.rng
    bac = round(min(330.0, 80.0 + r.expovariate(1 / 55)), 1)
    text = (
        f"{c.when()}，{c.who()}饮酒后驾驶牌号为{c.plate()}的{r.choice(VEHICLES)}，沿{c.road()}"
        f"{r.choice(DIRECTIONS)}行驶"
    )
    if r.random() < 0.2:
        text += f"时，与{c.victim()}驾驶的车辆发生碰撞，造成两车受损的道路交通事故。"
    else:
        text += "至路口时，被执勤民警查获。"
    text += f"经鉴定，{c.names[0]}血液中乙醇含量为{bac}mg/100ml。"
    if r.random() < 0.08:
        text += f"{c.names[0]}未取得机动车驾驶证。"
    return text


def theft(c: Ctx) -> str:
    r = c.rng
    items = (
        "电动自行车一辆",
        "手机一部",
        "现金",
        "电缆线一批",
        "黄金项链一条",
        "笔记本电脑一台",
        "香烟若干条",
    )
    method = r.choice(
        (
            "趁无人之机",
            "采取撬锁的手段",
            "采取翻窗入户的手段",
            "在公共交通工具上采取扒窃的手段",
            "采取破坏门锁入户的手段",
            "趁被害人不备",
        )
    )
    bands = ((0.58, 1000, 5000), (0.27, 5000, 30000), (0.11, 30000, 120000), (0.04, 120000, 450000))
    counts = r.choices((1, 2, 3, 5), weights=(0.6, 0.2, 0.12, 0.08))[0]
    total = c.money(bands)
    if counts == 1:
        text = (
            f"{c.when()}，{c.group()}在{c.venue()}，{method}，窃得被害人{c.victim()}的{r.choice(items)}，"
            f"经价格认定，价值人民币{total}元。"
        )
    else:
        text = (
            f"{c.period(r.randint(20, 120))}，{c.group()}先后{counts}次在{c.place}等地，{method}，"
            f"窃得被害人{c.victim()}、{c.victim()}等人的{r.choice(items)}等财物，经价格认定，共计价值人民币{total}元。"
        )
    if r.random() < 0.04:
        text += "其中一次盗窃因被发现而未得逞，系犯罪未遂。"
    text += r.choice(
        (
            "案发后，被盗财物已被追回并发还被害人。",
            f"案发后，{c.names[0]}已退赔被害人全部经济损失，并取得被害人谅解。",
            f"案发后，{c.names[0]}退赃人民币{total // 2}元。",
            "",
        )
    )
    return text


def injury(c: Ctx) -> str:
    r = c.rng
    victim = c.victim()
    grade = r.choices(("轻伤二级", "轻伤一级", "重伤二级"), weights=(0.68, 0.22, 0.10))[0]
    cause = r.choice(("琐事", "停车纠纷", "债务纠纷", "邻里纠纷", "饮酒后言语不和"))
    act = r.choice(("用拳头殴打", "持木棍击打", "持啤酒瓶击打", "用脚踢踹"))
    text = (
        f"{c.when()}，{c.group()}在{c.venue()}因{cause}与被害人{victim}发生争执，继而{act}{victim}头面部，"
        f"致{victim}受伤。经鉴定，{victim}的损伤程度为{grade}。"
    )
    roll = r.random()
    if roll < 0.55:
        text += f"案发后，{c.names[0]}赔偿被害人经济损失人民币{c.money(((1, 20000, 150000),))}元，并取得被害人谅解。"
    elif roll < 0.7:
        text += f"案发后，{c.names[0]}赔偿被害人经济损失人民币{c.money(((1, 5000, 40000),))}元。"
    return text


def fraud(c: Ctx) -> str:
    r = c.rng
    pretext = r.choice(
        (
            "帮助办理贷款",
            "网络刷单返利",
            "冒充电商平台客服办理退款",
            "谎称能够安排工作",
            "虚构投资理财项目",
            "谎称需要资金周转",
            "冒充熟人借款",
        )
    )
    total = c.money(((0.5, 3000, 30000), (0.35, 30000, 300000), (0.15, 300000, 1500000)))
    victims = r.choices((1, 2, 4, 9), weights=(0.5, 0.25, 0.15, 0.1))[0]
    who = f"被害人{c.victim()}" + (f"等{victims}人" if victims > 1 else "")
    text = (
        f"{c.period(r.randint(10, 200))}，{c.group()}以非法占有为目的，以{pretext}为由，虚构事实、隐瞒真相，"
        f"骗取{who}钱款共计人民币{total}元，所得钱款被用于个人消费。"
    )
    if r.random() < 0.45:
        text += f"案发后，{c.names[0]}退赔被害人经济损失人民币{total if r.random() < 0.6 else total // 3}元。"
    return text


def drug_sale(c: Ctx) -> str:
    r = c.rng
    drug = r.choices([d for d, _ in DRUGS], weights=[w for _, w in DRUGS])[0]
    grams = round(r.choice((r.uniform(0.1, 1.0), r.uniform(1, 10), r.uniform(10, 60))), 2)
    price = max(100, int(grams * r.randint(150, 400)) // 10 * 10)
    text = (
        f"{c.when()}，{c.group()}在{c.venue()}，以人民币{price}元的价格向吸毒人员{c.victim()}贩卖{drug}"
        f"{grams}克。交易完成后，{c.names[0]}被公安民警当场抓获。"
    )
    if r.random() < 0.35:
        seized = round(r.uniform(0.5, 15), 2)
        text += f"公安民警从{c.names[0]}住处另查获{drug}{seized}克。"
    return (
        text + "经鉴定，上述毒品中均检出甲基苯丙胺成分。"
        if "甲基" in drug
        else text + "经鉴定，检出海洛因成分。"
    )


def harbouring_drug_use(c: Ctx) -> str:
    r = c.rng
    times = r.randint(1, 5)
    users = "、".join(c.victim() for _ in range(r.randint(1, 3)))
    return (
        f"{c.period(r.randint(10, 90))}，{c.who()}先后{times}次在其位于{c.place}{r.choice(COMMUNITIES)}的出租屋内，"
        f"容留{users}吸食甲基苯丙胺（冰毒）。"
    )


def drug_possession(c: Ctx) -> str:
    r = c.rng
    grams = round(r.choice((r.uniform(10, 30), r.uniform(30, 50), r.uniform(50, 180))), 2)
    return (
        f"{c.when()}，公安民警在{c.venue()}将{c.who()}抓获，当场从其随身携带的挎包内查获甲基苯丙胺（冰毒）"
        f"{grams}克。经鉴定，检出甲基苯丙胺成分。"
    )


def helping_networks(c: Ctx) -> str:
    r = c.rng
    cards = r.randint(1, 6)
    flow = c.money(((0.6, 200000, 1000000), (0.3, 1000000, 5000000), (0.1, 5000000, 20000000)))
    profit = c.money(((1, 800, 30000),))
    victim_money = c.money(((1, 3000, 200000),))
    return (
        f"{c.period(r.randint(20, 180))}，{c.group()}明知他人利用信息网络实施犯罪，仍将本人名下银行卡{cards}张"
        f"及配套的手机卡、U盾出租、出售给他人使用，获利人民币{profit}元。经查，上述银行卡支付结算金额共计人民币"
        f"{flow}元，其中查实的电信网络诈骗被害人被骗资金为人民币{victim_money}元。"
    )


def provoking_trouble(c: Ctx) -> str:
    r = c.rng
    text = f"{c.when()}，{c.group()}在{c.venue()}饮酒后，借故生非，随意殴打{c.victim()}、{c.victim()}，致二人轻微伤"
    if r.random() < 0.4:
        text += f"，并任意损毁店内财物，经价格认定价值人民币{c.money(((1, 2000, 20000),))}元"
    return text + "。" + r.choice(("案发后，已赔偿被害人经济损失并取得谅解。", ""))


def gambling_house(c: Ctx) -> str:
    r = c.rng
    if r.random() < 0.5:
        return (
            f"{c.period(r.randint(20, 150))}，{c.group()}在{c.place}{r.choice(COMMUNITIES)}一出租房内设置赌台，"
            f"组织他人以“{r.choice(('推牌九', '斗牛', '扎金花', '押大小'))}”的方式进行赌博，"
            f"抽头渔利共计人民币{c.money(((1, 8000, 150000),))}元。"
        )
    return (
        f"{c.period(r.randint(30, 200))}，{c.group()}建立微信群，组织他人以“{r.choice(('抢红包', 'PC蛋蛋', '龙虎斗'))}”"
        f"的方式进行网络赌博，参赌人员{r.randint(3, 30) * 10}余人，赌资累计人民币{c.money(((1, 300000, 5000000),))}元，"
        f"抽头渔利人民币{c.money(((1, 10000, 200000),))}元。"
    )


def traffic_accident(c: Ctx) -> str:
    r = c.rng
    victim = c.victim()
    harm = r.choices(
        (f"致{victim}当场死亡", f"致{victim}死亡", f"致{victim}重伤"), weights=(0.35, 0.4, 0.25)
    )[0]
    share = r.choices(("全部", "主要"), weights=(0.55, 0.45))[0]
    text = (
        f"{c.when()}，{c.who()}驾驶牌号为{c.plate()}的{r.choice(VEHICLES)}沿{c.road()}{r.choice(DIRECTIONS)}行驶时，"
        f"未注意观察路面情况，与行人{victim}发生碰撞，{harm}。经交通管理部门认定，{c.names[0]}负事故{share}责任。"
    )
    if r.random() < 0.6:
        c.surrendered = True
        text += f"事故发生后，{c.names[0]}拨打报警电话并在现场等候交通管理部门处理。"
    if r.random() < 0.7:
        text += f"案发后，{c.names[0]}赔偿被害人近亲属经济损失人民币{c.money(((1, 150000, 900000),))}元，取得被害人近亲属谅解。"
    return text


def laundering(c: Ctx) -> str:
    r = c.rng
    if r.random() < 0.5:
        return (
            f"{c.when()}，{c.group()}明知是他人盗窃所得的{r.choice(('电动自行车', '手机', '电缆线', '摩托车'))}，"
            f"仍以人民币{c.money(((1, 300, 5000),))}元的价格予以收购，后加价转卖获利。"
        )
    return (
        f"{c.period(r.randint(10, 90))}，{c.group()}明知是他人实施电信网络诈骗的犯罪所得，仍多次帮助他人通过"
        f"ATM机取现、转账等方式转移资金共计人民币{c.money(((1, 50000, 800000),))}元，获利人民币"
        f"{c.money(((1, 500, 10000),))}元。"
    )


def robbery(c: Ctx) -> str:
    r = c.rng
    victim = c.victim()
    cash = c.money(((1, 200, 5000),))
    return (
        f"{c.when()}，{c.group()}在{c.road()}，持{r.choice(('水果刀', '匕首', '木棍'))}对被害人{victim}进行威胁，"
        f"劫得{victim}手机一部及现金人民币{cash}元，经价格认定共计价值人民币{cash + c.money(((1, 800, 6000),))}元。"
    )


def generic(charge: str):
    def write(c: Ctx) -> str:
        return f"{c.when()}，{c.group()}在{c.place}实施{charge}犯罪，涉案金额人民币{c.money(((1, 5000, 200000),))}元。"

    return write


def _simple(pattern: str):
    """A one-sentence template; {who}, {group}, {when}, {period}, {venue}, {victim}, {money}, {n} are filled in."""

    def write(c: Ctx) -> str:
        return pattern.format(
            who=c.who(),
            group=c.group(),
            when=c.when(),
            period=c.period(c.rng.randint(60, 300)),
            venue=c.venue(),
            victim=c.victim(),
            place=c.place,
            money=c.money(((0.7, 5000, 80000), (0.3, 80000, 600000))),
            n=c.rng.randint(3, 60),
        )

    return write


TEMPLATES = {
    "危险驾驶": drunk_driving,
    "盗窃": theft,
    "故意伤害": injury,
    "诈骗": fraud,
    "走私、贩卖、运输、制造毒品": drug_sale,
    "容留他人吸毒": harbouring_drug_use,
    "非法持有毒品": drug_possession,
    "帮助信息网络犯罪活动": helping_networks,
    "寻衅滋事": provoking_trouble,
    "开设赌场": gambling_house,
    "交通肇事": traffic_accident,
    "掩饰、隐瞒犯罪所得、犯罪所得收益": laundering,
    "抢劫": robbery,
    "信用卡诈骗": _simple(
        "{period}，{who}使用本人名下信用卡恶意透支，经发卡银行两次有效催收后超过三个月仍不归还，"
        "透支本金共计人民币{money}元。"
    ),
    "妨害公务": _simple(
        "{when}，民警在{venue}依法处置警情时，{who}以推搡、撕扯等暴力方法阻碍民警依法执行职务。"
    ),
    "袭警": _simple(
        "{when}，{who}在{venue}拒不配合民警依法盘查，持续用拳头击打正在执行职务的民警，致一名民警轻微伤。"
    ),
    "聚众斗殴": _simple(
        "{when}，{group}因琐事纠集多人持木棍等器械，在{venue}与{victim}一方互相斗殴，造成双方多人轻微伤。"
    ),
    "故意毁坏财物": _simple(
        "{when}，{who}在{venue}因琐事持铁锤砸毁被害人{victim}的车辆，经价格认定，损失价值人民币{money}元。"
    ),
    "非法拘禁": _simple("{when}，{group}为索要债务，将被害人{victim}强行带至{place}一出租屋内拘禁{n}小时。"),
    "职务侵占": _simple(
        "{period}，{who}在担任{place}某商贸有限公司销售员期间，利用职务上的便利，将收取的公司货款"
        "人民币{money}元占为己有。"
    ),
    "侵犯公民个人信息": _simple(
        "{period}，{group}违反国家有关规定，非法获取并向他人出售公民个人信息{n}000余条，获利人民币{money}元。"
    ),
    "非法吸收公众存款": _simple(
        "{period}，{group}以高额利息为诱饵，通过口口相传等方式向社会不特定公众吸收资金共计"
        "人民币{money}元，涉及集资参与人{n}人。"
    ),
    "拒不支付劳动报酬": _simple(
        "{period}，{who}拖欠{n}名劳动者工资共计人民币{money}元，经人力资源和社会保障部门"
        "责令限期支付后仍不支付。"
    ),
    "抢夺": _simple(
        "{when}，{who}在{venue}趁被害人{victim}不备，抢夺其手机一部，经价格认定价值人民币{money}元。"
    ),
    "敲诈勒索": _simple("{when}，{group}以曝光被害人{victim}隐私相要挟，勒索{victim}人民币{money}元。"),
    "非法捕捞水产品": _simple(
        "{when}，{group}在禁渔期内，使用电鱼工具在{place}境内河道非法捕捞，捕获渔获物{n}公斤。"
    ),
}
