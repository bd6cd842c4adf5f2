"""The ``scrapelint`` command line.

Exit codes: 0 when no problem reaches the fail level, 1 when problems are
found, 2 for usage, configuration, input or internal errors. Every error is
caught and printed as one clear line; a bare traceback is a bug.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from typing import IO

from scrapelint import __version__
from scrapelint.config import FAIL_LEVELS, Config, resolve_config
from scrapelint.errors import ScrapelintError, UsageError
from scrapelint.reporters import FORMATS, make_reporter

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2
COMMANDS = ("check", "rule", "rules", "clean", "baseline", "version")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="scrapelint",
        description="A content-quality linter for scraped articles.",
    )
    parser.add_argument("--version", action="version", version=f"scrapelint {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="lint articles (files, directories, '-' for stdin, JSONL)")
    add_input_options(check)
    add_selection_options(check)
    check.add_argument(
        "--output-format",
        choices=FORMATS,
        default=os.environ.get("SCRAPELINT_OUTPUT_FORMAT", "full"),
        help="how to print diagnostics (default: full)",
    )
    check.add_argument("--statistics", action="store_true", help="print counts per rule")
    check.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    check.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    check.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff; change nothing"
    )
    check.add_argument(
        "--suppressions", metavar="FILE", help="hide diagnostics whose fingerprints this file lists"
    )
    check.add_argument(
        "--write-suppressions", metavar="FILE", help="write every diagnostic of this run to FILE"
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when problems are found"
    )
    check.add_argument(
        "--fail-level", choices=FAIL_LEVELS, help="lowest severity that fails the run"
    )
    check.add_argument(
        "-q", "--quiet", action="store_true", help="print diagnostics only, no summary"
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--show-source", dest="show_source", action="store_true", default=True)
    check.add_argument("--no-show-source", dest="show_source", action="store_false")

    rule = sub.add_parser("rule", help="explain a rule")
    rule.add_argument("code", nargs="?", help="rule code or name")
    rule.add_argument("--all", action="store_true", help="explain every rule")
    rule.add_argument("--output-format", choices=("text", "json"), default="text")

    rules = sub.add_parser("rules", help="list all rules")
    rules.add_argument("--output-format", choices=("text", "json", "markdown"), default="text")

    sub.add_parser("version", help="print the version")

    baseline = sub.add_parser("baseline", help="build or merge a corpus baseline file")
    bsub = baseline.add_subparsers(dest="baseline_command", parser_class=_Parser)
    build = bsub.add_parser("build", help="collect corpus statistics from inputs")
    add_input_options(build)
    add_selection_options(build)
    build.add_argument("-o", "--output", required=True, help="baseline file to write")
    merge = bsub.add_parser("merge", help="merge baseline files")
    merge.add_argument("files", nargs="+")
    merge.add_argument("-o", "--output", required=True)
    merge.add_argument("--config")

    from scrapelint.clean_command import add_clean_parser

    add_clean_parser(sub, add_input_options, add_selection_options)
    return parser


def add_input_options(p: argparse.ArgumentParser, paths: bool = True) -> None:
    if paths:
        p.add_argument(
            "paths", nargs="*", metavar="PATH", help="files, directories or '-' for stdin"
        )
    p.add_argument("--config", help="config file (default: found upward from the first path)")
    p.add_argument("--isolated", action="store_true", help="ignore config files")
    p.add_argument("--include", type=_csv, help="globs of files to read in directories")
    p.add_argument("--exclude", type=_csv, help="globs of files and directories to skip")
    p.add_argument("--text-field", help="JSONL field holding the article text (default: text)")
    p.add_argument("--title-field", help="JSONL field holding the title (default: title)")
    p.add_argument("--id-field", help="JSONL field holding the record id (default: id)")
    p.add_argument("--url-field", help="JSONL field holding the url (default: url)")
    p.add_argument("--stdin-filename", help="name to report for stdin ('.jsonl' reads records)")
    p.add_argument(
        "--corpus", choices=("auto", "on", "off"), help="cross-document rules (default: auto)"
    )
    p.add_argument("--baseline", help="load corpus statistics from this baseline file")
    p.add_argument("--write-baseline", metavar="FILE", help="save this run's corpus statistics")
    p.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: CPUs)")


def add_selection_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--select", type=_csv, help="rules to enable (code, prefix, name or category)")
    p.add_argument("--extend-select", type=_csv, help="rules to enable on top of the selection")
    p.add_argument("--ignore", type=_csv, help="rules to disable")


def config_from_args(args: argparse.Namespace) -> Config:
    paths = getattr(args, "paths", None) or []
    first = paths[0] if paths else None
    config = resolve_config(args.config, first, getattr(args, "isolated", False))
    changes: dict[str, object] = {}
    if getattr(args, "select", None) is not None:
        changes["select"] = tuple(args.select)
    if getattr(args, "extend_select", None):
        changes["extend_select"] = config.extend_select + tuple(args.extend_select)
    if getattr(args, "ignore", None):
        changes["ignore"] = config.ignore + tuple(args.ignore)
    if getattr(args, "include", None):
        changes["include"] = tuple(args.include)
    if getattr(args, "exclude", None):
        changes["exclude"] = config.exclude + tuple(args.exclude)
    names = {}
    for key in ("text", "title", "id", "url"):
        value = getattr(args, f"{key}_field", None)
        if value:
            names[key] = value
    if names:
        import dataclasses

        changes["fields"] = dataclasses.replace(config.fields, **names)
    if getattr(args, "fail_level", None):
        changes["fail_level"] = args.fail_level
    if getattr(args, "corpus", None):
        changes["corpus"] = args.corpus
    if getattr(args, "baseline", None):
        changes["baseline"] = args.baseline
    return config.replace(**changes) if changes else config


def resolve_jobs(value: int | None) -> int:
    from scrapelint.parallel import default_jobs

    if value is None:
        return default_jobs()
    if value < 1:
        raise UsageError("--jobs must be at least 1")
    return value


def use_color(choice: str, stream: IO[str]) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def cmd_check(args: argparse.Namespace) -> int:
    from scrapelint.linter import Linter
    from scrapelint.runner import Runner, RunOptions

    if not args.paths:
        args.paths = ["."] if sys.stdin.isatty() else ["-"]
    config = config_from_args(args)
    linter = Linter(config)
    out = sys.stdout
    fixing_stdout = args.fix and "-" in args.paths
    report_stream = sys.stderr if fixing_stdout else out
    reporter = make_reporter(
        args.output_format,
        report_stream,
        color=use_color(args.color, report_stream),
        registry=linter.registry,
        statistics=args.statistics,
        quiet=args.quiet,
        show_source=args.show_source,
        fixing=args.fix,
        unsafe_fixes=args.unsafe_fixes,
    )
    options = RunOptions(
        paths=args.paths,
        fix=args.fix,
        unsafe_fixes=args.unsafe_fixes,
        diff=args.diff,
        fail_level=config.fail_level,
        corpus=config.corpus,
        baseline=config.baseline,
        write_baseline=args.write_baseline,
        stdin_filename=args.stdin_filename,
        jobs=resolve_jobs(args.jobs),
        suppressions=args.suppressions or config.suppressions,
        write_suppressions=args.write_suppressions,
        progress=sys.stderr.isatty()
        and not args.quiet
        and args.output_format in ("full", "concise"),
    )
    runner = Runner(linter, options, reporter, diff_out=out)
    summary = runner.run()
    for note in summary.notes:
        print(f"scrapelint: {note}", file=sys.stderr)
    for problem in summary.problems:
        print(f"scrapelint: error: {problem}", file=sys.stderr)
    if summary.problems:
        return EXIT_ERROR
    if args.exit_zero or args.diff:
        return EXIT_OK
    return EXIT_PROBLEMS if summary.failing else EXIT_OK


def cmd_rule(args: argparse.Namespace) -> int:
    from scrapelint.explain import explain_all, explain_rule

    if args.all:
        return explain_all(args.output_format)
    if not args.code:
        raise UsageError("scrapelint rule: give a rule code or name, or --all")
    return explain_rule(args.code, args.output_format)


def cmd_rules(args: argparse.Namespace) -> int:
    from scrapelint.explain import list_rules

    return list_rules(args.output_format)


def cmd_baseline(args: argparse.Namespace) -> int:
    from scrapelint.baseline import load_baseline, save_baseline
    from scrapelint.linter import Linter
    from scrapelint.runner import Runner, RunOptions

    if args.baseline_command == "merge":
        linter = Linter(resolve_config(args.config, None, False))
        state = linter.empty_corpus()
        for f in args.files:
            state = linter.merge(state, load_baseline(f, linter))
        save_baseline(args.output, linter, state)
        return EXIT_OK
    if args.baseline_command == "build":
        if not args.paths:
            raise UsageError("scrapelint baseline build: give paths to read")
        config = config_from_args(args)
        linter = Linter(config)
        if not linter.has_corpus_rules:
            raise UsageError("no corpus rule is enabled; nothing to put in a baseline")
        options = RunOptions(
            paths=args.paths,
            corpus="on",
            baseline=config.baseline,
            write_baseline=args.output,
            jobs=resolve_jobs(args.jobs),
        )
        runner = Runner(linter, options, reporter=None)
        runner.files()
        runner.corpus_state()
        for problem in runner.summary.problems:
            print(f"scrapelint: error: {problem}", file=sys.stderr)
        print(
            f"wrote {args.output} from {runner.summary.corpus_documents} documents", file=sys.stderr
        )
        return EXIT_ERROR if runner.summary.problems else EXIT_OK
    raise UsageError("scrapelint baseline: use 'build' or 'merge'")


#: Allocations between two runs of the youngest garbage collection (CPython's default: 700).
#: Checking builds and drops many short-lived containers per document; reference counting
#: frees them, and a rarer cycle collection saves its repeated scans of live objects.
_GC_THRESHOLD = (100_000, 50, 100)


def _tune_gc() -> None:
    """A batch run's garbage-collection settings (a command-line process only)."""
    gc.freeze()  # what is loaded by now (modules, tables) lives for the whole run
    gc.set_threshold(*_GC_THRESHOLD)


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # run as a program, not called from Python code
        _tune_gc()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "check")  # `scrapelint FILE` means `scrapelint check FILE`
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_OK
        if args.command == "version":
            print(f"scrapelint {__version__}")
            return EXIT_OK
        handler = {
            "check": cmd_check,
            "rule": cmd_rule,
            "rules": cmd_rules,
            "baseline": cmd_baseline,
        }.get(args.command)
        if handler is None:
            from scrapelint.clean_command import cmd_clean

            handler = cmd_clean
        code = handler(args)
        sys.stdout.flush()
        return code
    except ScrapelintError as exc:
        print(f"scrapelint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("scrapelint: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # Output went to a closed pipe (`| head`): silence the flush at exit.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as exc:  # the last line of defence: never a bare traceback
        print(f"scrapelint: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        if os.environ.get("SCRAPELINT_DEBUG"):
            import traceback

            traceback.print_exc()
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
