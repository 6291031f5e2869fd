"""The humanitarian diplomacy engagement plan as a Word document (DESIGN.md §6).

:func:`build_plan` writes the sections chosen in :class:`PlanOptions` into a copy of the
template, from a map redacted for the export level; :func:`write_plan` saves it. Each
section is a module of :mod:`.sections`; :mod:`.writer` writes the Word parts. No Qt.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.exceptions import PackageNotFoundError

from ...core.i18n import _, speaking
from ...core.model import StakeholderMap
from ..errors import PlanError
from ..project import write_atomically
from ..redact import RedactedIds, redact
from ..xml_safe import xml_safe_map
from .context import PlanContext, sheet_candidates
from .facts import gather
from .language import set_document_language
from .options import SECTIONS, PlanOptions
from .sections import SECTION_WRITERS
from .sections.cover import write_running_heads
from .sections.figures import drawing_jobs, start_drawings
from .word import clean_metadata, clear_body, document_bytes, set_document_flags
from .writer import PlanWriter

__all__ = ["PlanError", "build_plan", "write_plan"]

Progress = Callable[[float, str], None]


def _open_template(template: Path) -> DocumentObject:
    if not Path(template).is_file():
        raise PlanError(f"The plan template {template} does not exist.")
    try:
        doc = Document(str(template))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise PlanError(f"The plan template {template} is not a Word .docx file.") from exc
    clear_body(doc)
    return doc


def build_plan(
    smap: StakeholderMap,
    options: PlanOptions | None = None,
    progress: Progress | None = None,
) -> DocumentObject:
    """The engagement plan for ``smap`` as a python-docx document (not yet saved), in
    ``options.language`` (the interface language when not given) whatever language the
    interface speaks."""
    options = options or PlanOptions()
    with speaking(options.language) as code:
        doc = _build(smap, options, progress)
        set_document_language(doc, code)
    return doc


def _build(smap: StakeholderMap, options: PlanOptions, progress: Progress | None) -> DocumentObject:
    smap = xml_safe_map(smap)  # a control character in a text would stop python-docx

    def report(fraction: float, message: str) -> None:
        if progress:
            progress(fraction, message)

    report(0.0, "Preparing the map for the chosen version")
    ids = RedactedIds() if options.level != "full" else None
    shown = redact(smap, options.level, ids)
    omitted = (
        sum(1 for s in smap.stakeholders.values() if s.sensitivity == "confidential")
        if options.level != "full"
        else 0
    )
    doc = _open_template(options.template)
    with drawing_jobs(shown, options) as jobs:
        report(0.05, "Analysing the network")
        facts = gather(
            smap,
            shown,
            options.level,
            ids,
            messengers_for=sheet_candidates(shown, options),
            progress=lambda f: report(0.05 + 0.45 * f, "Analysing the network"),
        )
        writer = PlanWriter(doc)
        plan = PlanContext(facts, options, omitted)
        write_running_heads(writer, plan)
        steps = [s for s in SECTIONS if options.has(s) and s not in plan.left_out()]
        if "figures" in steps:
            start_drawings(plan, jobs)
        for n, section in enumerate(steps):
            report(0.5 + 0.45 * n / max(len(steps), 1), f"Writing {SECTIONS[section].lower()}")
            SECTION_WRITERS[section](writer, plan)
    writer.fill_contents()
    author = smap.info.author if (options.show_author and options.level == "full") else ""
    title = _("Engagement plan — {title}").format(title=shown.info.title)
    clean_metadata(doc, title, _("Humanitarian diplomacy engagement plan"), author)
    set_document_flags(doc)
    report(1.0, "Plan ready")
    return doc


def write_plan(
    smap: StakeholderMap,
    path: str | os.PathLike[str],
    options: PlanOptions | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the engagement plan to ``path`` (atomically) and return the path."""
    target = Path(path)
    if target.suffix.lower() != ".docx":
        raise PlanError(f"The plan must be saved as a .docx file, not {target.name}.")
    doc = build_plan(smap, options, progress)
    write_atomically(target, document_bytes(doc), backup=False)
    return target
