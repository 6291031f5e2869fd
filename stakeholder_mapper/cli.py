"""The ``stakeholder-mapper`` command line (DESIGN.md §8).

With no subcommand it opens the desktop app. Bad input ends with one line on stderr
and exit code 2, never a traceback; input files are never modified.

Password-protected maps never prompt (a prompt would hang a script): the password
comes from ``--password-file FILE`` (its first line) or, failing that, from the
environment variable ``STAKEHOLDER_MAPPER_PASSWORD``. Maps written by a command are
protected with the same password when one is given.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import difflib
import errno
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from .analysis.views import AnalysisInputError, GraphView
from .core.i18n import LANGUAGES, N_, _, ngettext, set_language, system_error
from .core.i18n import language as interface_language
from .core.limits import MAX_PASSWORD_FILE_BYTES
from .core.model import MapInfo, StakeholderMap
from .core.validation import ValidationError, map_problems
from .core.wording import counted, one_line, shown_name
from .io.errors import DamagedMap, MapFileError, PasswordRequired, PlanError
from .io.file_access import unwritable_output_reason
from .io.lock import MapLocked, acquire_lock
from .io.plan import DEFAULT_TEMPLATE, LEVELS, PlanOptions
from .io.project import is_encrypted_file, load_map, save_map, write_atomically
from .io.redact import LEVEL_DESCRIPTIONS, PUBLIC_EXPORT_REFUSED
from .io.rescue import rescue_hint
from .io.table_export import csv_cell, export_csv, export_xlsx
from .io.table_import import TableImportError, import_tables, import_workbook
from .io.tables import DELIMITERS, ENCODINGS

__all__ = ["main"]

EXIT_BAD_INPUT = 2
#: Environment variable holding the password of encrypted maps (``--password-file`` wins).
PASSWORD_ENV = "STAKEHOLDER_MAPPER_PASSWORD"
#: Errors that mean "the input is wrong", reported as one line with exit code 2.
INPUT_ERRORS: tuple[type[Exception], ...] = (
    MapFileError,
    TableImportError,
    ValidationError,
    PlanError,
    AnalysisInputError,
)


class UsageError(Exception):
    """The command line itself is wrong."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


#: Why ``import --branch`` was refused.
BRANCH_UNKNOWN = "--branch {branch!r} is not the id of a stakeholder imported from {file}."
#: An import in which no stakeholder row was accepted.
ALL_REJECTED = "{file}: every stakeholder row was rejected, so nothing was imported{first}."

#: Import formats recognised by file extension.
_IMPORT_SUFFIXES = {
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xls": "xlsx",
    ".ods": "xlsx",
    ".graphml": "graphml",
    ".gexf": "gexf",
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
}
EXPORT_FORMATS = ("graphml", "gexf", "csv", "xlsx", "png", "svg")
#: Levels of the data and picture exports; Public is refused (see io.redact.redact_for_export).
DATA_EXPORT_LEVELS = ("full", "partner")

#: argparse's own words (usage, section titles, its errors), from its gettext calls, for the
#: catalogue; :func:`_speak_argparse` makes argparse look them up there.
_ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def _speak_argparse() -> None:
    """Make argparse's usage, help headings and errors speak the interface language: it
    translates them with gettext's default domain, not ours."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def _check_output(output: Path, option: str, suffix: str | None = None) -> None:
    """Refuse an output file named for another format or in a folder that does not exist.

    Checked before anything is read or written, so a mistyped name costs nothing.
    """
    if suffix is not None and output.suffix.casefold() != suffix:
        raise UsageError(
            _(
                "{name} does not end in {suffix}, but {option} writes a {suffix} file; "
                "name the output file {stem}{suffix} or choose another format."
            ).format(name=output.name, suffix=suffix, option=option, stem=output.stem)
        )
    if output.is_dir():
        raise UsageError(
            _("{path} is a folder; give the name of a file to write in it.").format(path=output)
        )
    folder = output.absolute().parent
    if not folder.is_dir():
        message = (
            _("The folder {folder} is not a folder; choose another place for {name}.")
            if folder.exists()
            else _(
                "The folder {folder} does not exist; create it or choose another place for {name}."
            )
        )
        raise UsageError(
            message.format(folder=folder, name=output.name),
        )
    reason = unwritable_output_reason(output)
    if reason is not None:
        raise MapFileError(reason)


def _export_level(text: str) -> str:
    """The ``export --level`` value; Public is refused with the reason, in one sentence."""
    if text == "public":
        raise argparse.ArgumentTypeError(_(PUBLIC_EXPORT_REFUSED))
    return text


def _kinds(text: str, smap: StakeholderMap) -> frozenset[str]:
    """The kind ids ``--kinds`` names: ids or names of the map's kinds, in any case."""
    wanted = [k.strip() for k in text.split(",") if k.strip()]
    if not wanted:
        raise UsageError(_("--kinds needs at least one relationship kind, e.g. trust,influence"))
    chosen = set()
    for term in wanted:
        if term in smap.kinds:
            chosen.add(term)
            continue
        folded = term.casefold()
        matches = {
            k.id for k in smap.kinds.values() if folded in (k.id.casefold(), k.name.casefold())
        }
        if len(matches) != 1:
            known = ", ".join(
                k.id if k.name.casefold() == k.id.casefold() else f"{k.id} ({k.name})"
                for k in smap.kinds.values()
            )
            message = (
                _("--kinds: {term} matches several kinds of this map; it has: {known}.")
                if matches
                else _("--kinds: {term} is not a relationship kind of this map; it has: {known}.")
            )
            raise UsageError(message.format(term=repr(term), known=known))
        chosen |= matches
    return frozenset(chosen)


def _note_negative_ties(smap: StakeholderMap, kinds: frozenset[str]) -> None:
    """Say on stderr when chosen kinds have negative ties that the default view leaves out."""
    negative_kinds = {k for k in kinds if smap.kinds[k].valence == "negative"}
    left_out = [
        r for r in smap.relationships.values() if r.kind in kinds and r.valence == "negative"
    ]
    names = sorted(negative_kinds | {r.kind for r in left_out})
    if names:
        print(
            _(
                "note: negative ties are left out unless --all-ties is given "
                "({ties} of {kinds} left out)."
            ).format(
                ties=counted(len(left_out), "negative tie", "negative ties"), kinds=", ".join(names)
            ),
            file=sys.stderr,
        )


def _password(args: argparse.Namespace) -> str | None:
    """The password for encrypted maps: ``--password-file`` first, then the environment."""
    password_file = getattr(args, "password_file", None)
    if password_file:
        # Read a bounded amount: the file could be /dev/zero or a huge file by mistake.
        with open(password_file, "rb") as fh:
            data = fh.read(MAX_PASSWORD_FILE_BYTES + 1)
        first, newline, _rest = data.partition(b"\n")
        if not newline and len(data) > MAX_PASSWORD_FILE_BYTES:
            raise UsageError(
                _(
                    "the password file {file} has no line break in its first {size} bytes; "
                    "put the password alone on its first line"
                ).format(file=password_file, size=MAX_PASSWORD_FILE_BYTES)
            )
        try:
            password = first.decode("utf-8").removesuffix("\r")
        except UnicodeDecodeError:
            raise UsageError(
                _("the password file {file} is not UTF-8 text").format(file=password_file)
            ) from None
        if not password:
            raise UsageError(_("the password file {file} is empty").format(file=password_file))
        return password
    return os.environ.get(PASSWORD_ENV) or None


def open_map(path: str | Path, args: argparse.Namespace) -> StakeholderMap:
    """Load a map for a command, decrypting it with the command line's password if needed."""
    try:
        return load_map(path, _password(args))
    except PasswordRequired:
        raise MapFileError(
            _(
                "{name} is protected by a password; pass --password-file FILE or set {variable}."
            ).format(name=Path(path).name, variable=PASSWORD_ENV)
        ) from None
    except DamagedMap as exc:
        hint = rescue_hint(path)
        raise MapFileError(f"{exc} {hint}" if hint else str(exc)) from None


def _add_password_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--password-file",
        metavar="FILE",
        help=_("password of encrypted maps, on the first line of FILE (else ${variable})").format(
            variable=PASSWORD_ENV
        ),
    )


def _cmd_import(args: argparse.Namespace) -> None:
    if args.file and args.stakeholders:
        raise UsageError(_("give either FILE or --stakeholders (with --relationships), not both"))
    if args.relationships and not args.stakeholders:
        raise UsageError(
            _("--relationships goes with --stakeholders S.csv; give the stakeholders table too")
        )
    if not args.file and not args.stakeholders:
        raise UsageError(
            _(
                "nothing to import; give FILE (.xlsx, .graphml, .gexf or .csv) "
                "or --stakeholders S.csv"
            )
        )
    output = Path(args.output)
    source = Path(args.file or args.stakeholders)
    inputs = {source.resolve()}
    if args.relationships:
        inputs.add(Path(args.relationships).resolve())
    if output.resolve() in inputs:
        raise UsageError(_("the output file must not be one of the input files"))
    _check_output(output, "import", ".smap")
    fmt = "csv" if args.stakeholders else _IMPORT_SUFFIXES.get(source.suffix.casefold())
    if fmt is None:
        raise UsageError(
            _(
                "{name}: cannot tell the format from the extension; "
                "use .xlsx, .xls, .ods, .graphml, .gexf or .csv"
            ).format(name=source.name)
        )
    with _locked_output(output):
        _import_into(args, source, fmt, output)


@contextlib.contextmanager
def _locked_output(output: Path) -> Iterator[None]:
    """Hold the lock of the map a command writes, refusing a map another instance has open."""
    try:
        lock = acquire_lock(output)
    except MapLocked as exc:
        raise MapFileError(
            _("{reason}; close it there first or write to another file.").format(
                reason=str(exc).removesuffix(".")
            )
        ) from None
    with lock:
        yield


def _import_into(args: argparse.Namespace, source: Path, fmt: str, output: Path) -> None:
    options = {"skip_bad_rows": args.skip_bad_rows}
    if fmt == "csv":
        delimiter = DELIMITERS.get(args.delimiter, args.delimiter)
        smap, report = import_tables(
            source, args.relationships, encoding=args.encoding, delimiter=delimiter, **options
        )
    elif fmt == "xlsx":
        smap, report = import_workbook(source, **options)
    else:
        from .io.graph_formats import import_gexf, import_graphml

        smap, report = (import_graphml if fmt == "graphml" else import_gexf)(source, **options)
    if not report.stakeholders:
        first = f" (the first: {report.rejected[0]})" if report.rejected else ""
        raise ValidationError(ALL_REJECTED.format(file=source.name, first=first))
    if args.title or smap.info == MapInfo():
        smap.info = dataclasses.replace(smap.info, title=args.title or source.stem)
    if args.branch is not None:
        if args.branch not in smap.stakeholders:
            raise ValidationError(BRANCH_UNKNOWN.format(branch=args.branch, file=source.name))
        smap.info = dataclasses.replace(smap.info, branch=args.branch)
        report.branch_dropped = ""
    # The rules validate applies: what import writes, validate accepts.
    problems = map_problems(smap)
    if problems:
        raise ValidationError(
            _("{name} cannot be imported: {problem}").format(name=source.name, problem=problems[0])
        )
    password = _password(args)
    save_map(smap, output, password)
    for line in report.lines():
        print(line)
    saved = _("Saved {path}, protected by the password.") if password else _("Saved {path}.")
    print(saved.format(path=output))


def _cmd_export(args: argparse.Namespace) -> None:
    source, output = Path(args.map), Path(args.output)
    if output.resolve() == source.resolve():
        raise UsageError(_("the output file must not be the map itself"))
    _check_output(output, f"--to {args.to}", f".{args.to}")
    smap = open_map(source, args)
    written = [output]
    if args.to in ("png", "svg"):
        if args.width < 200 or args.width > 20000:
            raise UsageError(_("--width must be between 200 and 20000 pixels"))
        from .ui.canvas.figure import export_figure

        export_figure(smap, output, args.to, width=args.width, level=args.level)
    elif args.to == "csv":
        written = export_csv(smap, output, level=args.level)
    elif args.to == "xlsx":
        export_xlsx(smap, output, level=args.level)
    else:
        from .io.graph_formats import export_gexf, export_graphml

        (export_graphml if args.to == "graphml" else export_gexf)(smap, output, level=args.level)
    print(_("Wrote {files}.").format(files=", ".join(str(p) for p in written)))


def _cmd_metrics(args: argparse.Namespace) -> None:
    from .analysis.metrics import compute_metrics, export_table

    source = Path(args.map)
    output = Path(args.output) if args.output else None
    fmt = args.format or "csv"
    if output is not None:
        if output.resolve() == source.resolve():
            raise UsageError(_("the output file must not be the map itself"))
        if args.format is None and output.suffix.casefold() == ".json":
            fmt = "json"
        _check_output(output, f"--format {fmt}", f".{fmt}")
    smap = open_map(source, args)
    kinds = None if args.kinds is None else _kinds(args.kinds, smap)
    if kinds is not None and not args.all_ties:
        _note_negative_ties(smap, kinds)
    view = GraphView(kinds=kinds, min_strength=args.min_strength, positive_only=not args.all_ties)
    table = export_table(compute_metrics(smap, view, group_by=args.group_by))
    if fmt == "json":
        text = table.to_json(orient="records", force_ascii=False, indent=1, double_precision=15)
        text += "\n"
    else:
        text = table.map(csv_cell).to_csv(index=False, lineterminator="\n")
    if output is None:
        sys.stdout.write(text)
    else:
        # A CSV file starts with a byte-order mark so that Excel reads it as UTF-8 (accents,
        # Cyrillic, Arabic intact), as the CSV exports do; JSON must not have one.
        write_atomically(
            output, text.encode("utf-8-sig" if fmt == "csv" else "utf-8"), backup=False
        )
        print(
            _("Wrote the metrics of {stakeholders} to {path}.").format(
                stakeholders=counted(len(table), "stakeholder", "stakeholders"), path=output
            )
        )


def _cmd_layout(args: argparse.Namespace) -> None:
    from .analysis.layout import lay_out, layout_request  # igraph: loaded for this command only

    source = Path(args.map)
    output = Path(args.output) if args.output else source
    _check_output(output, "layout", ".smap")
    with _locked_output(output):
        smap = open_map(source, args)
        moved = lay_out(layout_request(smap, keep_placed=args.new_only))
        smap.positions.update(moved)
        password = _password(args) if is_encrypted_file(source) else None
        save_map(smap, output, password)
    print(
        _("Laid out {stakeholders}; saved {path}.").format(
            stakeholders=counted(len(moved), "stakeholder", "stakeholders"), path=output
        )
    )


def _cmd_validate(args: argparse.Namespace) -> None:
    smap = open_map(args.map, args)
    problems = map_problems(smap)
    if problems:
        raise ValidationError(f"{Path(args.map).name}: {problems[0]}")
    print(
        _("{name} is valid: {stakeholders}, {relationships}, {snapshots}.").format(
            name=Path(args.map).name,
            stakeholders=counted(len(smap.stakeholders), "stakeholder", "stakeholders"),
            relationships=counted(len(smap.relationships), "relationship", "relationships"),
            snapshots=counted(len(smap.snapshots), "snapshot", "snapshots"),
        )
    )


def _cmd_plan(args: argparse.Namespace) -> None:
    output = Path(args.output)
    if output.resolve() == Path(args.map).resolve():
        raise UsageError(_("the plan must not overwrite the map file"))
    _check_output(output, "plan")
    from .io.plan import write_plan  # python-docx and matplotlib load for this command only

    smap = open_map(args.map, args)
    options = PlanOptions(
        level=args.level,
        show_author=args.show_author,
        template=Path(args.template) if args.template else DEFAULT_TEMPLATE,
        language=args.language or interface_language(),
    )
    write_plan(smap, output, options)
    saved = {
        "full": _("Saved the full engagement plan to {path}."),
        "partner": _("Saved the partner engagement plan to {path}."),
        "public": _("Saved the public engagement plan to {path}."),
    }[args.level]
    print(saved.format(path=output))


def _build_parser() -> _Parser:
    parser = _Parser(prog="stakeholder-mapper", description=_("Stakeholder Mapper command line."))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, required=True)

    p = sub.add_parser(
        "import",
        help=_("build a map from a workbook, a GraphML or GEXF file, or CSV tables"),
        description=_(
            "Build a map from FILE (.xlsx, .graphml, .gexf or a stakeholders .csv) "
            "or from a pair of CSV tables. Strict by default: the first bad row stops the "
            "import and nothing is written."
        ),
    )
    p.add_argument("file", nargs="?", metavar="FILE", help=_("workbook, GraphML or GEXF file"))
    p.add_argument("--stakeholders", metavar="S.csv", help=_("stakeholders table (CSV)"))
    p.add_argument("--relationships", metavar="R.csv", help=_("relationships table (CSV)"))
    p.add_argument("-o", "--output", required=True, metavar="MAP.smap")
    p.add_argument("--title", help=_("title of the new map (default: the file's or the file name)"))
    p.add_argument(
        "--branch",
        metavar="ID",
        help="id of the stakeholder that is our own branch, where routes and suggested "
        "messengers start (default: the one the file names; it is never guessed)",
    )
    p.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help=_("import the valid rows and list the rejected ones instead of stopping"),
    )
    p.add_argument(
        "--encoding",
        choices=ENCODINGS,
        help=_("text encoding of CSV files (default: detected)"),
    )
    p.add_argument(
        "--delimiter",
        choices=sorted(DELIMITERS),
        help=_("separator of CSV files (default: detected)"),
    )
    _add_password_option(p)
    p.set_defaults(run=_cmd_import)

    p = sub.add_parser(
        "export",
        help=_("write a map as GraphML, GEXF, CSV, Excel, or a PNG or SVG figure"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "Write MAP in another format.\n\n"
            "  graphml  for Cytoscape, yEd, igraph (every field)\n"
            "  gexf     for Gephi (every field, positions and colours)\n"
            "  xlsx     one workbook: Stakeholders, Relationships, Metrics and Map sheets\n"
            "  csv      FILE holds the stakeholders; FILE-STEM_relationships.csv and\n"
            "           FILE-STEM_metrics.csv are written beside it\n"
            "           (e.g. -o city.csv gives city.csv, city_relationships.csv,\n"
            "           city_metrics.csv)\n"
            "  png/svg  the network figure at the stored positions, with title and legend\n"
            "           (drawn without a window; no display needed)"
        ),
    )
    p.add_argument("map", metavar="MAP.smap")
    p.add_argument("--to", required=True, choices=EXPORT_FORMATS, help=_("output format"))
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument(
        "--level",
        type=_export_level,
        choices=DATA_EXPORT_LEVELS,
        default="full",
        help=_(
            "what the export may show: {levels} (Public is for the engagement plan only.)"
        ).format(levels=" ".join(_(LEVEL_DESCRIPTIONS[level]) for level in DATA_EXPORT_LEVELS)),
    )
    _add_password_option(p)
    p.add_argument(
        "--width",
        type=int,
        default=2400,
        metavar="PIXELS",
        help=_("width of a PNG figure in pixels (default 2400)"),
    )
    p.set_defaults(run=_cmd_export)

    p = sub.add_parser("plan", help=_("write the engagement plan as a Word document"))
    p.add_argument("map", metavar="MAP.smap")
    p.add_argument("-o", "--output", required=True, metavar="PLAN.docx")
    p.add_argument(
        "--level",
        choices=LEVELS,
        default="full",
        help=_("what the plan may show: {levels}").format(
            levels=" ".join(_(text) for text in LEVEL_DESCRIPTIONS.values())
        ),
    )
    p.add_argument("--template", metavar="T.docx", help=_("a Word file whose styles the plan uses"))
    p.add_argument(
        "--show-author",
        action="store_true",
        help=_("name the map's author on the cover of the full version"),
    )
    p.add_argument(
        "--language",
        choices=tuple(LANGUAGES),
        help=_("language of the plan (default: the interface language)"),
    )
    _add_password_option(p)
    p.set_defaults(run=_cmd_plan)

    p = sub.add_parser(
        "metrics",
        help=_("brokerage and network metrics of every stakeholder, as CSV or JSON"),
        description=_(
            "Compute betweenness, Gould-Fernandez brokerage roles (with z-scores), "
            "Burt's constraint and effective size, degrees, PageRank and coalitions for every "
            "stakeholder of MAP. Negative ties (conflict, distrust) are left out unless "
            "--all-ties is given."
        ),
    )
    p.add_argument("map", metavar="MAP.smap")
    p.add_argument(
        "--group-by",
        default="category",
        metavar="ATTR",
        help=_(
            "attribute with one value per stakeholder (category, level, power, a custom "
            "attribute ...) defining the groups of the brokerage roles (default: category)"
        ),
    )
    p.add_argument(
        "--kinds",
        metavar="K,..",
        help=_("relationship kinds to count, by id or name in any case (default: all kinds)"),
    )
    p.add_argument(
        "--min-strength",
        type=int,
        default=1,
        choices=range(1, 6),
        metavar="N",
        help=_("leave out ties weaker than N (1-5, default 1)"),
    )
    p.add_argument(
        "--all-ties", action="store_true", help=_("count negative ties (conflict, distrust) too")
    )
    p.add_argument(
        "--format",
        choices=("csv", "json"),
        help=_("default: json for an output file ending in .json, else csv"),
    )
    p.add_argument("-o", "--output", metavar="FILE", help=_("write here instead of the screen"))
    _add_password_option(p)
    p.set_defaults(run=_cmd_metrics)

    p = sub.add_parser(
        "layout",
        help=_("lay out the unpinned stakeholders: coalitions as groups, no overlaps"),
        description=_(
            "Lay out the map's stakeholders that are not pinned and write the map, in place "
            "unless -o names another file. The same map is always laid out the same way."
        ),
    )
    p.add_argument("map", metavar="MAP.smap")
    p.add_argument("-o", "--output", metavar="OUT.smap", help=_("write here instead of MAP.smap"))
    p.add_argument(
        "--new-only",
        action="store_true",
        help=_("keep stakeholders that have a position; place only the others, beside their ties"),
    )
    _add_password_option(p)
    p.set_defaults(run=_cmd_layout)

    p = sub.add_parser("validate", help=_("check a map file and report the first problem"))
    p.add_argument("map", metavar="MAP.smap")
    _add_password_option(p)
    p.set_defaults(run=_cmd_validate)
    return parser


def _subcommands(parser: _Parser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _check_map_to_open(argv: Sequence[str], commands: set[str]) -> None:
    """Refuse, before any window, a first word that is neither a command nor a file: a
    word with no extension is taken for a mistyped command; a missing map is named."""
    if not argv or argv[0].startswith("-") or Path(argv[0]).exists():
        return
    word = argv[0]
    if not Path(word).suffix and "/" not in word and os.sep not in word:
        close = difflib.get_close_matches(word, sorted(commands), n=1)
        if close:
            raise UsageError(
                _("unknown command '{name}' (did you mean '{suggestion}'?)").format(
                    name=word, suggestion=close[0]
                )
            )
        raise UsageError(
            _("unknown command '{name}'; the commands are: {commands}.").format(
                name=word, commands=", ".join(sorted(commands))
            )
        )
    reason = system_error(FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), word))
    raise UsageError(
        _("{name} cannot be read: {reason}.").format(name=shown_name(word), reason=reason)
    )


def _launch_gui(argv: Sequence[str]) -> int:
    gui = _Parser(prog="stakeholder-mapper", description=_("Open the desktop app."))
    gui.add_argument("map", nargs="?", metavar="MAP.smap", help=_("map to open"))
    args = gui.parse_args(argv)
    from .ui.app import run_app

    return run_app(args.map)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language()
    _speak_argparse()
    parser = _build_parser()
    try:
        if not argv or argv[0] not in _subcommands(parser) | {"-h", "--help"}:
            _check_map_to_open(argv, _subcommands(parser))
            return _launch_gui(argv)
        args = parser.parse_args(argv)
        run: Callable[[argparse.Namespace], None] = args.run
        run(args)
    except (UsageError, *INPUT_ERRORS) as exc:
        print(_("error: {message}").format(message=one_line(str(exc))), file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        where = shown_name(str(exc.filename or ""))
        message = f"{system_error(exc)}: {where}".rstrip(": ")
        print(_("error: {message}").format(message=message), file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


if __name__ == "__main__":
    sys.exit(main())
