"""Time the study on an imported district: a template file of historical records imported with
`leniency study import`, then `leniency study withdrawals --source imported` (tables, tests, charts, the
early-warning model, HTML and PDF).

Target: the study in under 30 s (issue 19 item 1). Run on a scratch database:

    LENIENCY_VAR_DIR=/tmp/ci .venv/bin/python manage.py migrate
    LENIENCY_VAR_DIR=/tmp/ci .venv/bin/python bench/study_import.py [persons]

The district is drawn at random (seed 19) from rates near the national figures (a plea for about 85 % of persons)
with withdrawals more likely where no lawyer met the person before signing, no letter was delivered or the
range was too wide, so that the tables and the model have something to find. The second import of the same file
must add no one.
"""

import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import django

os.environ.setdefault("LENIENCY_DEBUG", "1")  # development settings (the scratch database, derived keys)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.conf import settings  # noqa: E402

settings.DEBUG = False  # production's cursor: no SQL kept in memory

from django.core.management import call_command  # noqa: E402

from leniency.accounts.models import Organisation, Region  # noqa: E402
from leniency.study.import_format import xlsx_bytes  # noqa: E402
from leniency.study.models import ImportedPerson  # noqa: E402

CRIMES = [
    "危险驾驶",
    "盗窃",
    "诈骗",
    "帮助信息网络犯罪活动",
    "故意伤害",
    "开设赌场",
    "掩饰、隐瞒犯罪所得",
    "寻衅滋事",
]
STAGES = ["侦查阶段", "审查起诉阶段", "审查起诉阶段", "审查起诉阶段", "审判阶段"]
W_STAGES = ["审查起诉阶段（提起公诉前）", "一审审理阶段", "一审判决后（上诉）", "一审判决后（上诉）"]
REASONS = [
    "认为量刑建议过重",
    "未释明量刑建议的理由",
    "改变主意",
    "技术性上诉（如为留所服刑）",
    "律师未提供有效法律帮助",
]
START = date(2021, 1, 1)


def build_rows(persons: int, seed: int = 19) -> list[dict]:
    rng = random.Random(seed)
    rows, case_no = [], 0
    while len(rows) < persons:
        case_no += 1
        received = START + timedelta(days=rng.randint(0, 3 * 365))
        crime = rng.choice(CRIMES)
        for _ in range(min(rng.choice([1, 1, 1, 2, 3]), persons - len(rows))):
            n = len(rows) + 1
            row = {
                "人员编号": f"H{n:06d}",
                "案件编号": f"滨检刑受〔{received.year}〕{case_no}号",
                "受理日期": received.isoformat(),
                "罪名": crime,
                "是否羁押": "是" if rng.random() < 0.4 else "否",
                "有无前科": "是" if rng.random() < 0.2 else "否",
                "审理程序": rng.choice(["速裁程序", "简易程序", "普通程序"]),
                "律师类型": rng.choice(["值班律师", "值班律师", "值班律师", "法律援助律师", "委托辩护人"]),
                "是否认罪认罚": "否",
                "处理结果": "有罪判决",
            }
            rows.append(row)
            if rng.random() > 0.85:
                continue
            stage = rng.choice(STAGES)
            meetings = rng.choice([0, 0, 1, 1, 2])
            letter, notice = rng.random() < 0.7, rng.random() < 0.9
            fixed = rng.random() < 0.6
            low = rng.choice([1, 3, 6, 8, 12, 18, 24, 36])
            wide = not fixed and rng.random() < 0.3
            row.update(
                {
                    "是否认罪认罚": "是",
                    "认罪认罚阶段": stage,
                    "签署前会见次数": str(meetings),
                    "律师书面意见": "是" if rng.random() < 0.3 else "否",
                    "释法说理书送达": "是" if letter else "否",
                    "权利告知确认": "是" if notice else "否",
                    "量刑建议方式": "确定刑" if fixed else "幅度刑",
                    "类案刑期中位数（月）": str(round(low * rng.uniform(0.8, 1.3), 1)),
                    "法院是否采纳": rng.choice(["采纳"] * 9 + ["未采纳", ""]),
                    "是否上诉": "否",
                }
            )
            if stage != "审判阶段":
                row["具结书签署日期"] = (received + timedelta(days=rng.randint(5, 40))).isoformat()
            if fixed:
                row["建议刑期（月）"] = str(low)
            else:
                row["幅度下限（月）"] = str(low)
                row["幅度上限（月）"] = str(low + (rng.choice([6, 12]) if wide else 2))
            risk = 0.04 + 0.06 * (meetings == 0) + 0.05 * (not letter) + 0.06 * wide + 0.03 * (not notice)
            if rng.random() < risk:
                w_stage = rng.choice(W_STAGES)
                row.update(
                    {
                        "反悔阶段": w_stage,
                        "反悔日期": (received + timedelta(days=rng.randint(40, 120))).isoformat(),
                        "反悔原因": "；".join(rng.sample(REASONS, rng.choice([1, 1, 2]))),
                        "是否上诉": "是" if w_stage.startswith("一审判决后") else "否",
                    }
                )
    return rows


def main(persons: int) -> None:
    province, _ = Region.objects.get_or_create(
        code="980000", defaults={"name": "基准省", "level": Region.Level.PROVINCE}
    )
    district, _ = Region.objects.get_or_create(
        code="980102", defaults={"name": "研究区", "level": Region.Level.DISTRICT, "parent": province}
    )
    org, _ = Organisation.objects.get_or_create(
        name="研究区人民检察院", defaults={"kind": Organisation.Kind.PROCURATORATE, "region": district}
    )
    ImportedPerson.objects.filter(organisation=org).delete()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "history.xlsx"
        path.write_bytes(xlsx_bytes(build_rows(persons)))
        print(f"built {path.name}: {persons} persons, {path.stat().st_size / 1e6:.1f} MB")
        for attempt in ("first import", "same file again"):
            started = time.perf_counter()
            call_command("study", "import", str(path), "--org", org.name)
            print(f"{attempt}: {time.perf_counter() - started:.1f} s")
        held = ImportedPerson.objects.filter(organisation=org).count()
        print(f"held: {held} persons (no duplicates: {held == persons})")
        started = time.perf_counter()
        call_command(
            "study",
            "withdrawals",
            "--org",
            org.name,
            "--from",
            START.isoformat(),
            "--to",
            (START + timedelta(days=3 * 365)).isoformat(),
            "--source",
            "imported",
            "--out",
            str(Path(tmp) / "report"),
        )
        took = time.perf_counter() - started
        print(f"leniency study withdrawals --source imported: {took:.1f} s (target: under 30 s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5_000)
