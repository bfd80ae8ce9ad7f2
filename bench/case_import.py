"""Time the bulk import of intake data: a 10,000-defendant XLSX file, imported, then imported again.

Target: under a minute for the first import (issue 15 item 2). Run on a scratch database:

    LENIENCY_VAR_DIR=/tmp/ci .venv/bin/python manage.py migrate
    LENIENCY_VAR_DIR=/tmp/ci .venv/bin/python bench/case_import.py [defendants] [--jsonl]

On PostgreSQL, the same with DATABASE_URL set (`scripts/throwaway-postgres.sh start DIR` prints one for a scratch
server). Measured on the shared 2-core machine under load (CPU seconds are the steadier figure): before the
batched registration, 65.5 s wall / 28.8 s CPU on SQLite and 186.6 s / 46.6 s on PostgreSQL; after it, 31.8 s /
9.8 s and 38.6 s / 9.2 s; the unchanged second import 32.2 s / 8.5 s and 28.0 s / 8.2 s (from 37.0 s / 14.7 s and
90.3 s / 21.6 s), most of it reading the workbook and validating the rows.

The file is built from the template's columns; cases have one to four defendants, ID numbers carry real GB/T 2260
region codes. The second import changes nothing and must register nothing new.
"""

import os
import random
import sys
import time
from datetime import date, timedelta

import django

os.environ.setdefault("LENIENCY_DEBUG", "1")  # development settings (the scratch database, derived keys)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.conf import settings  # noqa: E402

# Development settings for the scratch database and derived keys, but production's cursor: with DEBUG on,
# Django keeps every statement's SQL in memory, which production does not.
settings.DEBUG = False

from leniency.accounts.models import Organisation, Region, Role, User  # noqa: E402
from leniency.cases.import_format import jsonl_bytes, xlsx_bytes  # noqa: E402
from leniency.cases.imports import do_import_cases  # noqa: E402
from leniency.cases.models import Case, Defendant  # noqa: E402
from leniency.cases.services import sync_charge_catalogue  # noqa: E402
from leniency.demo.names import MIGRANT_ADDRESS_CODES, make_id_number  # noqa: E402

CHARGES = ["盗窃", "危险驾驶", "诈骗", "故意伤害", "帮助信息网络犯罪活动", "开设赌场"]
DETENTION = ["逮捕", "取保候审", "未羁押", "监视居住", "刑事拘留"]


def build_rows(defendants: int, seed: int = 15) -> list[dict]:
    rng = random.Random(seed)
    rows, case_no, taken = [], 0, set()
    while len(rows) < defendants:
        case_no += 1
        size = min(rng.choice([1, 1, 1, 2, 2, 3, 4]), defendants - len(rows))
        received = date(2026, 1, 5) + timedelta(days=rng.randint(0, 300))
        case = {
            "移送文书号": f"滨公刑诉字〔2026〕{case_no}号",
            "受理日期": received.isoformat(),
            "移送机关": "滨海市公安局海港分局",
            "案由": f"第{case_no}号移送案",
            "起诉意见书认定的事实": f"2026年，犯罪嫌疑人在海港区实施犯罪（第{case_no}号案）。" * 3,
        }
        for _ in range(size):
            gender = rng.choice("MF")
            birth = date(rng.randint(1960, 2004), rng.randint(1, 12), rng.randint(1, 28))
            number = make_id_number(rng.choice(MIGRANT_ADDRESS_CODES), birth, rng.randint(0, 999), gender)
            while number in taken:
                number = make_id_number(rng.choice(MIGRANT_ADDRESS_CODES), birth, rng.randint(0, 999), gender)
            taken.add(number)
            rows.append(
                {
                    **case,
                    "姓名": f"嫌疑人{len(rows) + 1}",
                    "性别": "男" if gender == "M" else "女",
                    "身份证号": number,
                    "出生日期": birth.isoformat(),
                    "联系电话": f"139{rng.randint(0, 99_999_999):08d}",
                    "羁押状态": rng.choice(DETENTION),
                    "罪名": rng.choice(CHARGES),
                }
            )
    return rows


def world():
    province, _ = Region.objects.get_or_create(
        code="980000", defaults={"name": "基准省", "level": Region.Level.PROVINCE}
    )
    district, _ = Region.objects.get_or_create(
        code="980101", defaults={"name": "基准区", "level": Region.Level.DISTRICT, "parent": province}
    )
    org, _ = Organisation.objects.get_or_create(
        name="基准区人民检察院", defaults={"kind": Organisation.Kind.PROCURATORATE, "region": district}
    )
    user = User.objects.filter(username="bench_case_manager").first() or User.objects.create_user(
        "bench_case_manager", role=Role.CASE_MANAGER, organisation=org, display_name="基准案管"
    )
    sync_charge_catalogue()
    return org, user


def main(defendants: int, as_jsonl: bool) -> None:
    org, user = world()
    Case.objects.filter(procuratorate=org).delete()
    started = time.perf_counter()
    rows = build_rows(defendants)
    data = jsonl_bytes(rows) if as_jsonl else xlsx_bytes(rows)
    print(
        f"built a {len(data) / 1e6:.1f} MB {'JSON Lines' if as_jsonl else 'XLSX'} file of {len(rows)} rows "
        f"in {time.perf_counter() - started:.1f} s"
    )
    for attempt in ("first import", "same file again"):
        started, cpu = time.perf_counter(), time.process_time()
        result = do_import_cases(org, data=data, file_name="bench.xlsx", acting_user=user)
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"{attempt}: {took:.1f} s wall, {cpu:.1f} s CPU; {result.summary()}; "
            f"errors {len(result.errors)}{' ' + str(result.errors[:3]) if result.errors else ''}"
        )
    cases = Case.objects.filter(procuratorate=org).count()
    people = Defendant.objects.filter(case__procuratorate=org).count()
    print(f"in the database: {cases} cases, {people} defendants (no duplicates: {people == defendants})")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 10_000, "--jsonl" in sys.argv)
