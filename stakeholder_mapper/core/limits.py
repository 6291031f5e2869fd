"""The limits every map, file and import keeps, each with the reason for its number.

One set, shared by the project file's loader, ``validate``, every importer and every
exporter: what an import writes, ``validate`` accepts, and what ``validate`` accepts,
every exporter and the engagement plan can write and draw. A file beyond a limit is
refused (or, for a third-party import, adjusted and the adjustment reported) in one
sentence that names what is too big; nothing reaches a reader that could exhaust
memory or abort the process.
"""

from __future__ import annotations

import re

from .i18n import N_, _, format_number

__all__ = [
    "MAX_COMPRESSION_RATIO",
    "MAX_COORDINATE",
    "MAX_DEPTH",
    "MAX_NUMBER_DIGITS",
    "MAX_PASSWORD_FILE_BYTES",
    "MAX_PLAN_ITEMS",
    "MAX_RELATIONSHIPS",
    "MAX_SHEET_CELLS",
    "MAX_STAKEHOLDERS",
    "MAX_TEXT_CHARS",
    "MAX_WORKBOOK_BYTES",
    "MAX_WORKBOOK_PARTS",
    "MAX_WORKBOOK_UNPACKED",
    "XML_ILLEGAL",
    "too_many",
]

#: Longest text (a note, a name, a cell) kept: far beyond any real note (a novel is about
#: 500,000 characters), small enough that a file of many such texts still opens.
MAX_TEXT_CHARS = 1_000_000
#: Deepest nesting of lists and objects a file or a JSON cell may hold: a map needs about
#: 6 levels; Python's JSON reader recurses and fails near 1,000.
MAX_DEPTH = 64
#: Most digits of a number in a file or a cell: a scale, a count or a coordinate needs
#: fewer than 20; Python refuses to convert integers of more than 4,300 digits, and the
#: work of reading a number grows with the square of its length.
MAX_NUMBER_DIGITS = 40
#: Most risks, calendar events, indicators or distribution entries a map's plan holds: a
#: real plan has a dozen of each; a register of thousands no longer fits a document a
#: director reads, and each line costs the plan a table row.
MAX_PLAN_ITEMS = 500
#: Largest |x| or |y| of a canvas position, in canvas units (a pixel at 100 % zoom).
#: A real map spans a few thousand units; beyond about 1e9 the canvas, matplotlib and Qt
#: lose precision or overflow when they turn positions into pixels (1e308 overflows).
MAX_COORDINATE = 1e7

#: Most stakeholders a map, or one of its snapshots, may hold. A city map has a few
#: hundred and a national one a few thousand; an analyst who merges the maps of every
#: branch of a large National Society reaches perhaps 20,000. The app is measured at
#: 10,000 (canvas, background metrics, open and save under 1 s). At this limit, with
#: four ties per stakeholder, an import or ``validate`` peaks near half a gigabyte and
#: takes tens of seconds (benchmarks/million.py); at 100,000 and 400,000 it neared 1 GB,
#: and a file of a million rows, mistaken or hostile, took up to 4 GB and close to a
#: minute. Importers and the project file's loader count records while streaming the
#: file and refuse beyond this before building anything; ``validate`` applies the same
#: limit to the map, so whatever an import writes, ``validate`` accepts.
MAX_STAKEHOLDERS = 50_000
#: Most relationships a map, or one of its snapshots, may hold: four per stakeholder at
#: the stakeholder limit, as in the measured 2,000 / 8,000 and 10,000 / 40,000 maps (real
#: maps have two to five ties per stakeholder).
MAX_RELATIONSHIPS = 200_000

#: Largest workbook file read (.xlsx, .xlsm, .ods, .xls), as for CSV files.
MAX_WORKBOOK_BYTES = 256 * 2**20
#: Most parts (zip entries) a workbook may have: a real one has a few dozen, one sheet
#: needs two or three; a zip with many entries costs time before anything is read.
MAX_WORKBOOK_PARTS = 10_000
#: Most bytes a workbook may unpack to, all parts together. The readers hold what they
#: unpack, so peak memory follows this figure: the XML of the largest sheet allowed
#: (see :data:`MAX_SHEET_CELLS`) takes about 300 MB, and this leaves room for its texts.
MAX_WORKBOOK_UNPACKED = 512 * 2**20
#: Highest compression ratio of a workbook part above one megabyte: real sheets pack
#: 5 to 30 times, sheets of identical rows up to about 100 times; zip's deflate reaches
#: its maximum of 1,032 only on filler made to inflate (a "zip bomb").
MAX_COMPRESSION_RATIO = 250
#: Most cells a sheet may span (rows x columns of the area from A1 to its last cell):
#: e.g. 100,000 stakeholders with 50 columns. The reader allocates this whole area, so
#: one cell at XFD1048576 would ask for 17 billion cells (about 512 GB) and abort.
MAX_SHEET_CELLS = 5_000_000

#: Characters no XML document can hold (Word, GraphML, GEXF, .xlsx are XML): the C0
#: control characters other than tab, line feed and carriage return, the non-characters
#: U+FFFE and U+FFFF, and lone surrogates. They reach a map from pasted or imported
#: text; imports remove them (and report it) and every writer drops them.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

#: Largest password file read by the command line: a password is one short line; a
#: limit keeps ``--password-file /dev/zero`` from reading for ever.
MAX_PASSWORD_FILE_BYTES = 4096


def too_many(name: str, what: str, limit: int) -> str:
    """The one sentence refusing ``name`` for holding more than ``limit`` ``what``.

    E.g. ``too_many("people.csv", "stakeholders", MAX_STAKEHOLDERS)`` gives "people.csv
    holds more than 50,000 stakeholders, the most a map may hold; split it by region or
    by category."
    """
    sentence = _TOO_MANY.get(what, _TOO_MANY["rows"])
    return _(sentence).format(name=name, limit=format_number(limit))


#: The refusal of a file or map holding too many records, by what it counts.
_TOO_MANY = {
    "stakeholders": N_(
        "{name} holds more than {limit} stakeholders, the most a map may hold; split it by "
        "region or by category."
    ),
    "relationships": N_(
        "{name} holds more than {limit} relationships, the most a map may hold; split it by "
        "region or by category."
    ),
    "snapshots": N_(
        "{name} holds more than {limit} snapshots, the most a map may hold; split it by "
        "region or by category."
    ),
    "rows": N_(
        "{name} holds more than {limit} rows, the most a map may hold; split it by region or "
        "by category."
    ),
}
