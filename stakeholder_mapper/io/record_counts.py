"""Count the records of a large file while streaming it, before anything big is built.

Python's JSON reader and ElementTree build the whole document in memory: a project file
of a million stakeholders took 1.8 GB before a single record was checked, and a
million-row CSV or GEXF import about 4 GB. These counters read the file as a stream,
keep nothing but the counts, and stop at the first record beyond
:data:`~stakeholder_mapper.core.limits.MAX_STAKEHOLDERS` or
:data:`~stakeholder_mapper.core.limits.MAX_RELATIONSHIPS`, so that such a file is
refused in one sentence (:func:`~stakeholder_mapper.core.limits.too_many`) within a
second or two and a few megabytes. A file the counters cannot read is left to the full
reader, which names the problem.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import re
from collections.abc import Iterator

from ..core.limits import MAX_RELATIONSHIPS, MAX_STAKEHOLDERS, too_many

__all__ = [
    "STREAM_CHECK_BYTES",
    "csv_rows_beyond",
    "map_file_count_problem",
    "xml_count_problem",
]

#: Project files larger than this are counted as a stream before they are parsed. Python
#: needs at most about 25 bytes of memory per byte of JSON (``{},`` becomes a dict and a
#: list slot), so a smaller file parses within about 1 GB whatever it holds, and its
#: counts are checked on the parsed document instead, at no extra cost.
STREAM_CHECK_BYTES = 32 * 2**20

#: Where the records of a project file sit, as ijson names the path to each record.
_MAP_RECORDS = {
    "stakeholders.item": ("stakeholders", MAX_STAKEHOLDERS),
    "relationships.item": ("relationships", MAX_RELATIONSHIPS),
    "snapshots.item.content.stakeholders.item": ("stakeholders", MAX_STAKEHOLDERS),
    "snapshots.item.content.relationships.item": ("relationships", MAX_RELATIONSHIPS),
}


def map_file_count_problem(data: bytes, name: str) -> str | None:
    """The sentence refusing a project file with too many records, or ``None``.

    The map and each of its snapshots may hold at most :data:`MAX_STAKEHOLDERS`
    stakeholders and :data:`MAX_RELATIONSHIPS` relationships. Files smaller than
    :data:`STREAM_CHECK_BYTES` are not streamed (the loader checks their counts after
    parsing); a file that is not valid JSON is left to the loader's own message.
    """
    if len(data) <= STREAM_CHECK_BYTES:
        return None
    import ijson  # loaded for large files only

    stream = io.BytesIO(data)
    if data.startswith(codecs.BOM_UTF8):
        stream.seek(len(codecs.BOM_UTF8))
    counts = dict.fromkeys(_MAP_RECORDS, 0)
    try:
        for prefix, event, _value in ijson.parse(stream):
            if event != "start_map":
                continue
            if prefix == "snapshots.item":
                for key in counts:
                    if key.startswith("snapshots."):
                        counts[key] = 0
            elif prefix in counts:
                counts[prefix] += 1
                what, limit = _MAP_RECORDS[prefix]
                if counts[prefix] > limit:
                    return too_many(name, what, limit)
    except ijson.JSONError:
        return None
    return None


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time, without copying it whole."""
    return (match.group() for match in re.finditer(r"[^\n]*\n|[^\n]+$", text))


def csv_rows_beyond(text: str, delimiter: str, limit: int) -> bool:
    """Whether a CSV text has more than ``limit`` rows under its header line.

    Rows are counted as the CSV reader splits them (a quoted cell may span lines), blank
    rows left out, and counting stops one row past the limit.
    """
    reader = csv.reader(_lines(text), delimiter=delimiter)
    rows = (row for row in reader if any(cell.strip() for cell in row))
    try:
        return sum(1 for _n in itertools.islice(rows, limit + 2)) > limit + 1
    except csv.Error:  # the table reader names the problem
        return False


class _Stop(Exception):  # noqa: N818 - stops the parser, not an error
    """Raised from a parser callback to stop reading."""


def xml_count_problem(data: bytes, name: str) -> str | None:
    """The sentence refusing a GraphML or GEXF file with too many nodes or edges, or ``None``.

    Start tags are counted by expat without building elements; a document type
    declaration (and so any entity) stops the count at once, and a file that is not
    well-formed is left to the full parse, which refuses it with its own message.
    """
    from xml.parsers import expat

    limits = {
        "node": ("stakeholders", MAX_STAKEHOLDERS),
        "edge": ("relationships", MAX_RELATIONSHIPS),
    }
    counts = dict.fromkeys(limits, 0)
    refusal: list[str] = []

    def start(tag: str, _attributes: object) -> None:
        local = tag.rpartition(" ")[2]
        if local in counts:
            counts[local] += 1
            what, limit = limits[local]
            if counts[local] > limit:
                refusal.append(too_many(name, what, limit))
                raise _Stop

    def refuse_doctype(*_args: object) -> None:
        raise _Stop

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    with contextlib.suppress(_Stop, expat.ExpatError):
        parser.Parse(data, True)
    return refusal[0] if refusal else None
