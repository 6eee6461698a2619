"""`itoh-bot`: the terminal demo, the Telegram bot, and the case tools.

    itoh-bot demo                 the conversation in the terminal
    itoh-bot run                  the Telegram bot (settings from the environment / .env)
    itoh-bot worker [--port P]    one webhook worker of several (README, section Deployment)
    itoh-bot set-webhook [--delete]  register WEBHOOK_URL with Telegram, once per deployment
    itoh-bot assess FILE [--json] [--pdf OUT.pdf] [--fhir OUT.json]
                                  rank the conditions for one case file; the clinician's report
    itoh-bot questionnaire --fhir the questions as a FHIR Questionnaire
    itoh-bot evaluate FILE [--json] score the assessment on vignettes
    itoh-bot diagram              the flow as a Mermaid state diagram
    itoh-bot replay SCRIPT... [--channel C] [--coverage]  run conversation scripts
    itoh-bot record FILE          save a terminal conversation as a script
    itoh-bot bench [--quick] [--json F]  speed, memory and growth against the peers
Exit codes: 0 done, 1 a script failed, 2 bad input (a file, a setting) with one clear line on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from bot.bench import options as bench_options  # argparse only; the bench itself loads on use
from bot.reply_text import lines_text
from bot.reports.pdf import render_pdf
from bot.startup import StartError
from bot.terminal import run_demo
from flows.assessment import assess
from flows.clinician_report import build_report
from flows.content import Content, ContentError, get_content
from flows.dialogue import get_engine
from flows.language import language_of_environment, language_of_tag
from flows.machine import mermaid_diagram
from flows.summary import build_summary


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except ContentError as exc:
        print(f"itoh-bot: content error: {exc}", file=sys.stderr)
        return 2
    except StartError as exc:  # the one place a command's start-up failure is written
        print(f"itoh-bot: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head`: stop quietly
        sys.stderr.close()
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="itoh-bot", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    demo = commands.add_parser("demo", help="the conversation in the terminal")
    demo.add_argument("--lang", help="the language (en, pt, pt-BR); default: from LC_ALL or LANG")
    demo.set_defaults(handler=_demo)
    commands.add_parser("run", help="run the Telegram bot").set_defaults(handler=_run)
    worker = commands.add_parser("worker", help="serve the Telegram webhook, /healthz and /metrics")
    worker.add_argument("--host", help="address to bind (default WEBHOOK_LISTEN)")
    worker.add_argument("--port", type=int, help="port to bind (default WEBHOOK_PORT)")
    worker.set_defaults(handler=_worker)
    hook = commands.add_parser("set-webhook", help="register WEBHOOK_URL and the secret with Telegram")
    hook.add_argument("--delete", action="store_true", help="remove the webhook instead")
    hook.set_defaults(handler=_set_webhook)
    assess = commands.add_parser("assess", help="rank the conditions for one case file")
    assess.add_argument("file", type=Path)
    assess.add_argument("--json", action="store_true", help="print one JSON object")
    assess.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="also write the report for the clinician")
    assess.add_argument("--fhir", type=Path, metavar="OUT.json", help="also write a FHIR R4 Bundle")
    assess.add_argument("--lang", default=None,
                        help="the language of the summary and reports (en, pt, pt-BR); default en")
    assess.set_defaults(handler=_assess)
    questionnaire = commands.add_parser("questionnaire", help="the conversation's questions as a FHIR Questionnaire")
    questionnaire.add_argument("--fhir", action="store_true", required=True, help="print the FHIR Questionnaire (JSON)")
    questionnaire.set_defaults(handler=_questionnaire)
    evaluate = commands.add_parser("evaluate", help="score the assessment on a vignette file")
    evaluate.add_argument("file", type=Path, nargs="+")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    evaluate.set_defaults(handler=_evaluate)
    commands.add_parser("diagram", help="print the flow as a Mermaid state diagram").set_defaults(handler=_diagram)
    replay = commands.add_parser("replay", help="run conversation scripts (docs/scripts.md); exit 1 on a failure")
    replay.add_argument("scripts", type=Path, nargs="+", help="script files, or folders of *.yaml")
    replay.add_argument("--channel", action="append", choices=["engine", "terminal", "telegram", "all"],
                        help="engine, terminal (the demo on a pseudo-terminal) or telegram (the PTB "
                             "Application with an in-memory Bot API); repeatable; default: all three")
    replay.add_argument("--coverage", action="store_true", help="report the flow transitions the scripts take")
    replay.add_argument("-v", "--verbose", action="store_true", help="one line per step")
    replay.set_defaults(handler=_replay)
    record = commands.add_parser("record", help="have a terminal conversation and save it as a script")
    record.add_argument("file", type=Path)
    record.add_argument("--force", action="store_true", help="replace FILE if it exists")
    record.set_defaults(handler=_record)
    bench = commands.add_parser("bench", help="speed, memory and growth against the peers (docs/benchmarks.md)")
    bench_options.add_arguments(bench)
    bench.set_defaults(handler=_bench)
    return parser


def _chosen_language(content: Content, asked: str | None, use_environment: bool) -> str:
    """--lang if given (any tag: pt, pt-PT, pt_BR), else the terminal's locale or the default."""
    if asked is not None:
        return language_of_tag(asked, content)
    return language_of_environment(os.environ, content) if use_environment else content.default_language


def _demo(args: argparse.Namespace) -> int:
    engine = get_engine()  # the demo's one engine, handed down to every step
    return run_demo(engine, language=_chosen_language(engine.content, args.lang, use_environment=True))


def _run(args: argparse.Namespace) -> int:
    from bot.telegram.application import run_bot  # lazy: PTB loads only for the Telegram commands

    return run_bot()


def _worker(args: argparse.Namespace) -> int:
    from bot.telegram.worker import run_worker  # lazy: PTB, starlette and uvicorn load only here

    return run_worker(args.host, args.port)


def _set_webhook(args: argparse.Namespace) -> int:
    from bot.telegram.webhook_setup import set_webhook_command  # lazy: PTB loads only for the Telegram commands

    return set_webhook_command(delete=args.delete)


def _assess(args: argparse.Namespace) -> int:
    from flows.case_files import CaseFileError, read_case  # lazy: its pydantic models cost the demo's start-up

    try:
        case = read_case(args.file)
    except CaseFileError as exc:
        print(f"itoh-bot: {exc}", file=sys.stderr)
        return 2
    content = get_content()
    language = _chosen_language(content, args.lang, use_environment=False)
    assessment = assess(case, content)
    if args.pdf is not None or args.fhir is not None:
        written = _write_reports(case, assessment, content, args.pdf, args.fhir, date.today(), language)
        if written:
            return written
    if args.json:
        print(json.dumps({**assessment.to_json(), "content_version": content.version}, ensure_ascii=False))
        return 0
    summary = build_summary(case, assessment, content, language)
    print(lines_text(summary.first))
    for section in summary.sections:
        if section.lines:
            print(f"\n== {section.title} ==\n" + lines_text(section.lines))
    print(f"\n== {content.message('disclaimer_title', language)} ==\n{content.message('disclaimer', language)}")
    return 0


def _write_reports(
    case: Any, assessment: Any, content: Content, pdf: Path | None, fhir: Path | None, day: Any, language: str
) -> int:
    """Write the requested report files; 2 with one line if one cannot be written."""
    from bot.reports.fhir import bundle  # lazy: fhir.resources loads only for the reports

    try:
        if pdf is not None:
            pdf.write_bytes(render_pdf(build_report(case, assessment, content, day, language)))
        if fhir is not None:
            built = bundle(case, assessment, content, day.isoformat(), language)
            fhir.write_text(json.dumps(built, indent=2, ensure_ascii=False))
    except OSError as exc:
        print(f"itoh-bot: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
    return 0


def _questionnaire(args: argparse.Namespace) -> int:
    from bot.reports.fhir import questionnaire  # lazy: fhir.resources loads only for the reports

    print(json.dumps(questionnaire(get_content()), indent=2, ensure_ascii=False))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from flows.case_files import CaseFileError, read_vignettes  # lazy: pydantic models, as in _assess
    from flows.evaluation import evaluate  # lazy: reads case files (above)

    content = get_content()
    try:
        vignettes = [v for path in args.file for v in read_vignettes(path, list(content.conditions))]
    except CaseFileError as exc:
        print(f"itoh-bot: {exc}", file=sys.stderr)
        return 2
    result = evaluate(vignettes, content)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return 0
    print(f"{'vignette':<28} {'diagnosis':<24} {'rank':>4} {'p':>6}  {'top':<24} triage")
    for row in result.rows:
        print(f"{row['id']:<28} {row['diagnosis']:<24} {row['rank']:>4} {row['probability']:>6.3f}"
              f"  {row['top']:<24} {row['triage']}")
    def share(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.1%}"

    print(f"\nn={result.n}  top-1={result.top1:.1%}  top-3={result.top3:.1%}  "
          f"red-flag sensitivity={share(result.red_flag_sensitivity)}  Brier={result.brier:.3f}")
    print(f"safe (dangerous diagnoses, n={result.dangerous}): {share(result.safe)}  "
          f"over-triage (others sent to the emergency department, n={result.not_dangerous}): "
          f"{share(result.over_triage)}")
    print("\ncalibration: predicted band, predictions, mean predicted, observed")
    for band in result.calibration:
        print(f"  {band.low:>4.0%}-{band.high:<4.0%} {band.predictions:>5} "
              f"{band.mean_predicted:>8.3f} {band.observed:>8.3f}")
    return 0


def _replay(args: argparse.Namespace) -> int:
    from bot.scripts.cli import replay  # lazy: the drivers (~0.2 s) load only for replay

    return replay(args.scripts, args.channel, coverage=args.coverage, verbose=args.verbose)


def _record(args: argparse.Namespace) -> int:
    from bot.scripts.record import record  # lazy: the script model (~0.06 s) loads only for record

    return record(args.file, get_engine(), force=args.force)


def _bench(args: argparse.Namespace) -> int:
    return bench_options.run(args)


def _diagram(args: argparse.Namespace) -> int:
    print(mermaid_diagram(get_content()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
