"""The ``stakeholder-mapper`` command line (DESIGN.md §8).

With no subcommand it opens the desktop app. Bad input ends with one line on stderr
and exit code 2, never a traceback; input files are never modified.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from .core.validation import ValidationError, map_problems
from .io.project import MapFileError, load_map, save_map
from .io.table_import import TableImportError, import_tables

__all__ = ["main"]

EXIT_BAD_INPUT = 2
#: Errors that mean "the input is wrong", reported as one line with exit code 2.
INPUT_ERRORS: tuple[type[Exception], ...] = (MapFileError, TableImportError, ValidationError)


class UsageError(Exception):
    """The command line itself is wrong."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def _cmd_import(args: argparse.Namespace) -> None:
    output = Path(args.output)
    inputs = {Path(args.stakeholders).resolve()}
    if args.relationships:
        inputs.add(Path(args.relationships).resolve())
    if output.resolve() in inputs:
        raise UsageError("the output file must not be one of the input files")
    smap, report = import_tables(
        args.stakeholders, args.relationships, skip_bad_rows=args.skip_bad_rows
    )
    smap.info = type(smap.info)(title=args.title or Path(args.stakeholders).stem)
    save_map(smap, output)
    for line in report.lines():
        print(line)
    print(f"Saved {output}.")


def _cmd_validate(args: argparse.Namespace) -> None:
    smap = load_map(args.map)
    problems = map_problems(smap)
    if problems:
        raise ValidationError(f"{Path(args.map).name}: {problems[0]}")
    print(
        f"{Path(args.map).name} is valid: {len(smap.stakeholders)} stakeholders, "
        f"{len(smap.relationships)} relationships, {len(smap.snapshots)} snapshots."
    )


def _build_parser() -> _Parser:
    parser = _Parser(prog="stakeholder-mapper", description="Stakeholder Mapper command line.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, required=True)

    p = sub.add_parser("import", help="build a map from stakeholder and relationship tables")
    p.add_argument("--stakeholders", required=True, metavar="S.csv")
    p.add_argument("--relationships", metavar="R.csv")
    p.add_argument("-o", "--output", required=True, metavar="MAP.smap")
    p.add_argument("--title", help="title of the new map (default: the file name)")
    p.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="import the valid rows and list the rejected ones instead of stopping",
    )
    p.set_defaults(run=_cmd_import)

    p = sub.add_parser("validate", help="check a map file and report the first problem")
    p.add_argument("map", metavar="MAP.smap")
    p.set_defaults(run=_cmd_validate)
    return parser


def _subcommands(parser: _Parser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _launch_gui(argv: Sequence[str]) -> int:
    gui = _Parser(prog="stakeholder-mapper", description="Open the desktop app.")
    gui.add_argument("map", nargs="?", metavar="MAP.smap", help="map to open")
    args = gui.parse_args(argv)
    from .ui.app import run_app

    return run_app(args.map)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _build_parser()
    try:
        if not argv or argv[0] not in _subcommands(parser) | {"-h", "--help"}:
            return _launch_gui(argv)
        args = parser.parse_args(argv)
        run: Callable[[argparse.Namespace], None] = args.run
        run(args)
    except (UsageError, *INPUT_ERRORS) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


if __name__ == "__main__":
    sys.exit(main())
