"""Run the API fuzzing (leniency/tests/test_api_fuzzing.py) with a larger budget and count what it did: the
operations of the OpenAPI document it fuzzed, the examples schemathesis generated, the requests sent (one per
example and persona: prosecutor, lawyer, judge), their status codes, and whether any was a server error.

    .venv/bin/python bench/api_fuzzing.py [examples per operation, default 25] [--random]

On the database of the environment (DATABASE_URL: SQLite by default, or PostgreSQL). --random draws new
examples (LENIENCY_FUZZ_RANDOM=1) instead of the suite's fixed ones. Exits non-zero when pytest failed or a
5xx was answered.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(examples: int, random: bool) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "fuzz.jsonl"
        env = {**os.environ, "LENIENCY_FUZZ_EXAMPLES": str(examples), "LENIENCY_FUZZ_LOG": str(log)}
        if random:
            env["LENIENCY_FUZZ_RANDOM"] = "1"
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "leniency/tests/test_api_fuzzing.py",
            ],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
        rows = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    operations = Counter(row["operation"] for row in rows)
    statuses = Counter(code for row in rows for code in row["statuses"])
    server_errors = sum(n for code, n in statuses.items() if code >= 500)
    print(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-2000:])
    print(
        f"{examples} examples per operation at most ({'random' if random else 'derandomized'}), {seconds:.0f} s"
    )
    print(f"operations fuzzed: {len(operations)}")
    print(
        f"examples run: {len(rows)} (fewest per operation {min(operations.values(), default=0)}, most {max(operations.values(), default=0)})"
    )
    print(f"requests sent: {sum(statuses.values())}")
    print("status codes: " + ", ".join(f"{code}: {n}" for code, n in sorted(statuses.items())))
    print(f"server errors (5xx): {server_errors}")
    if done.returncode != 0:
        print(done.stdout[-6000:])
    return 1 if done.returncode != 0 or server_errors else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(main(int(args[0]) if args else 25, "--random" in sys.argv))
