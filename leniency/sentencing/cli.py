"""`leniency sentencing ...`: the engine on the command line (no Django).

    leniency sentencing recommend (--fact TEXT | --fact-file PATH|-) [--charge 盗窃 ...] [--json] [--lang zh|en] [--train CORPUS]
    leniency sentencing extract --input CASES.jsonl --output FACTS.jsonl
    leniency sentencing predict --input CASES.jsonl --output PRED.jsonl [--train CORPUS.jsonl]
    leniency sentencing evaluate --input GOLD.jsonl [--train CORPUS.jsonl] [--folds K] [--by-charge]
    leniency sentencing train [--corpus CORPUS.jsonl] [--out DIR] [--folds K]

Also runnable as `python -m leniency.sentencing.cli ...`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TextIO

from leniency.sentencing import metrics
from leniency.sentencing.calibrate_engine import EngineResult, run_engine
from leniency.sentencing.calibrate_eval import (
    MedianBaseline,
    cross_validated_predictions,
    engine_prediction,
    format_table,
    held_out_predictions,
    run_all,
    score,
)
from leniency.sentencing.cli_input import case_records, fact_records, input_problems, read_fact
from leniency.sentencing.corpus import CorpusError, Judgment, read_judgments
from leniency.sentencing.model.estimator import SentencingModel
from leniency.sentencing.model.evaluation import fit as fit_model
from leniency.sentencing.model.evaluation import predict_result
from leniency.sentencing.prediction import Prediction, unL

PENALTY_ZH = {
    "imprisonment": "有期徒刑",
    "detention": "拘役",
    "surveillance": "管制",
    "fine_only": "单处罚金",
    "exempt": "免予刑事处罚",
    "life": "无期徒刑",
    "death": "死刑",
}
CONFIDENCE_ZH = {"high": "高", "medium": "中", "low": "低"}


class CliError(Exception):
    """A problem the user can fix (a missing file, an unreadable training corpus)."""


# -- shared helpers -----------------------------------------------------------------------------


def _load_training(path: str, err: TextIO) -> SentencingModel:
    judgments, errors = read_judgments(path, require_term=True)
    for error in errors:
        print(f"{path}: {error} (skipped)", file=err)
    if not judgments:
        raise CliError(f"{path}: no usable decided case to train on")
    results, _ = run_all(judgments)
    return fit_model(judgments, results)  # the learned model (model/), the one calibration


def _open_output(path: str) -> TextIO:
    return sys.stdout if path == "-" else open(path, "w", encoding="utf-8")  # noqa: SIM115


def _fmt_months(value: float | None, lang: str) -> str:
    if value is None:
        return "—"
    if lang == "en":
        return f"{value:g} months"
    return f"{value:g} 个月"


# -- recommend ----------------------------------------------------------------------------------


def _missing_inputs(fact: str, result: EngineResult, charges: Sequence[str], lang: str) -> list[str]:
    missing = []
    if not fact.strip():
        missing.append(
            "案件事实（--fact 为空）" if lang == "zh" else "the facts of the case (--fact is empty)"
        )
    found = charges or (result.facts.charges if result.facts is not None else [])
    if not found:
        missing.append(
            "罪名（未能从事实中识别，请用 --charge 指定，如 --charge 盗窃）"
            if lang == "zh"
            else "the charge (none recognised in the facts; name it with --charge, e.g. --charge 盗窃)"
        )
    if result.calculation is None:
        missing.append(
            "可计算的量刑结果（计算失败：" + "; ".join(result.errors) + "）"
            if lang == "zh"
            else "a computable sentence (calculation failed: " + "; ".join(result.errors) + ")"
        )
    return missing


def _print_calculation(
    result: EngineResult, prediction: Prediction | None, lang: str, out: TextIO, *, calibrated: bool = True
) -> None:
    calc = result.calculation
    zh = lang == "zh"
    if calc is None:
        return
    charges = ", ".join(c.charge for c in calc.charges) or ", ".join(
        result.facts.charges if result.facts else []
    )
    if zh:
        print(f"量刑计算（标准版本：{calc.standard_version or '未标明'}）", file=out)
        print(f"罪名：{charges or '未识别'}", file=out)
        print("计算步骤：", file=out)
    else:
        print(f"Sentencing calculation (standard version: {calc.standard_version or 'unnamed'})", file=out)
        print(f"Charges: {charges or 'not recognised'}", file=out)
        print("Steps:", file=out)
    for number, step in enumerate(calc.steps, start=1):
        text = step.description_zh if zh else step.description_en
        figures = []
        if step.ratio is not None:
            figures.append(f"{step.ratio:+.0%}")
        if step.months_before is not None and step.months_after is not None:
            figures.append(f"{step.months_before:g} → {_fmt_months(round(step.months_after, 1), lang)}")
        elif step.months_after is not None:
            figures.append(_fmt_months(round(step.months_after, 1), lang))
        line = f"  {number}. [{step.kind}] {text}"
        if figures:
            line += "  " + "，".join(figures) if zh else "  " + ", ".join(figures)
        print(line, file=out)
        source = " ".join(part for part in (step.rule_id, step.citation) if part)
        if source:
            print(("     依据：" if zh else "     rule: ") + source, file=out)
    _print_result(calc, lang, out)
    if prediction is not None and not calibrated and prediction.explanation:
        # the calculator's answer held inside a recommendation the court is expected to adopt (CPL art. 201)
        print(
            f"预测宣告刑：{_fmt_months(prediction.months, lang)}"
            if zh
            else f"Predicted pronounced term: {_fmt_months(prediction.months, lang)}",
            file=out,
        )
        for line in prediction.explanation:
            print(f"     {line}", file=out)
    elif prediction is not None and prediction.raw_months != prediction.months:
        if zh:
            print(
                f"经判决数据校准：{_fmt_months(prediction.months, lang)}（80% 预测区间 {prediction.low}–{prediction.high} 个月）",
                file=out,
            )
        else:
            print(
                f"Calibrated on decided cases: {_fmt_months(prediction.months, lang)} "
                f"(80% prediction interval {prediction.low}–{prediction.high} months)",
                file=out,
            )
        for line in prediction.explanation:
            print(f"     {line}", file=out)
    for note in calc.notes:
        print(("备注：" if zh else "Note: ") + note, file=out)


def _print_result(calc, lang: str, out: TextIO) -> None:
    zh = lang == "zh"
    penalty = str(calc.penalty)
    if calc.death_penalty:
        head = "死刑" if zh else "death penalty"
    elif calc.life_imprisonment:
        head = "无期徒刑" if zh else "life imprisonment"
    elif penalty in ("fine_only", "exempt"):  # no principal penalty: no term and no range
        head = PENALTY_ZH[penalty] if zh else penalty.replace("_", " ")
    elif zh:  # the engine's range is the guideline's, not a prediction interval (it covers ~17% of outcomes)
        head = f"{PENALTY_ZH.get(penalty, penalty)} {_fmt_months(calc.months, lang)}（法定/指导意见幅度 {calc.low}–{calc.high} 个月，非预测区间）"
    else:
        head = f"{penalty} {_fmt_months(calc.months, lang)} (statutory / guideline range {calc.low}–{calc.high} months, not a prediction interval)"
    if zh:
        probation = (
            "建议适用缓刑"
            if calc.probation_advised
            else ("可以适用缓刑" if calc.probation_lawful else "不适用缓刑")
        )
        fine = f"；罚金 {calc.fine_yuan} 元" if calc.fine_yuan is not None else ""
        conf = CONFIDENCE_ZH.get(str(calc.confidence), str(calc.confidence))
        print(f"结果：{head}；{probation}{fine}；置信度：{conf}", file=out)
    else:
        probation = (
            "probation advised"
            if calc.probation_advised
            else ("probation lawful" if calc.probation_lawful else "no probation")
        )
        fine = f"; fine {calc.fine_yuan} yuan" if calc.fine_yuan is not None else ""
        print(f"Result: {head}; {probation}{fine}; confidence: {calc.confidence}", file=out)


def _print_candidates(result: EngineResult, lang: str, out: TextIO) -> None:
    """With no charge given: the charges the facts may describe, for the user to confirm with --charge."""
    candidates = result.facts.charge_candidates if result.facts is not None else []
    if not candidates:
        return
    zh = lang == "zh"
    print(
        "候选罪名（请用 --charge 确认）：" if zh else "Candidate charges (confirm one with --charge):",
        file=out,
    )
    for number, c in enumerate(candidates, start=1):
        words = ("、" if zh else ", ").join(c.evidence[:4])
        line = f"第{c.article}条，依据：{words}" if zh else f"art. {c.article}; matched: {words}"
        print(f"  {number}. {c.charge}（{line}）" if zh else f"  {number}. {c.charge} ({line})", file=out)


def cmd_recommend(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    fact = read_fact(args.fact, args.fact_file)
    charges = [c.removesuffix("罪") for c in (args.charge or [])]
    problems = input_problems(fact, charges)
    if problems:  # refused: no default sentence for a charge that does not exist or an empty fact
        for problem in problems:
            print(f"error: {problem}", file=err)
        return 2
    result = run_engine(fact, charges or None, args.article or None)
    missing = _missing_inputs(fact, result, charges, args.lang)
    model = _load_training(args.train, err) if args.train else None
    prediction = (
        predict_result(model, result, fact, charges or (result.facts.charges if result.facts else []))
        if model is not None
        else engine_prediction(result, MedianBaseline().overall)  # a quoted recommendation may bind (CPL 201)
    )
    if missing and result.calculation is not None:
        result.calculation.confidence = "low"
    if args.json:
        payload = {
            "missing": missing,
            "calculation": result.calculation.to_dict() if result.calculation is not None else None,
            "prediction": {
                "months": prediction.months,
                "low": prediction.low,
                "high": prediction.high,
                "explanation": prediction.explanation,
            }
            if result.calculation is not None
            else None,
            "calibrated": None
            if model is None
            else {
                "months": prediction.months,
                "low": prediction.low,
                "high": prediction.high,
                "explanation": prediction.explanation,
            },
            "facts": result.facts.to_dict() if result.facts is not None else None,
            "errors": result.errors,
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2, default=str), file=out)
    else:
        if missing:
            head = "输入不完整，缺少：" if args.lang == "zh" else "Incomplete input; missing: "
            print(head + ("；" if args.lang == "zh" else "; ").join(missing), file=out)
            print(
                "以下为依据现有信息得出的最佳合法答案，置信度低，须人工复核。"
                if args.lang == "zh"
                else "Below is the best lawful answer on what was given; LOW confidence, a person must review it.",
                file=out,
            )
        _print_candidates(result, args.lang, out)
        _print_calculation(result, prediction, args.lang, out, calibrated=model is not None)
        if result.calculation is None:
            fallback = prediction
            print(
                f"无法计算；参考值 {fallback.months} 个月（置信度：低）"
                if args.lang == "zh"
                else f"Could not calculate; reference value {fallback.months} months (confidence: low)",
                file=out,
            )
    if missing:
        for item in missing:
            print(("缺少：" if args.lang == "zh" else "missing: ") + item, file=err)
    return 0 if result.calculation is not None else 1


# -- predict ------------------------------------------------------------------------------------


def _prediction_record(
    line: int, prediction: Prediction, result: EngineResult | None, calibrated: bool
) -> dict:
    trace = result.calculation.to_dict() if result is not None and result.calculation is not None else None
    if trace is not None and calibrated:
        trace["steps"].append(
            {
                "kind": "calibration",
                "description_zh": "依据已决案件校准",
                "description_en": "calibrated on decided cases",
                "months_before": prediction.raw_months,
                "months_after": prediction.months,
                "ratio": None,
                "rule_id": "calibration",
                "citation": "; ".join(prediction.explanation),
                "charge": None,
                "confidence": "medium",
            }
        )
    return {
        "line": line,
        "months": prediction.months,
        "low": prediction.low,
        "high": prediction.high,
        "death_penalty": prediction.death_penalty,
        "life_imprisonment": prediction.life_imprisonment,
        "calculation": trace,
        "errors": list(result.errors) if result is not None else [],
    }


def cmd_predict(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    # The learned model (numpy, scikit-learn) loads only for the commands that use it: `recommend` starts without.
    from leniency.sentencing.model.evaluation import predictions as model_predictions
    from leniency.sentencing.model.evaluation import train_file

    model = train_file(args.train, err, folds=0) if args.train else None  # the learned model (issue 4)
    fallback = MedianBaseline()
    if model is not None:
        fallback.overall = round(unL(model.overall))
        fallback.overall_range = (
            min(fallback.overall_range[0], fallback.overall),
            max(fallback.overall_range[1], fallback.overall),
        )
    written = failed = 0
    handle = _open_output(args.output)
    try:
        for record in case_records(args.input):
            problems = (
                [] if isinstance(record, CorpusError) else input_problems(record.fact, record.accusation)
            )
            if problems:
                record = CorpusError(record.line or 0, "; ".join(problems))
            if isinstance(record, CorpusError):
                failed += 1
                print(f"{args.input}: {record}", file=err)
                prediction = Prediction(fallback.overall, *fallback.overall_range)
                row = _prediction_record(record.line, prediction, None, False)
                row["errors"] = [str(record)]
                row["confidence"] = "low"
            else:
                result = run_engine(record.fact, record.accusation, record.relevant_articles)
                if model is not None:
                    prediction = model_predictions(model, [record], [result], fallback.overall)[0]
                else:
                    prediction = engine_prediction(result, fallback.overall)
                row = _prediction_record(record.line or 0, prediction, result, model is not None)
                if model is not None:
                    row["model_version"] = model.version
            handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            written += 1
    finally:
        if handle is not sys.stdout:
            handle.close()
    print(
        f"{written} predictions written to {args.output} ({failed} input lines with errors: unreadable, blank or refused)",
        file=err,
    )
    return 0 if failed == 0 else 1


# -- extract ------------------------------------------------------------------------------------


def cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from leniency.sentencing.extraction.report import read_case

    written = failed = 0
    handle = _open_output(args.output)
    try:
        for line, fact in fact_records(args.input):
            if isinstance(fact, CorpusError):
                failed += 1
                print(f"{args.input}: {fact}", file=err)
                row = {"line": line, "errors": [str(fact)]}
            else:
                row = {"line": line, **read_case(fact), "errors": []}
            handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            written += 1
    finally:
        if handle is not sys.stdout:
            handle.close()
    print(f"{written} lines written to {args.output} ({failed} input lines with errors)", file=err)
    return 0 if failed == 0 else 1


# -- evaluate -----------------------------------------------------------------------------------


def _by_charge(judgments: Sequence[Judgment], predictions: dict[str, list[Prediction]], out: TextIO) -> None:
    rows: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for i, j in enumerate(judgments):
        if j.term is None or not j.term.fixed:
            continue
        key = "+".join(j.accusation)
        for name in ("engine", "engine+calibration", "per-charge median"):
            rows[key][name].append(metrics.log_distance(j.term, predictions[name][i].term))
    print("\nmean log distance by charge (worst engine first):", file=out)
    print(f"{'charge':40} {'n':>3} {'engine':>8} {'calib.':>8} {'median':>8}", file=out)
    ordered = sorted(rows.items(), key=lambda kv: -sum(kv[1]["engine"]) / len(kv[1]["engine"]))
    for key, cols in ordered:
        n = len(cols["engine"])
        cells = " ".join(
            f"{sum(cols[c]) / n:8.2f}" for c in ("engine", "engine+calibration", "per-charge median")
        )
        print(f"{key[:40]:40} {n:3d} {cells}", file=out)


def cmd_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    gold, errors = read_judgments(args.input, require_term=True)
    for error in errors:
        print(f"{args.input}: {error} (skipped)", file=err)
    if not gold:
        raise CliError(f"{args.input}: no decided case to evaluate on")
    results, seconds = run_all(gold)
    # The learned model (numpy, scikit-learn) loads only for the commands that use it.
    from leniency.sentencing.model import evaluation as learned

    # --train on the --input file itself with --folds: k-fold on it (the model never scores its own training cases)
    same = (
        bool(args.train)
        and args.folds is not None
        and os.path.realpath(args.train) == os.path.realpath(args.input)
    )
    if args.train and not same:
        train, train_errors = read_judgments(args.train, require_term=True)
        for error in train_errors:
            print(f"{args.train}: {error} (skipped)", file=err)
        train_results, _ = run_all(train)
        predictions = held_out_predictions(train, train_results, gold, results)
        model = learned.fit(train, train_results, seed=args.seed)
        predictions = {"model": learned.predictions(model, gold, results), **predictions}
        how = f"fitted on {len(train)} cases of {args.train}, scored on {len(gold)} cases of {args.input}"
    else:
        folds = args.folds or 5
        predictions = cross_validated_predictions(gold, results, folds, seed=args.seed)
        if args.train:  # the learned model, k-fold on the same file (never scored on its own training cases)
            predictions = {
                "model": learned.cross_validated(gold, results, folds, seed=args.seed),
                **predictions,
            }
        how = f"{folds}-fold cross-validation on {len(gold)} cases of {args.input} (seed {args.seed})"
    scores = score(gold, predictions)
    if args.json:
        print(json.dumps({"how": how, "scores": scores}, ensure_ascii=False, indent=2), file=out)
    else:
        print(how, file=out)
        print(format_table(scores), file=out)
        print(f"engine throughput: {len(gold) / seconds:.1f} cases/s (extract + calculate)", file=out)
        failures = sum(1 for r in results if r.errors)
        if failures:
            print(f"engine errors on {failures} cases (fell back to the charge prior)", file=out)
        if args.by_charge:
            _by_charge(gold, predictions, out)
    return 0


# -- train --------------------------------------------------------------------------------------


def cmd_train(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    # The learned model (numpy, scikit-learn) loads only for the commands that use it.
    from leniency.sentencing.model import save_model
    from leniency.sentencing.model.evaluation import train_file

    if args.corpus:
        model = train_file(args.corpus, err, folds=args.folds, seed=args.seed)
    elif args.train_from_database is not None:
        # The judgment database belongs to the web app (leniency.corpus): the `leniency` command passes its
        # trainer in, with the directory the server loads models from (LENIENCY_VAR_DIR).
        model, directory = args.train_from_database(
            folds=args.folds, seed=args.seed, limit=args.limit, err=err
        )
        args.out = args.out or directory
    else:
        raise CliError(
            "without --corpus, train reads the judgment database: run it as `leniency sentencing train`"
        )
    path = save_model(model, args.out or "var/models")
    print(
        f"model {model.version} trained on {model.n_train} cases in {model.trained_seconds:.1f} s -> {path}",
        file=out,
    )
    cv = model.cv_metrics
    if cv.get("mean_log_distance") is not None:
        print(
            f"{cv.get('how', 'cross-validated')}: mean log distance {cv['mean_log_distance']:.3f}, "
            f"80% interval coverage {cv['coverage']:.1%}",
            file=out,
        )
    return 0


# -- entry point --------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leniency sentencing", description="Sentencing engine (量刑引擎).")
    sub = parser.add_subparsers(dest="command", required=True)

    rec = sub.add_parser("recommend", help="compute a sentence from fact text, step by step")
    source = rec.add_mutually_exclusive_group(required=True)
    source.add_argument("--fact", help="the facts of the case (Chinese text)")
    source.add_argument("--fact-file", help="read the facts from this UTF-8 file ('-' for standard input)")
    rec.add_argument("--charge", action="append", help="charge name, e.g. 盗窃 (repeatable)")
    rec.add_argument("--article", action="append", type=int, help="Criminal Law article number (repeatable)")
    rec.add_argument("--json", action="store_true", help="print the full calculation as JSON")
    rec.add_argument("--lang", choices=("zh", "en"), default="zh")
    rec.add_argument("--train", help="calibrate on this CAIL2018 corpus of decided cases first")
    rec.set_defaults(func=cmd_recommend)

    pred = sub.add_parser(
        "predict", help="predict terms for a CAIL2018 file (one output line per input line)"
    )
    pred.add_argument("--input", required=True)
    pred.add_argument("--output", required=True, help="output JSON lines ('-' for stdout)")
    pred.add_argument("--train", help="calibrate on this CAIL2018 corpus of decided cases first")
    pred.set_defaults(func=cmd_predict)

    ext = sub.add_parser(
        "extract", help="what extraction reads from each fact (one output line per input line)"
    )
    ext.add_argument("--input", required=True, help="JSON lines: objects with 'fact', or strings")
    ext.add_argument("--output", required=True, help="output JSON lines ('-' for stdout)")
    ext.set_defaults(func=cmd_extract)

    tr = sub.add_parser("train", help="train the learned model and save it as a versioned artifact")
    tr.add_argument("--corpus", help="CAIL2018 file to train on (default: the judgments in the database)")
    tr.add_argument(
        "--out", help="artifact directory (default: the server's model directory, var/models in it)"
    )
    tr.add_argument("--folds", type=int, default=5, help="k for the cross-validated metrics in the sidecar")
    tr.add_argument("--seed", type=int, default=0)
    tr.add_argument("--limit", type=int, help="train on at most this many judgments from the database")
    tr.set_defaults(func=cmd_train)

    ev = sub.add_parser("evaluate", help="score the engine and two baselines on decided cases")
    ev.add_argument("--input", required=True)
    ev.add_argument("--train", help="fit on this corpus instead of cross-validating on --input")
    ev.add_argument("--folds", type=int, help="k for k-fold cross-validation (default 5)")
    ev.add_argument("--seed", type=int, default=0)
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--by-charge", action="store_true", help="also print the error per charge")
    ev.set_defaults(func=cmd_evaluate)
    return parser


def main(
    argv: list[str] | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    train_from_database: Callable | None = None,
) -> int:
    """The engine's command line. `train_from_database(folds=, seed=, limit=, err=) -> (model, directory)` is
    what `train` without --corpus calls: the `leniency` command passes the web app's (the engine imports no
    Django)."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage and the reason (or --help)
        return int(exc.code or 0)
    args.train_from_database = train_from_database
    try:
        return args.func(args, out, err)
    except (CliError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=err)
        return 2


if __name__ == "__main__":
    sys.exit(main())
