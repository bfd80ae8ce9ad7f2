"""The default rules, access criteria, rubric, fee schedule and specialties, installed by migration 0003
and again wherever a test database was flushed. Administrators edit them afterwards in the admin."""

import datetime
from decimal import Decimal

LOCAL = "本地政策示例，可由管理员修改（《法律援助法》第五十二条：补贴标准由省级司法行政部门会同财政部门确定）"

RUBRIC = [
    ("explain", "释法说理", "向当事人解释指控罪名、认罪认罚的性质和法律后果、从宽幅度", 25),
    ("meeting", "会见与沟通", "及时会见，充分听取当事人意见，如实告知案件进展", 20),
    ("opinion", "书面意见", "就罪名认定、量刑建议和程序适用提出有针对性的书面意见", 25),
    ("rights", "程序权利保障", "协助申请变更强制措施、申请法律援助，保障当事人诉讼权利", 15),
    ("conduct", "执业态度", "守时尽责，保守秘密，不流于形式见证签署", 15),
]
SPECIALTIES = [
    "毒品犯罪",
    "财产犯罪",
    "经济犯罪",
    "职务犯罪",
    "暴力犯罪",
    "网络犯罪",
    "交通犯罪",
    "未成年人案件",
    "死刑案件",
    "涉外案件",
    "金融犯罪",
    "环境资源犯罪",
]


def install_defaults(apps) -> bool:
    """Create the default rows when the policy table is empty (a flushed test database, a fresh install).

    `apps` is a migration's historical registry or `django.apps.apps`. Returns whether anything was added.
    """
    if apps.get_model("counsel", "CounselPolicy").objects.exists():
        return False
    apps.get_model("counsel", "CounselPolicy").objects.create(
        region=None,
        effective_from=datetime.date(2020, 8, 20),
        source=LOCAL,
    )
    criterion = apps.get_model("counsel", "AccessCriterion")
    criterion.objects.create(
        work="any",
        min_severity="life_or_death",
        min_years=3,
        citation="《法律援助法》第二十六条：可能被判处无期徒刑、死刑的，指派具有三年以上相关执业经历的律师",
    )
    criterion.objects.create(
        work="duty",
        min_severity="ordinary",
        min_years=0,
        requires_duty_accreditation=True,
        citation="《法律援助值班律师工作办法》（司规〔2020〕6号）：由法律援助机构选派值班律师",
    )
    rubric = apps.get_model("counsel", "Rubric").objects.create(
        version="2026-1",
        title="值班律师履职质量评价标准",
        published_on=datetime.date(2026, 1, 1),
        note="每项 1–5 分，按权重计算综合得分；评价方为当事人、检察院、法院和律师协会。",
    )
    item = apps.get_model("counsel", "RubricCriterion")
    for order, (code, label, description, weight) in enumerate(RUBRIC):
        item.objects.create(
            rubric=rubric, code=code, label=label, description=description, weight=weight, order=order
        )
    apps.get_model("counsel", "FeeSchedule").objects.create(
        name="值班律师补贴标准（示例）",
        region=None,
        effective_from=datetime.date(2020, 8, 20),
        per_case=Decimal("200"),
        per_hour=Decimal("50"),
        service_rates={
            "meeting": 150,
            "file_reading": 100,
            "consultation": 50,
            "measure_application": 100,
            "signing": 80,
            "opinion_charge": 150,
            "opinion_recommendation": 150,
            "opinion_procedure": 100,
            "court": 300,
        },
        severity_weights={"minor": 0, "medium": 0.2, "serious": 0.5},
        procedure_weights={"expedited": 0, "summary": 0.1, "ordinary": 0.3},
        co_defendant_weight=Decimal("0.1"),
        extra_charge_weight=Decimal("0.1"),
        detention_weight=Decimal("0.1"),
        max_multiplier=Decimal("2.0"),
        source=LOCAL,
    )
    specialty = apps.get_model("counsel", "Specialty")
    specialty.objects.bulk_create(specialty(name=name) for name in SPECIALTIES)
    return True
