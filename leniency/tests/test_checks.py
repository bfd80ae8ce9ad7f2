"""Every `do_*` service checks permission once, by calling its own `check_*` (STYLE.md: `check_*` beside
`do_*`). The test reads the source of every module under `leniency` (no import needed), finds each module-level
`do_*` function and asserts that its body calls one of the `check_*` functions an app's `access.py` defines.

`SYSTEM_ACTIONS` lists the `do_*` that call none, each with its reason: run by the system (a management command,
a scheduled job) or recording a read the caller already allowed, with no acting user's permission to decide. A
listed function that gains a `check_*` fails the test, so the list only shrinks.
"""

import ast
from pathlib import Path

import leniency

ROOT = Path(leniency.__file__).parent

SYSTEM_ACTIONS = {
    "leniency.counsel.rota.do_allocate": "the allocation job (and do_request_counsel after its own check)",
    "leniency.counsel.rota.do_escalate_overdue": "the escalation job of `manage.py counsel`, no acting user",
    "leniency.counsel.quality.do_detect_warnings": "the warning job of `manage.py counsel`, no acting user",
    "leniency.recordings.services.do_log_access": "records a read the caller already allowed (a log, not an act)",
    "leniency.oversight.reports.do_record_attachment_access": "records a read the caller already allowed",
    "leniency.oversight.reports.do_submit_report": "the public reporting channel: anyone, signed in or not",
}


def _modules():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "tests" in parts or "migrations" in parts or "management" in parts:
            continue
        yield "leniency." + ".".join(parts), path


def access_checks() -> set[str]:
    """The `check_*` functions the apps' access modules define (a `check_files` validator is not one)."""
    names = set()
    for _module, path in _modules():
        if path.name == "access.py":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names |= {
                n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("check_")
            }
    return names


def _calls(function: ast.FunctionDef) -> set[str]:
    names = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            target = node.func
            if isinstance(target, ast.Name):
                names.add(target.id)
            elif isinstance(target, ast.Attribute):
                names.add(target.attr)
    return names


def do_functions() -> dict[str, set[str]]:
    """Every module-level `do_*` function under leniency, with the names of the functions it calls."""
    found = {}
    for module, path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("do_"):
                found[f"{module}.{node.name}"] = _calls(node)
    return found


def test_the_walk_finds_the_services():
    found = do_functions()
    assert len(found) > 40
    assert "leniency.recommendations.services.do_finalise" in found


def test_every_do_calls_its_check():
    found, checks = do_functions(), access_checks()
    missing = sorted(
        name for name, calls in found.items() if not calls & checks and name not in SYSTEM_ACTIONS
    )
    assert not missing, "a do_* without a check_* (add one, or list it with its reason): " + ", ".join(
        missing
    )


def test_the_exemption_lists_name_real_functions_without_a_check():
    found, checks = do_functions(), access_checks()
    for name in SYSTEM_ACTIONS:
        assert name in found, f"{name} is listed but no longer exists"
        assert not found[name] & checks, f"{name} calls {sorted(found[name] & checks)}: take it off the list"


def test_finalising_is_checked_in_the_service_only():
    """Issue 18: finalising was checked in the view, the API and the service, each with its own message."""
    sources = {
        name: (ROOT / "recommendations" / name).read_text(encoding="utf-8") for name in ("views.py", "api.py")
    }
    for name, source in sources.items():
        assert "is_case_procuratorate" not in source, name
    assert "check_finalise" in do_functions()["leniency.recommendations.services.do_finalise"]
