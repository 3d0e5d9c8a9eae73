"""The `factcheck` command: a thin layer over the library.

Exit status as editorial linters use it: 0 nothing at or above the failure
level, 1 findings at or above it, 2 a usage or input error (one line on
stderr naming the file and the problem, never a traceback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_LEVELS = ("contradicted", "not_found")  # as models.FAIL_LEVELS, without importing the models
KIND_NAMES = ("amount", "term", "date", "count", "signatory", "location", "quote", "name")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # one line, not argparse's usage block: CI logs show it whole
        raise UsageError(message)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _kinds(text: str) -> list[str]:
    kinds = [k.strip() for k in text.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KIND_NAMES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown kind {unknown[0]!r} (known: {', '.join(KIND_NAMES)})")
    return kinds


def _parser() -> _Parser:
    from .renderers import FORMATS  # a light module: the list of formats, no renderer

    parser = _Parser(prog="factcheck", description="Check a draft's claims against its source article.")
    parser.add_argument("--version", action="version", version=f"factcheck {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="judge every claim of the drafts against their sources")
    check.add_argument("drafts", nargs="*", metavar="DRAFT",
                       help="draft files, folders or globs ('-' reads standard input); "
                            "none: the drafts the configuration's 'drafts' globs match")
    source = check.add_mutually_exclusive_group()
    source.add_argument("--source", metavar="ARTICLE", help="the source article (text) of every draft")
    source.add_argument("--facts", metavar="SHEET", help="the source's fact sheet (YAML from 'factcheck extract')")
    check.add_argument("--format", choices=FORMATS, default="text", help="text (default), json, line, github, "
                       "junit, sarif or html")
    check.add_argument("--published", type=_date, metavar="YYYY-MM-DD", help="publication date of the source")
    check.add_argument("--default-currency", metavar="CODE", help="what a bare '$' means (USD)")
    check.add_argument("--kinds", type=_kinds, metavar="K,K", help="check only these claim kinds")
    check.add_argument("--fail-on", choices=FAIL_LEVELS,
                       help="the verdict that fails the run: contradicted (default), or also not_found")
    check.add_argument("--config", metavar="FILE",
                       help="the configuration (factcheck.toml, or a pyproject.toml with [tool.factcheck]); "
                            "by default the nearest one from the working directory up")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--skip-non-drafts", action="store_true",
                       help="skip named files that are not drafts (no source in their front matter, matched by no "
                            "glob of the configuration), as a pre-commit hook passes every changed markdown file")

    extract = commands.add_parser("extract", help="write the canonical facts of an article")
    extract.add_argument("article", metavar="ARTICLE", help="the source article ('-' reads standard input)")
    extract.add_argument("--format", choices=("yaml", "json"), default="yaml")
    extract.add_argument("--published", type=_date, metavar="YYYY-MM-DD")
    extract.add_argument("--default-currency", default="USD", metavar="CODE")
    extract.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    batch = commands.add_parser("batch", help="check many pairs of a JSONL or Parquet file, on all cores or a Dask cluster")
    batch.add_argument("input", metavar="INPUT", help="the pairs: .jsonl or .parquet rows with id, draft, "
                       "source (text or a path) or facts (a sheet's path), and optionally published")
    batch.add_argument("--out", required=True, metavar="OUTPUT",
                       help="the results, .jsonl or .parquet; a rerun skips the ids it holds already")
    engine = batch.add_mutually_exclusive_group()
    engine.add_argument("--processes", type=_positive, metavar="N", help="local worker processes (default: all cores)")
    engine.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                        help="run on this Dask scheduler (default: $DASK_SCHEDULER_ADDRESS, else local processes)")
    batch.add_argument("--retry-errors", action="store_true",
                       help="check again the pairs the output holds as errors (a source since repaired)")
    batch.add_argument("--default-currency", metavar="CODE", help="what a bare '$' means (USD)")
    batch.add_argument("--fail-on", choices=FAIL_LEVELS, default="contradicted",
                       help="the verdict that makes the exit status 1: contradicted (default), or also not_found")
    return parser


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return number


def _version() -> str:
    from . import __version__

    return __version__


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _currency(code: str) -> str:
    import pycountry

    if pycountry.currencies.get(alpha_3=code.upper()) is None:
        raise UsageError(f"--default-currency: {code!r} is not an ISO 4217 currency code")
    return code.upper()


def _run_check(args: argparse.Namespace) -> int:
    from .config import load_config
    from .renderers import RenderOptions, render
    from .runs import RunOptions, check_drafts, find_drafts

    if sum(path == "-" for path in args.drafts) > 1:
        raise UsageError("standard input ('-') can be read only once")
    options = RunOptions(
        config=load_config(args.config),
        source=args.source,
        facts=args.facts,
        published=args.published,
        default_currency=_currency(args.default_currency) if args.default_currency else None,
        kinds=args.kinds,
        fail_on=args.fail_on,
        keep_texts=args.format == "html",
        skip_non_drafts=args.skip_non_drafts,
    )
    result = check_drafts(find_drafts(args.drafts, options.config), options)
    for error in result.errors:
        print(f"factcheck: error: {error.path}: {error.error}", file=sys.stderr)
    render_options = RenderOptions(color=_use_color(args.color), fail_on=options.failure_level, texts=result.texts)
    sys.stdout.write(render(result.outcomes, args.format, render_options))
    return result.exit_status(options.failure_level)


def _run_extract(args: argparse.Namespace) -> int:
    import json

    from .facts import dump_facts, extract_facts, read_text

    text = read_text(args.article)
    sheet = extract_facts(
        text, published=args.published, default_currency=_currency(args.default_currency),
        source=None if args.article == "-" else args.article,
    )
    output = dump_facts(sheet) if args.format == "yaml" else json.dumps(
        sheet.model_dump(mode="json", exclude_none=True), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(output)
        except OSError as error:
            raise UsageError(f"{args.output}: cannot be written: {error.strerror or error}") from None
    else:
        sys.stdout.write(output)
    return EXIT_CLEAN


def _run_batch(args: argparse.Namespace) -> int:
    import signal

    from .batch import Progress, run_batch, stop_on_signals

    scheduler = args.scheduler or (None if args.processes else os.environ.get("DASK_SCHEDULER_ADDRESS") or None)
    # a SIGTERM (a job scheduler's stop) ends the run as Ctrl-C does: the finished pairs stay for a rerun;
    # a local run stops where it is safe to, a Dask run at once (its client's calls can be interrupted)
    if scheduler:
        previous = signal.signal(signal.SIGTERM, signal.default_int_handler)

        def restore() -> None:
            signal.signal(signal.SIGTERM, previous)
    else:
        restore = stop_on_signals()
    try:
        result = run_batch(
            args.input, args.out, processes=args.processes, scheduler=scheduler,
            default_currency=_currency(args.default_currency or "USD"), retry_errors=args.retry_errors,
            progress=sys.stderr if Progress.wanted(sys.stderr) else None,
        )
    except KeyboardInterrupt:
        print(f"factcheck: interrupted: the pairs finished are kept in {args.out}.parts; "
              "run the same command again to go on", file=sys.stderr)
        return 130
    finally:
        restore()
    print(f"factcheck: {result.closing_line()}", file=sys.stderr)
    return result.exit_status(args.fail_on)


_COMMANDS = {"check": _run_check, "extract": _run_extract, "batch": _run_batch}


def main(argv: Sequence[str] | None = None) -> int:
    from .errors import InputError

    try:
        args = _parser().parse_args(argv)
        return _COMMANDS[args.command](args)
    except UsageError as error:
        print(f"factcheck: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except InputError as error:
        print(f"factcheck: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # the reader went away (factcheck ... | head): not an error of ours
        sys.stderr.close()
        return EXIT_CLEAN
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
