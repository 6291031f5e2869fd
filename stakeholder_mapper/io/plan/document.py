"""The humanitarian diplomacy engagement plan as a Word document (DESIGN.md §6).

:func:`build_plan` writes the sections chosen in :class:`PlanOptions` into a copy of the
template, from a map redacted for the export level; :func:`write_plan` saves it. No Qt.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from ...core.dates import day_month_year, short_date
from ...core.model import ENGAGEMENT_STAGES, MOU_STATUSES, Stakeholder, StakeholderMap
from ...core.wording import counted
from ..errors import PlanError
from ..project import write_atomically
from ..redact import LEVEL_DESCRIPTIONS, RedactedIds, redact
from ..xml_safe import xml_safe_map
from . import figures
from .facts import PRIORITY_RULE, Facts, gather
from .options import LEVEL_NAMES, SECTIONS, PlanOptions
from .priorities import (
    AIIM_STRATEGIES,
    HIGH_FROM,
    NOT_A_TARGET,
    POWERFUL,
    QUADRANTS,
    quadrant,
    suggested_approach,
)
from .word import (
    add_bookmark,
    add_contents_entry,
    add_field,
    add_table,
    clean_metadata,
    clear_body,
    document_bytes,
    landscape_section,
    pick_style,
    portrait_section,
    set_document_flags,
    text_width,
)

__all__ = ["PRINCIPLES", "PlanError", "build_plan", "write_plan"]

Progress = Callable[[float, str], None]

#: What the Principles of Action ask (Council of Delegates, urban community resilience),
#: as far as the plan needs to name them.
PRINCIPLES: dict[int, str] = {
    1: "Act as a trusted connector between communities and city actors",
    2: "Risk assessment, stakeholder mapping and feedback systems adapted to urban communities",
    3: "Connect communities with authorities, private and financial sectors, media and academia",
    4: "Build trust and show results",
    5: "Open volunteering to the most vulnerable",
    6: "Bring youth, civil society and other city actors together",
    7: "Principle of Action 7",
    8: "Principle of Action 8",
    9: "Principle of Action 9",
    10: "Use data, analytics and evidence for decisions",
    11: "Humanitarian diplomacy to influence urban policy and planning; MoUs with city authorities",
    12: "Engage youth",
}

#: How the data-protection notice names the version in a sentence.
LEVEL_WORDS: dict[str, str] = {
    "full": "internal full version",
    "partner": "partner version",
    "public": "public version",
}

#: How the MoU tracker counts agreements in each status.
MOU_WORDS: dict[str, str] = {
    "exploring": "being explored",
    "drafting": "being drafted",
    "signed": "signed",
    "renewal due": "due for renewal",
    "expired": "expired",
}

#: MoU statuses that count as a current agreement.
CURRENT_AGREEMENT = ("signed", "renewal due")

#: Brokers listed in the brokerage table at most.
MAX_BROKERS = 15
#: With more engagement sheets than this the contents list only the main sections.
MAX_SHEETS_IN_CONTENTS = 12
#: Members named per coalition at most.
MAX_MEMBERS = 10


def _date(value: dt.date | None) -> str:
    return day_month_year(value) if value else ""


def _or(value: str, default: str) -> str:
    return value.strip() or default


def _score(value: int | None) -> str:
    if value is None:
        return "unknown"
    return f"{value:+d}" if value else "0"


def _scale(value: int | None) -> str:
    return "unknown" if value is None else str(value)


class _Writer:
    """Writes one plan: keeps the document, the styles found and the page orientation."""

    def __init__(self, doc: DocumentObject, facts: Facts, options: PlanOptions, omitted: int):
        self.doc = doc
        self.facts = facts
        self.smap = facts.smap
        self.options = options
        self.level = options.level
        self.omitted = omitted
        para = WD_STYLE_TYPE.PARAGRAPH
        self.table_style = pick_style(doc, ["Plan Table", "Table Grid"], WD_STYLE_TYPE.TABLE)
        self.cell_style = pick_style(doc, ["Table Text", "Normal"], para)
        self.bullet = pick_style(doc, ["List Bullet", "List Paragraph", "Normal"], para)
        self.caption = pick_style(doc, ["Caption", "Normal"], para)
        self.banner = pick_style(doc, ["Classification", "Intense Quote", "Normal"], para)
        self.title_style = pick_style(doc, ["Title", "Heading 1"], para)
        self.subtitle_style = pick_style(doc, ["Subtitle", "Heading 2", "Normal"], para)
        self.toc_styles = {
            1: pick_style(doc, ["TOC 1", "toc 1", "Normal"], para),
            2: pick_style(doc, ["TOC 2", "toc 2", "Normal"], para),
        }
        self.today = options.date or dt.date.today()
        self.landscape = False
        self.toc_paragraph: Paragraph | None = None
        self.toc_depth = 2
        self.toc_tab = 0.0
        self.figure_number = 0
        self.headings: list[tuple[int, str]] = []
        self.style_ids: dict[str, str] = {}

    # -- building blocks -----------------------------------------------------------------
    def heading(self, text: str, level: int = 1, new_page: bool = False) -> None:
        paragraph = self.new_paragraph(f"Heading {level}")
        paragraph.add_run(text)
        paragraph.paragraph_format.page_break_before = new_page or None
        number = len(self.headings) + 1
        add_bookmark(paragraph, f"_Toc_plan_{number}", number)
        self.headings.append((level, text))

    def style_id(self, name: str) -> str:
        """The id of the style called ``name``, looked up once per name."""
        if name not in self.style_ids:
            self.style_ids[name] = self.doc.styles[name].style_id
        return self.style_ids[name]

    def new_paragraph(self, style: str | None = None) -> Paragraph:
        """An empty paragraph at the end of the body, in ``style``.

        python-docx resolves a style name on every paragraph it adds (about a millisecond
        each), which took a fifth of the time of a 300-stakeholder plan; the id is cached.
        """
        paragraph = self.doc.add_paragraph()
        if style is not None:
            paragraph._p.style = self.style_id(style)
        return paragraph

    def para(self, text: str = "", style: str | None = None, bold_lead: str = "") -> None:
        p = self.new_paragraph(style)
        if bold_lead:
            p.add_run(bold_lead).bold = True
        if text:
            p.add_run(text)

    def bullets(self, items: Sequence[str]) -> None:
        for item in items:
            self.new_paragraph(self.bullet).add_run(item)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        weights: Sequence[float],
        header_row: bool = True,
        first_column: bool = False,
        keep_together: bool = False,
    ) -> None:
        previous = self.last_paragraph()
        if previous is not None:
            # The sentence that introduces a table stays on the table's page.
            previous.paragraph_format.keep_with_next = True
        width = text_width(self.doc)
        total = sum(weights)
        widths = [width * w / total for w in weights]
        add_table(
            self.doc,
            header,
            rows,
            widths,
            self.table_style,
            self.cell_style,
            header_row=header_row,
            first_column=first_column,
            keep_together=keep_together,
        )
        if not keep_together:
            self.doc.add_paragraph()

    def figure(self, png: bytes, caption: str, width_fraction: float = 1.0) -> None:
        self.figure_number += 1
        self.doc.add_picture(io.BytesIO(png), width=Cm(text_width(self.doc) * width_fraction))
        picture = self.last_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        self.para(f"Figure {self.figure_number}. {caption}", self.caption)

    def last_paragraph(self) -> Paragraph | None:
        """The paragraph just written, if the body ends with one (without listing them all)."""
        body = self.doc.element.body
        children = [c for c in body[-2:] if c.tag == qn("w:p")]
        return Paragraph(children[-1], self.doc._body) if children else None

    def set_landscape(self, landscape: bool) -> None:
        if landscape == self.landscape:
            return
        (landscape_section if landscape else portrait_section)(self.doc)
        self.landscape = landscape

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def stakeholder(self, sid: str) -> Stakeholder:
        return self.smap.stakeholders[sid]

    def left_out(self) -> tuple[str, ...]:
        """Sections this version leaves out whole: in the public version, those about
        single stakeholders, the risks (which would only repeat a key finding) and the
        progress section while there is no snapshot to compare (it would hold only an
        instruction to the branch)."""
        left = _left_out(self.level)
        if self.level == "public":
            left += ("risks",) + (("monitoring",) if self.facts.changes is None else ())
        return left

    @property
    def per_actor(self) -> bool:
        """Whether this level may show rows about single stakeholders."""
        return self.level != "public"

    # -- classification, header and footer --------------------------------------------
    def classification(self) -> str:
        if self.level == "public":
            return "PUBLIC"
        if self.level == "partner":
            return "RESTRICTED — for the partners it is addressed to; do not publish"
        confidential = any(s.sensitivity == "confidential" for s in self.smap.stakeholders.values())
        mark = "CONFIDENTIAL" if confidential else "INTERNAL"
        return f"{mark} — internal use only; contains personal data"

    def header_footer(self) -> None:
        section = self.doc.sections[0]
        header = section.header.paragraphs[-1] if section.header.paragraphs else None
        if header is None or header.text.strip():
            header = section.header.add_paragraph()
        header.style = pick_style(self.doc, ["Header", "Normal"], WD_STYLE_TYPE.PARAGRAPH)
        header.add_run(self.classification()).bold = True
        header.add_run(f"   ·   {self.smap.info.title}")
        footer = section.footer.paragraphs[-1] if section.footer.paragraphs else None
        if footer is None or footer.text.strip():
            footer = section.footer.add_paragraph()
        footer.style = pick_style(self.doc, ["Footer", "Normal"], WD_STYLE_TYPE.PARAGRAPH)
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(f"{LEVEL_NAMES[self.level]}   ·   Page ")
        add_field(footer, "PAGE", "1")
        footer.add_run(" of ")
        add_field(footer, "NUMPAGES", "1")

    # -- sections ------------------------------------------------------------------------
    def cover(self) -> None:
        info = self.smap.info
        for _ in range(3):
            self.doc.add_paragraph()
        self.para(self.classification(), self.banner)
        self.doc.add_paragraph()
        self.para("Humanitarian diplomacy engagement plan", self.title_style)
        self.para(info.title, self.subtitle_style)
        self.doc.add_paragraph()
        author = info.author if (self.options.show_author and self.level == "full") else ""
        rows = [
            ("City", _or(info.city, "not recorded")),
            ("Branch", _or(info.branch, "not recorded")),
            ("Date of the map", _date(info.date) or "not recorded"),
            ("Plan generated", _date(self.today)),
            *([("Prepared by", author)] if author.strip() else []),
            ("Version", LEVEL_NAMES[self.level]),
        ]
        self.table([], rows, [1, 3], header_row=False, first_column=True)
        self.para(
            "This document was generated from the stakeholder map with Stakeholder Mapper. "
            "It is a working document: check the readings against what you know before "
            "acting on them.",
            self.caption,
        )
        self.page_break()

    def contents(self) -> None:
        p = self.doc.add_paragraph()
        p.add_run("Contents").bold = True
        self.toc_paragraph = p
        # Sheets are listed when there are few; otherwise (or without sheets, as in the
        # public version) the main sections only.
        with_sheets = self.options.has("sheets") and "sheets" not in self.left_out()
        few = 0 < len(self.sheet_ids()) <= MAX_SHEETS_IN_CONTENTS
        self.toc_depth = 2 if with_sheets and few else 1
        self.toc_tab = text_width(self.doc)
        self.page_break()

    def fill_contents(self) -> None:
        """List the headings written, each with its page number as a field that Word and
        LibreOffice fill in when they open the file."""
        if self.toc_paragraph is None:
            return
        previous = self.toc_paragraph
        for number, (level, text) in enumerate(self.headings, start=1):
            if level > self.toc_depth:
                continue
            new = OxmlElement("w:p")
            previous._p.addnext(new)
            paragraph = Paragraph(new, previous._parent)
            if self.toc_styles[level] is not None:
                paragraph._p.style = self.style_id(self.toc_styles[level])
            # Indented directly too: a custom template may lack the TOC styles.
            paragraph.paragraph_format.left_indent = Cm(0.6 * (level - 1))
            add_contents_entry(paragraph, text, f"_Toc_plan_{number}", self.toc_tab)
            previous = paragraph

    def our_side(self) -> str:
        """Who carries out the plan, as the subject of a sentence ("the Marenza Red
        Crescent branch")."""
        name = self.smap.info.branch.strip()
        if not name:
            return "the branch"
        return name if name.casefold().startswith("the ") else f"the {name}"

    def summary(self) -> None:
        self.heading(SECTIONS["summary"])
        smap, facts = self.smap, self.facts
        counts = Counter(facts.quadrants[sid] for sid in facts.targets)
        place = f" in {smap.info.city}" if smap.info.city else ""
        noun = "other stakeholder" if facts.branch is not None else "stakeholder"
        close, satisfied = counts["Manage closely"], counts["Keep satisfied"]
        self.para(
            f"This plan sets out how {self.our_side()} will engage the "
            f"{counted(len(facts.targets), noun)} mapped"
            f"{place}, linked by {counted(len(smap.relationships), 'relationship')}. "
            f"Of these, {close or 'none'} {'is' if close == 1 else 'are'} rated high on both "
            f"power and interest and need{'s' if close == 1 else ''} close management; "
            f"{satisfied or 'none'} {'is' if satisfied == 1 else 'are'} rated high on power "
            "only and must be kept satisfied."
        )
        if self.omitted:
            self.para(
                f"{counted(self.omitted, 'stakeholder')} marked confidential "
                f"{_are(self.omitted)} left out of this version."
            )
        self.heading("Key findings", 2)
        if self.per_actor:
            findings = facts.findings or [
                "No findings yet: add relationships to the map to reveal brokers and coalitions."
            ]
        else:
            findings = self.public_findings()
        self.bullets(findings)
        if self.per_actor:
            top = [sid for sid in facts.targets if facts.quadrants[sid] == "Manage closely"][:5]
            self.heading("First priorities", 2)
            if top:
                self.bullets([self.priority_line(sid) for sid in top])
            else:
                self.para(
                    "No stakeholder is rated high on both power and interest yet: rate power "
                    "and interest on the map to set priorities."
                )
        if self.level == "full":
            decisions = self.decisions()
            if decisions:
                self.heading("Decisions requested", 2)
                self.bullets(decisions)

    def decisions(self) -> list[str]:
        """What the director is asked to decide, read from the map: agreements being
        drafted or due for renewal, priority stakeholders without a focal point, and
        overdue actions (internal version only: it names focal points and owners)."""
        facts = self.facts

        def named(ids: Sequence[str], most: int = 5) -> str:
            names = [facts.label(sid) for sid in ids[:most]]
            if len(ids) > most:
                names.append(f"{len(ids) - most} more")
            return _names(names)

        def with_status(status: str) -> list[str]:
            return [
                sid
                for sid in facts.targets
                if self.stakeholder(sid).engagement.mou_status == status
            ]

        found = []
        if drafting := with_status("drafting"):
            found.append(f"Approve the approach to the MoU being drafted with {named(drafting)}.")
        if renewal := with_status("renewal due"):
            found.append(f"Agree to renew the agreement with {named(renewal)}.")
        unowned = [
            sid
            for sid in facts.targets
            if facts.quadrants[sid] in PRIORITY_QUADRANTS
            and not (self.stakeholder(sid).engagement.owner or self.stakeholder(sid).focal_point)
        ]
        if unowned:
            found.append(
                f"Assign a focal point to the {counted(len(unowned), 'priority stakeholder')} "
                f"without one: {named(unowned)}."
            )
        overdue = [
            sid
            for sid in facts.targets
            if (e := self.stakeholder(sid).engagement).next_action.strip()
            and e.due_date
            and e.due_date < self.today
        ]
        if overdue:
            found.append(
                f"Follow up the {counted(len(overdue), 'overdue action')}, with {named(overdue)}."
            )
        return found

    def priority_line(self, sid: str) -> str:
        """One first priority: who, and through whom. A messenger recorded on the map comes
        first; the map's suggestion follows, each named as what it is."""
        facts = self.facts
        recorded = self.recorded_messenger(sid)
        messenger = facts.messengers.get(sid)
        suggested = messenger.short if messenger else ""
        parts = [f"recorded messenger: {recorded}"] if recorded else []
        parts += [suggested] if suggested else []
        return f"{facts.label(sid)} — {'; '.join(parts) or 'no messenger recorded or found'}."

    def recorded_messenger(self, sid: str) -> str:
        """The messenger recorded on the map (internal version only: it may name people)."""
        if self.level != "full":
            return ""
        return self.stakeholder(sid).engagement.messenger.strip()

    def public_findings(self) -> list[str]:
        smap, facts = self.smap, self.facts
        cats = Counter(facts.category(sid) for sid in smap.stakeholders)
        communities = facts.metrics["community"].dropna().nunique() if len(facts.metrics) else 0
        cut = 0
        if "articulation_point" in facts.metrics.columns:
            cut = int(facts.metrics["articulation_point"].fillna(False).astype(bool).sum())
        items = [
            f"The map covers {len(smap.stakeholders)} stakeholders in {len(cats)} categories; "
            f"the largest groups are "
            + ", ".join(f"{name.lower()} ({n})" for name, n in cats.most_common(3))
            + ".",
            f"The network falls into {communities} coalitions (groups that are more tied to "
            "each other than to the rest).",
        ]
        if cut:
            points = "a single point" if cut == 1 else "single points"
            items.append(
                f"{_sentence_count(cut)} {points} of failure: without "
                f"{'it' if cut == 1 else 'any one of them'}, part of the network would lose "
                "its link to the rest."
            )
        return items

    def purpose(self) -> None:
        self.heading(SECTIONS["purpose"])
        self.para(
            _or(
                self.smap.info.purpose,
                "No purpose recorded yet: describe the change this engagement seeks in the "
                "map's properties.",
            )
        )
        if not self.per_actor:
            return
        objectives = [
            f"{self.facts.label(sid)}: {s.engagement.objective.strip()}"
            for sid in self.facts.targets
            if (s := self.stakeholder(sid)).engagement.objective.strip()
        ]
        self.heading("Objectives with key stakeholders", 2)
        if objectives:
            self.bullets(objectives)
        elif self.level != "full" and self.facts.original_has("objective"):
            self.para("The objectives recorded by the branch are not shared in this version.")
        else:
            self.para("No objectives recorded yet: add them on each stakeholder's engagement tab.")

    def context(self) -> None:
        self.heading(SECTIONS["context"])
        info = self.smap.info
        city = info.city or "the city"
        self.para(
            f"The Movement's Principles of Action for strengthening urban community resilience "
            f"ask National Societies and their city branches to act as trusted connectors, to "
            f"map stakeholders, to use evidence and to practise humanitarian diplomacy with "
            f"city authorities. This plan applies them in {city}."
        )
        if not self.per_actor:
            # The public version keeps no principles: they would describe single actors.
            return
        linked: dict[int, list[str]] = {}
        for sid in self.facts.targets:
            for principle in self.stakeholder(sid).principles:
                linked.setdefault(principle, []).append(self.facts.label(sid))
        rows = []
        for number in sorted(linked):
            names = linked[number]
            shown = ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
            rows.append((str(number), PRINCIPLES[number], shown))
        if rows:
            self.para("The principles the mapped stakeholders relate to:")
            self.table(
                ["No.", "The principle asks us to", "Stakeholders it concerns"], rows, [1, 6, 6]
            )
        else:
            self.para(
                "No stakeholder is linked to a principle yet: tick the principles each "
                "stakeholder relates to on the map."
            )

    def figures(self) -> None:
        public = self.level == "public"
        # The network drawing gets a landscape page of its own, so names can be read.
        self.set_landscape(not public)
        self.heading(SECTIONS["figures"], new_page=True)
        smap, dpi = self.smap, self.options.dpi
        if public:
            self.para(
                "The network drawing is left out of the public version: it would identify "
                "single actors. The grid shows how many stakeholders sit in each cell."
            )
            branch = self.facts.branch
            self.figure(
                figures.quadrant_counts_png(smap, dpi=dpi, leave_out={branch} - {None}),
                "Number of stakeholders by power and interest"
                + (" (our branch left out, as in the priority counts)." if branch else "."),
                0.8,
            )
            return
        ties = (
            "dashed lines are negative ties such as conflict or distrust"
            if self.level == "full"
            else "conflict and distrust are not shown in this version"
        )
        self.para(
            "Each shape is a stakeholder (colour and shape show the category, size its power); "
            f"lines are relationships, arrows point from source to target and {ties}. Our "
            "branch is circled."
        )
        numbers = self.facts.numbers
        self.figure(
            figures.network_png(smap, numbers, highlight=self.facts.branch, dpi=dpi),
            f"The stakeholder network of {smap.info.city or 'the city'}. Where a name would "
            "cover another, the stakeholder's number in the priority table is shown instead.",
        )
        self.set_landscape(False)
        unrated = sum(1 for q in self.facts.quadrants.values() if q == "Not yet rated")
        caption = (
            "Power–interest grid (Mendelow); numbers as in the priority table. Points "
            "sharing a rating are spread slightly so each can be seen."
        )
        if unrated:
            caption += (
                f" {counted(unrated, 'stakeholder')} not yet rated {_are(unrated)} not shown."
            )
        self.figure(figures.power_interest_png(smap, numbers, dpi=dpi), caption)

    def priority(self) -> None:
        self.set_landscape(True)
        self.heading(SECTIONS["priority"])
        facts = self.facts
        aiim_note = (
            "; the strategy follows the Alignment, Interest and Influence Matrix (AIIM), "
            "explained in the annex"
            if self.level == "full"
            else ""
        )
        branch_note = ""
        if facts.branch is not None:
            branch_note = (
                f" {_capital(self.our_side())} is listed last, marked “{NOT_A_TARGET}”: it "
                "carries out the plan and is not a stakeholder to engage."
                if self.per_actor
                else " The counts leave out our own branch, which carries out the plan."
            )
        lead = (
            "Stakeholders in priority order (the rule is in the annex)."
            if self.per_actor
            else "Number of stakeholders by category and quadrant."
        )
        self.para(
            f"{lead} The quadrant follows Mendelow's power–interest "
            f"grid (high = {HIGH_FROM} or more on 1–5){aiim_note}.{branch_note}"
        )
        if not self.per_actor:
            categories = sorted({facts.category(s) for s in facts.targets})
            rows = []
            for name in categories:
                members = [s for s in facts.targets if facts.category(s) == name]
                counts = Counter(facts.quadrants[s] for s in members)
                rows.append([name, *(str(counts[q]) for q in QUADRANTS), str(len(members))])
            self.table(["Category", *QUADRANTS, "Total"], rows, [4, 2, 2, 2, 2, 2, 1.5])
            return
        rows = []
        for sid in facts.ranked:
            s = self.stakeholder(sid)
            reading = facts.readings.get(sid)
            row = [
                str(facts.numbers[sid]),
                s.label,
                facts.category(sid),
                _scale(s.power),
                _scale(s.interest),
                facts.quadrants[sid],
            ]
            if self.level == "full":
                row += [_score(s.position), _score(s.trust), facts.strategies[sid]]
            row.append(reading.role if reading else "")
            rows.append(row)
        if self.level == "full":
            header = [
                "No.",
                "Stakeholder",
                "Category",
                "Power",
                "Interest",
                "Quadrant",
                "Position",
                "Trust",
                "AIIM strategy",
                "Network role",
            ]
            weights = [0.8, 4.4, 3, 1.3, 1.5, 2.4, 1.7, 1.7, 3.6, 2.6]
        else:
            header = [
                "No.",
                "Stakeholder",
                "Category",
                "Power",
                "Interest",
                "Quadrant",
                "Network role",
            ]
            weights = [0.9, 6, 4, 1.4, 1.5, 2.8, 2.8]
        self.table(header, rows, weights)

    def brokerage(self) -> None:
        self.set_landscape(True)
        self.heading(SECTIONS["brokerage"])
        facts = self.facts
        self.para(
            "Brokers sit on the most trusted routes between others and connect groups that "
            "are not otherwise tied. Betweenness is the share of most-trusted routes between "
            "two others that pass through the stakeholder; brokerage counts the "
            "Gould–Fernandez roles it plays between categories."
        )
        scored = [
            sid
            for sid in facts.ranked
            if (facts.number(sid, "betweenness") or 0) > 0
            or (facts.number(sid, "gf_total") or 0) > 0
        ]
        scored.sort(key=lambda sid: -(facts.number(sid, "betweenness") or 0))
        if not scored:
            self.para("No brokers yet: the map has no routes that pass through a stakeholder.")
            return
        if not self.per_actor:
            strongest = max(facts.number(s, "betweenness") or 0 for s in scored)
            self.para(
                f"{counted(len(scored), 'stakeholder')} broker between others; the strongest "
                f"lies on {strongest:.0%} of the most trusted routes between two others."
            )
            return
        shown = min(len(scored), MAX_BROKERS)
        ours = " (our branch included)" if self.facts.branch in scored else ""
        self.para(
            f"The {shown} strongest, by betweenness, of the {len(scored)} stakeholders that "
            f"broker between others{ours}:"
            if len(scored) > MAX_BROKERS
            else f"{counted(len(scored), 'broker')}{ours}, by betweenness:"
        )
        rows = []
        for sid in scored[:MAX_BROKERS]:
            reading = facts.readings.get(sid)
            rows.append(
                [
                    facts.label(sid),
                    facts.category(sid),
                    reading.role if reading else "",
                    f"{facts.number(sid, 'betweenness') or 0:.3f}",
                    f"{facts.number(sid, 'gf_total') or 0:.0f}",
                    reading.sentence if reading else "",
                ]
            )
        self.table(
            ["Stakeholder", "Category", "Role", "Betweenness", "Brokerage", "Reading"],
            rows,
            [4.5, 3, 2.6, 2.4, 2.1, 9],
        )

    def sheet_ids(self) -> list[str]:
        """The stakeholders that get an engagement sheet: every target when all were asked
        for, otherwise those with engagement details recorded."""
        facts = self.facts
        if self.options.sheets_for == "all":
            return list(facts.targets)
        return [sid for sid in facts.targets if _has_engagement(self.stakeholder(sid))]

    def unplanned_ids(self) -> list[str]:
        """Priority stakeholders (manage closely, keep satisfied) with nothing recorded
        yet: one row each in "Engagement still to plan" instead of an empty sheet."""
        if self.options.sheets_for == "all":
            return []
        return [
            sid
            for sid in self.facts.targets
            if self.facts.quadrants[sid] in PRIORITY_QUADRANTS
            and not _has_engagement(self.stakeholder(sid))
        ]

    def sheets(self) -> None:
        self.set_landscape(False)
        self.heading(SECTIONS["sheets"])
        ids, unplanned = self.sheet_ids(), self.unplanned_ids()
        if self.options.sheets_for == "all":
            scope = (
                f"One sheet for each of the {counted(len(ids), 'stakeholder')} but our own branch."
            )
        else:
            scope = (
                f"One sheet for each of the {counted(len(ids), 'stakeholder')} with engagement "
                "details recorded"
                + (
                    f"; the {len(unplanned)} other priority stakeholders (manage closely or "
                    "keep satisfied) are listed after the sheets as engagement still to plan."
                    if unplanned
                    else "."
                )
            )
        if self.level == "full":
            how = (
                "Fields left empty on the map say so; the approach and messenger are suggested "
                "from the map when none was recorded."
            )
        else:
            how = (
                "This version does not share, for any stakeholder, what the branch wants from "
                "it (objective, desired change, ask, progress markers), nor the approach, "
                "recorded messenger, focal point, engagement stage or risks: the approach and "
                "messenger shown are the map's suggestions."
            )
        self.para(f"{scope} {how}")
        for sid in ids:
            self.sheet(sid)
        if unplanned:
            self.still_to_plan(unplanned)

    def still_to_plan(self, ids: list[str]) -> None:
        """One compact table for the priority stakeholders with nothing recorded yet."""
        facts = self.facts
        self.heading("Engagement still to plan", 2)
        if self.level == "full":
            self.para(
                "No objective, ask or next action is recorded yet for these priority "
                "stakeholders. Agree a first contact and a focal point for each, then record "
                "the engagement on the map to give them a sheet in the next plan."
            )
        else:
            # This version never shows objectives or asks: it cannot say none is recorded.
            self.para(
                "None of what this version shares of an engagement (key messages, next "
                "action, MoU status) is recorded yet for these priority stakeholders; the "
                "map suggests a first contact for each."
            )
        rows = []
        for sid in ids:
            messenger = facts.messengers.get(sid)
            contact = (messenger.contact if messenger else "") or "no trusted route yet"
            row = [facts.label(sid), facts.quadrants[sid]]
            if self.level == "full":
                row.append(facts.strategies[sid])
            row.append(_capital(contact))
            if self.level == "full":
                s = self.stakeholder(sid)
                row.append(_or(s.engagement.owner or s.focal_point, "none yet"))
            rows.append(row)
        if self.level == "full":
            header = [
                "Stakeholder",
                "Quadrant",
                "Strategy",
                "Suggested first contact",
                "Focal point",
            ]
            weights = [4.2, 2.5, 2.9, 4.6, 2.4]
        else:
            header = ["Stakeholder", "Quadrant", "Suggested first contact"]
            weights = [5, 3, 6]
        self.table(header, rows, weights)

    def sheet(self, sid: str) -> None:
        facts, s = self.facts, self.stakeholder(sid)
        e = s.engagement
        self.heading(s.label, 2)
        line = f"{facts.category(sid)} · {facts.quadrants[sid]}"
        if self.level == "full":
            line += f" · AIIM: {facts.strategies[sid].lower()}"
        reading = facts.readings.get(sid)
        if reading:
            line += f" · network role: {reading.role.lower()}"
        self.para(line, self.caption)
        messenger = facts.messengers.get(sid)
        suggested = messenger.sentence if messenger else ""
        recorded_messenger = self.recorded_messenger(sid)
        markers = "\n".join(
            f"{name}: {text.strip()}"
            for name, text in (
                ("Expect to see", e.expect_to_see),
                ("Like to see", e.like_to_see),
                ("Love to see", e.love_to_see),
            )
            if text.strip()
        )
        # Secondary fields get a row when filled and are listed together when empty, so
        # that a sheet fits on half a page.
        optional = {
            "Desired change": e.desired_change.strip(),
            "Key messages": e.key_messages.strip(),
            "Channel": e.channel.strip(),
            "Timing window": e.timing_window.strip(),
            "Progress markers": markers,
            "Risks": e.risks.strip(),
        }
        if self.level != "full":
            # Held back by the export level for every stakeholder, not missing: never
            # listed as "not recorded".
            del optional["Desired change"], optional["Progress markers"], optional["Risks"]
        if self.level == "full":
            basis = "its strategy, stage and quadrant, as none was recorded"
        else:
            basis = "its quadrant"
        approach = e.approach.strip() or (
            suggested_approach(
                facts.strategies[sid],
                e.stage,
                facts.quadrants[sid],
                distrustful=s.trust is not None and s.trust < 0,
            )
            + f" Suggested for {basis}."
        )
        messenger_text = (
            f"{recorded_messenger} (recorded on the map)\nSuggested by the map: {suggested}"
            if recorded_messenger
            else f"Suggested by the map: {suggested}"
        )
        next_action = _or(e.next_action, "No next action recorded yet.")
        if e.due_date:
            stop = "" if next_action.endswith((".", "!", "?")) else "."
            next_action += f"{stop} Due {_date(e.due_date)}."
        status = f"MoU: {e.mou_status}"
        if self.level == "full":
            status = f"Engagement stage: {e.stage or 'not assessed yet'} · {status}"
        owner = None
        if self.level == "full":
            owner = ("Our focal point", _or(e.owner or s.focal_point, "No focal point yet."))
        # Below Full what we want from a stakeholder is withheld for all alike: no row.
        wanted = self.level == "full"
        sequence = [
            wanted and ("Objective", _or(e.objective, "No objective recorded yet.")),
            wanted and ("The ask", _or(e.ask, "No ask recorded yet.")),
            ("Desired change", optional.get("Desired change", "")),
            ("Key messages", optional["Key messages"]),
            ("Approach", approach),
            ("Messenger", messenger_text),
            ("Channel", optional["Channel"]),
            ("Timing window", optional["Timing window"]),
            owner,
            ("Next action", next_action),
            ("Status", status),
            ("Progress markers", optional.get("Progress markers", "")),
            ("Risks", optional.get("Risks", "")),
        ]
        rows = [row for row in sequence if row and row[1]]
        principles = ", ".join(str(p) for p in s.principles) or "None linked yet."
        rows.append(("Principles of Action served", principles))
        if self.level == "full":
            rows.append(("Position / trust", f"{_score(s.position)} / {_score(s.trust)}"))
            if s.person or s.contact:
                rows.append(("Contact person", "\n".join(v for v in (s.person, s.contact) if v)))
        if reading:
            rows.append(("What the network says", reading.sentence))
        missing = [name.lower() for name, value in optional.items() if not value]
        if missing:
            rows.append(("Not recorded yet", ", ".join(missing).capitalize() + "."))
        self.table([], rows, [2, 5], header_row=False, first_column=True, keep_together=True)

    def coalitions(self) -> None:
        self.set_landscape(False)
        self.heading(SECTIONS["coalitions"])
        facts = self.facts
        self.para(
            "Coalitions are groups of stakeholders more tied to each other than to the rest "
            "(community detection, seeded so the result is the same each time). Bridges are "
            "the stakeholders with ties into other coalitions: they are how a message or an "
            "alliance crosses from one group to another."
        )
        groups: dict[int, list[str]] = {}
        for sid in facts.ranked:
            number = facts.number(sid, "community")
            if number is not None:
                groups.setdefault(int(number), []).append(sid)
        if not groups:
            self.para("No coalitions yet: the map has no relationships.")
            return
        rows = []
        for number in sorted(groups):
            members = groups[number]
            cats = Counter(facts.category(s) for s in members).most_common(3)
            row = [str(number), str(len(members)), ", ".join(f"{c} ({n})" for c, n in cats)]
            if self.per_actor:
                named = ", ".join(facts.label(s) for s in members[:MAX_MEMBERS])
                if len(members) > MAX_MEMBERS:
                    named += f" and {len(members) - MAX_MEMBERS} more"
                row.append(named)
            rows.append(row)
        if self.per_actor:
            self.table(["Coalition", "Size", "Main categories", "Members"], rows, [1.6, 1, 4, 8])
        else:
            self.table(["Coalition", "Size", "Main categories"], rows, [1.6, 1, 6])
        reached = self.coalitions_reached()
        cut = {sid for sid in facts.ranked if facts.number(sid, "articulation_point")}
        bridges = [sid for sid in facts.ranked if reached.get(sid) or sid in cut]
        # Single points of failure first (they are the weakest links), then by reach.
        bridges.sort(key=lambda sid: (sid not in cut, -len(reached.get(sid, ()))))
        self.heading("Bridges between coalitions", 2)
        if not bridges:
            self.para("No stakeholder links two coalitions yet.")
            return
        if not self.per_actor:
            self.para(
                f"{counted(len(bridges), 'stakeholder')} "
                f"{'has' if len(bridges) == 1 else 'have'} ties into another coalition"
                + (
                    f"; {len(cut)} of them {_are(len(cut))} the only link for a group."
                    if cut
                    else "."
                )
            )
            return
        shown = [sid for sid in bridges if sid in cut]
        shown += [sid for sid in bridges if sid not in cut][: max(MAX_BROKERS - len(shown), 0)]
        intro = "Stakeholders with ties into other coalitions, single points of failure first" + (
            f"; the {len(shown)} that reach most of {len(bridges)}:"
            if len(shown) < len(bridges)
            else ":"
        )
        self.para(intro)
        rows = [
            [
                facts.label(sid),
                str(int(facts.number(sid, "community") or 0)),
                ", ".join(str(n) for n in reached.get(sid, ())) or "—",
                "yes" if sid in cut else "no",
            ]
            for sid in shown
        ]
        self.table(
            ["Stakeholder", "Own coalition", "Coalitions reached", "Single point of failure"],
            rows,
            [7.4, 2.8, 3.2, 3.2],
        )
        for sid in shown:
            reading = facts.readings.get(sid)
            if sid in cut and reading:
                self.para(reading.sentence, bold_lead=f"{facts.label(sid)}: ")

    def coalitions_reached(self) -> dict[str, tuple[int, ...]]:
        """For each stakeholder, the other coalitions it has a positive tie into (either
        direction), as the metrics count them."""
        facts = self.facts
        found: dict[str, set[int]] = {}
        for r in self.smap.relationships.values():
            if r.valence == "negative":
                continue
            ends = (facts.number(r.source, "community"), facts.number(r.target, "community"))
            if None in ends or ends[0] == ends[1]:
                continue
            found.setdefault(r.source, set()).add(int(ends[1]))
            found.setdefault(r.target, set()).add(int(ends[0]))
        return {sid: tuple(sorted(numbers)) for sid, numbers in found.items()}

    def mou(self) -> None:
        self.set_landscape(False)
        self.heading(SECTIONS["mou"])
        facts, targets = self.facts, self.facts.targets
        by_status: dict[str, list[str]] = {}
        for sid in targets:
            by_status.setdefault(self.stakeholder(sid).engagement.mou_status, []).append(sid)
        recorded = sum(len(by_status.get(status, [])) for status in MOU_WORDS)
        if recorded:
            # Counted per stakeholder: one agreement is often recorded on several offices.
            parts = [
                f"{MOU_WORDS[status]} with {_names([facts.label(s) for s in by_status[status]])}"
                for status in MOU_STATUSES
                if by_status.get(status) and status in MOU_WORDS
            ]
            self.para(
                f"MoU status recorded on {counted(recorded, 'stakeholder')}: "
                + "; ".join(parts)
                + "."
            )
        city_authorities = [
            sid
            for sid in targets
            if self.stakeholder(sid).category == "municipal"
            and self.stakeholder(sid).engagement.mou_status not in CURRENT_AGREEMENT
        ]
        if city_authorities:
            self.para(
                "City authorities without a signed, current agreement (Principle 11 asks "
                "for MoUs that set out our auxiliary role): "
                + _names(
                    [
                        facts.label(sid)
                        + (
                            f" ({MOU_WORDS[status]})"
                            if (status := self.stakeholder(sid).engagement.mou_status) in MOU_WORDS
                            else ""
                        )
                        for sid in city_authorities
                    ]
                )
                + "."
            )
        order = {status: i for i, status in enumerate(MOU_STATUSES)}
        tracked = sorted(
            (sid for sid in targets if self.stakeholder(sid).engagement.mou_status != "none"),
            key=lambda sid: (
                self.stakeholder(sid).engagement.due_date or dt.date.max,
                order[self.stakeholder(sid).engagement.mou_status],
            ),
        )
        if tracked:
            rows = []
            for sid in tracked:
                e = self.stakeholder(sid).engagement
                rows.append(
                    [
                        facts.label(sid),
                        e.mou_status,
                        _or(e.next_action, "No next action recorded yet."),
                        self.due(e.due_date),
                    ]
                )
            self.table(["Stakeholder", "Status", "Next step", "Due"], rows, [4.6, 2.2, 6.4, 3.4])
        else:
            self.para("No agreement recorded yet: the MoU status is 'none' for every stakeholder.")

    def due(self, date: dt.date | None) -> str:
        """A due date for a table cell, marked when it is before the plan's date."""
        if date is None:
            return "no date"
        short = short_date(date)  # "12 Nov 2026": narrow columns, fewer lines
        return f"{short} (overdue)" if date < self.today else short

    def actions(self) -> None:
        self.set_landscape(True)
        self.heading(SECTIONS["actions"])
        facts = self.facts
        planned = [
            sid for sid in facts.targets if self.stakeholder(sid).engagement.next_action.strip()
        ]
        planned.sort(
            key=lambda sid: (
                self.stakeholder(sid).engagement.due_date or dt.date.max,
                facts.ranked.index(sid),
            )
        )
        without = [
            sid
            for sid in facts.targets
            if facts.quadrants[sid] == "Manage closely"
            and not self.stakeholder(sid).engagement.next_action.strip()
        ]
        listed = self.options.has("sheets") and set(without) <= set(self.unplanned_ids())
        if without and listed:
            # Kept short: the table fills the landscape page.
            missing = (
                f"None yet for the {len(without)} to manage closely in “Engagement still to plan”."
            )
        elif without:
            missing = (
                f"No next action is recorded yet for {counted(len(without), 'stakeholder')} to "
                f"manage closely: {_names([facts.label(s) for s in without])}. Agree one "
                "with each."
            )
        else:
            missing = ""
        if not planned:
            self.para(
                "No actions recorded yet: add a next action on each stakeholder's sheet."
                + (f" {missing}" if missing else "")
            )
            return
        overdue = sum(
            1
            for sid in planned
            if (due := self.stakeholder(sid).engagement.due_date) and due < self.today
        )
        intro = f"{counted(len(planned), 'action')} by due date"
        if overdue:
            # Overdue: due before the plan's date, on the cover.
            intro += f", {overdue} of them overdue"
        # The stakeholders without an action are named before the table, where a short
        # paragraph cannot be left alone on a landscape page after it.
        self.para(intro + "." + (f" {missing}" if missing else ""))
        rows = []
        for sid in planned:
            s = self.stakeholder(sid)
            e = s.engagement
            row = [e.next_action.strip(), s.label]
            if self.level == "full":
                row.append(_or(e.owner or s.focal_point, "no owner yet"))
            row += [
                self.due(e.due_date),
                (e.stage or "not assessed") if self.level == "full" else e.mou_status,
                ", ".join(str(p) for p in s.principles) or "—",
            ]
            rows.append(row)
        if self.level == "full":
            header = ["Action", "Stakeholder", "Owner", "Due", "Stage", "Principles"]
            weights = [7.4, 5.0, 3.9, 3.9, 1.9, 1.9]
        else:
            header = ["Action", "Stakeholder", "Due", "MoU status", "Principles"]
            weights = [8.2, 5.2, 3.9, 2.4, 1.9]
        self.table(header, rows, weights)

    def risks(self) -> None:
        self.set_landscape(False)
        self.heading(SECTIONS["risks"])
        facts = self.facts
        structural = []
        cut_points = [sid for sid in facts.ranked if facts.number(sid, "articulation_point")]
        cut_points.sort(key=lambda sid: -(facts.number(sid, "reachability_loss") or 0))
        if cut_points and self.per_actor:
            for sid in cut_points[:5]:
                loss = facts.number(sid, "reachability_loss") or 0
                structural.append(
                    f"If {facts.label(sid)} stepped back, {loss:.0%} of the connections "
                    "between other stakeholders would be lost: build a second route to the "
                    "groups it links."
                )
        elif cut_points:
            n = len(cut_points)
            points = "a single point" if n == 1 else "single points"
            structural.append(f"{_sentence_count(n)} {points} of failure.")
        if self.level == "full":
            for sid in facts.targets:
                s = self.stakeholder(sid)
                if (s.power or 0) < POWERFUL:
                    continue
                opposed = s.position is not None and s.position < 0
                wary = s.trust is not None and s.trust < 0
                if opposed and wary:
                    structural.append(
                        f"{s.label} is powerful, opposed and distrustful: plan how to limit "
                        "their opposition and who can rebuild their trust."
                    )
                elif opposed:
                    structural.append(
                        f"{s.label} is powerful and opposed: plan how to limit their "
                        "opposition and who can reassure them."
                    )
                elif wary:
                    structural.append(
                        f"{s.label} is powerful and distrustful: plan who can rebuild their trust."
                    )
        hops = Counter(m.first_hop for m in facts.messengers.values() if m.first_hop)
        for hop, n in hops.most_common(2):
            if n >= 3 and self.per_actor:
                structural.append(
                    f"{facts.label(hop)} is the suggested messenger for {n} stakeholders: "
                    "do not overload one relationship."
                )
        self.heading("Risks the map shows", 2)
        self.bullets(structural or ["The map shows no structural risk."])
        if not self.per_actor:
            return
        self.heading("Risks recorded with stakeholders", 2)
        recorded = [
            (
                facts.label(sid) + (" (our branch)" if sid == facts.branch else ""),
                self.stakeholder(sid).engagement.risks.strip(),
            )
            for sid in facts.ranked
            if self.stakeholder(sid).engagement.risks.strip()
        ]
        if recorded:
            self.table(["Stakeholder", "Risk"], recorded, [4, 9])
        elif self.level != "full" and self.facts.original_has("risks"):
            # Held back by the level: "none recorded" would be false.
            self.para("Risks recorded by the branch are not shared in this version.")
        else:
            self.para("No risks recorded yet.")

    def monitoring(self) -> None:
        self.set_landscape(False)
        self.heading(SECTIONS["monitoring"])
        facts = self.facts
        if self.per_actor:
            self.targets_and_indicators()
        self.heading("Change since the last snapshot", 2)
        changes, snapshot = facts.changes, facts.snapshot
        if changes is None or snapshot is None:
            self.para(
                "The map has no snapshot yet: take one after this plan is agreed, and the next "
                "plan will show what changed."
                if self.level == "full"
                # Shared versions carry no instructions to the branch.
                else "This is the first plan drawn from this map; the next one will show "
                "what changed."
            )
            return
        removed = len(changes.removed_stakeholders)
        added = len(changes.added_stakeholders)
        ties = (len(changes.added_relationships), len(changes.removed_relationships))
        moves = len(changes.quadrant_moves)
        self.para(
            f"Compared with the snapshot “{snapshot.name}” of {_date(snapshot.created.date())}: "
            f"{counted(added, 'stakeholder')} added and {removed} removed; "
            f"{counted(ties[0], 'relationship')} added and {ties[1]} removed; "
            f"{counted(moves, 'stakeholder')} moved to another quadrant."
        )
        if not self.per_actor:
            return
        rows = [
            [d.name, "moved quadrant", str(d.before), str(d.after)] for d in changes.quadrant_moves
        ]
        rows += [[d.name, "added to the map", "", ""] for d in changes.added_stakeholders]
        rows += [[d.name, "removed from the map", "", ""] for d in changes.removed_stakeholders]
        if self.level == "full":
            watched = {"position", "trust", "engagement.stage", "engagement.mou_status"}
            rows += [
                [d.name, d.field.replace("engagement.", ""), _text(d.before), _text(d.after)]
                for d in changes.changed_stakeholders
                if d.field in watched
            ]
        else:
            rows += [
                [d.name, "MoU status", _text(d.before), _text(d.after)]
                for d in changes.changed_stakeholders
                if d.field == "engagement.mou_status"
            ]
        if rows:
            self.table(["Stakeholder", "Change", "Before", "Now"], rows, [5, 3, 2.5, 2.5])

    def targets_and_indicators(self) -> None:
        facts = self.facts
        self.heading("Targets and indicators", 2)
        self.para(
            "Progress markers describe what we expect, would like and would love to see each "
            "stakeholder do; the engagement stage moves from unaware through resistant, "
            "neutral and supportive to champion."
        )
        if self.level == "full":
            stages = Counter(self.stakeholder(sid).engagement.stage for sid in facts.targets)
            self.table(
                ["Stage", *ENGAGEMENT_STAGES, "Not assessed"],
                [["Stakeholders", *(str(stages[s]) for s in ENGAGEMENT_STAGES), str(stages[None])]],
                [2.4, 1.6, 1.6, 1.6, 1.8, 1.6, 1.8],
            )
        rows = []
        for sid in facts.targets:
            e = self.stakeholder(sid).engagement
            if e.expect_to_see or e.like_to_see or e.love_to_see:
                rows.append(
                    [
                        facts.label(sid),
                        e.expect_to_see or "—",
                        e.like_to_see or "—",
                        e.love_to_see or "—",
                    ]
                )
        if rows:
            self.table(
                ["Stakeholder", "Expect to see", "Like to see", "Love to see"],
                rows,
                [3.5, 4, 4, 4],
            )
        else:
            self.para("No progress markers recorded yet.")

    def terms(self) -> list[tuple[str, str]]:
        """The annex's definitions: only of what this version shows."""
        full, per_actor = self.level == "full", self.per_actor
        terms = [
            (
                "Mendelow quadrant",
                f"Power and interest each high ({HIGH_FROM} or more) or low: "
                "manage closely (both high), keep satisfied (power only), keep informed "
                "(interest only), monitor (neither).",
            ),
            (
                "Powerful",
                f"Power {POWERFUL} or more of 5. The findings and the risks call such "
                "stakeholders powerful; Mendelow's high power is the wider band of "
                f"{HIGH_FROM} or more.",
            ),
        ]
        if per_actor:
            terms.append(("Priority order", PRIORITY_RULE))
        if full:
            terms.append(
                (
                    "AIIM strategy",
                    "After the Alignment, Interest and Influence Matrix (Mendizabal, ODI "
                    "RAPID, 2010): alignment is the position toward our objective (+1 or +2 "
                    "aligned, 0 neutral, −1 or −2 opposed), interest is high or low as above, "
                    "and influence is power. Neutral stakeholders are consulted, never "
                    "challenged; only opposed ones are. The strategies are listed below.",
                )
            )
        where = (
            "it is listed last in the priority table for reference but gets no sheet, "
            "action or risk as a target"
            if per_actor
            else "it is left out of the counts of stakeholders to engage"
        )
        terms += [
            (
                "Our branch",
                "The stakeholder named in the map's branch field (otherwise the most "
                "powerful Red Cross / Red Crescent stakeholder). It carries out the plan: "
                f"{where}.",
            ),
            (
                "Betweenness",
                "Share of the most trusted routes between two other stakeholders "
                "that pass through this one (weighted, normalised 0–1).",
            ),
            (
                "Brokerage (Gould–Fernandez)",
                "The number of pairs of other stakeholders the stakeholder sits between on "
                "directed ties, by the categories involved: coordinator, itinerant, "
                "gatekeeper, representative, liaison; compared with the count expected by "
                "chance.",
            ),
            (
                "Constraint / effective size",
                "Burt's structural holes: low constraint and a "
                "large effective size mean contacts that are not tied to each other.",
            ),
            (
                "Coalition",
                "Community detection on the relationships, seeded so the grouping is reproducible.",
            ),
            (
                "Single point of failure",
                "A stakeholder whose departure splits the network; "
                "the share of links lost is its reachability loss.",
            ),
        ]
        if per_actor:
            recorded = (
                " A messenger recorded on the map is named first and marked as recorded."
                if full
                else ""
            )
            terms.append(
                (
                    "Most trusted route",
                    "The route from our branch with the smallest total distance, never "
                    "through a stakeholder who opposes or distrusts us; the first "
                    "stakeholder after our branch is the suggested messenger, or the first "
                    f"contact when the route has more steps.{recorded}",
                )
            )
        return terms

    def annex(self) -> None:
        self.set_landscape(False)
        self.heading(SECTIONS["annex"])
        self.heading("Method", 2)
        self.para(
            "Stakeholders, their ratings and their relationships were recorded by branch staff "
            "and workshop participants. Ratings are judgements, not measurements: power, "
            "interest and relationship strength on 1–5, position toward our objective and "
            "trust in our National Society on −2 to +2. Unknown values stay unknown and are "
            "never counted as zero."
        )
        self.para(
            "Relationship strength is a closeness. Where a method needs a distance (most "
            "trusted routes, betweenness) a tie of strength s counts as 60 / s: 12 for "
            "strength 5, 15 for 4, 20 for 3, 30 for 2 and 60 for 1. The numbers are whole, so "
            "equally good routes tie exactly. Negative ties (conflict, distrust) are left out "
            "of routes and metrics."
        )
        self.table(["Term", "Meaning"], self.terms(), [3.2, 10])
        if self.level == "full":
            self.para("The AIIM strategies of the priority table and the engagement sheets:")
            self.table(
                ["Strategy", "When and what"],
                [(name, text[0].upper() + text[1:]) for name, text in AIIM_STRATEGIES.items()],
                [3.2, 10],
            )
        self.heading("Data protection", 2)
        self.para(
            "This plan contains information about people and organisations in the city. Use it "
            "only for the engagement it describes, share it only as its classification allows, "
            "keep it on the branch's own systems and delete old versions when a new plan is "
            "agreed. The map never records political affiliation, religion, ethnicity, health "
            "or private life. People named in it may ask what is held about them."
        )
        self.para(f"This document is the {LEVEL_WORDS[self.level]}. The export levels are:")
        self.bullets(
            [
                LEVEL_DESCRIPTIONS["full"],
                LEVEL_DESCRIPTIONS["partner"]
                + " Suggested messengers come from the routes among shareable stakeholders.",
                LEVEL_DESCRIPTIONS["public"]
                + " The plan prints counts instead of rows about single stakeholders.",
            ]
        )
        if self.level == "public":
            self.para(
                "This public version leaves out the engagement sheets, the agreements tracker, "
                "the action plan, the risks and every other row about a single stakeholder."
            )
        if self.omitted:
            self.para(
                f"{counted(self.omitted, 'confidential stakeholder')} {_are(self.omitted)} left "
                "out of this version."
            )
        self.para(
            "The document's properties carry no personal data: the author is left blank "
            "unless the author chose to be named on the cover of the internal version."
        )


#: Sections about single stakeholders only, left out of the public version.
PUBLIC_LEFT_OUT = ("sheets", "mou", "actions")


def _left_out(level: str) -> tuple[str, ...]:
    """Sections the export level leaves out whole (the data-protection notice says so)."""
    return PUBLIC_LEFT_OUT if level == "public" else ()


def _has_engagement(s: Stakeholder) -> bool:
    e = s.engagement
    return any(
        (
            e.objective,
            e.ask,
            e.key_messages,
            e.approach,
            e.next_action,
            e.risks,
            e.expect_to_see,
            e.mou_status != "none",
        )
    )


#: Quadrants whose stakeholders the plan always names a first contact for.
PRIORITY_QUADRANTS = ("Manage closely", "Keep satisfied")


def _sheet_candidates(smap: StakeholderMap, options: PlanOptions) -> set[str] | None:
    """Stakeholders that get a sheet or a row to plan (None: all), to limit route
    searches."""
    if options.sheets_for == "all":
        return None
    return {
        sid
        for sid, s in smap.stakeholders.items()
        if quadrant(s) in PRIORITY_QUADRANTS or _has_engagement(s)
    }


def _names(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _capital(text: str) -> str:
    """``text`` with its first letter in capitals (the rest untouched, unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


def _sentence_count(n: int) -> str:
    """'No stakeholder is', 'One stakeholder is', '17 stakeholders are' (opening a sentence)."""
    if n == 0:
        return "No stakeholder is"
    if n == 1:
        return "One stakeholder is"
    return f"{n} stakeholders are"


def _are(n: int) -> str:
    return "is" if n == 1 else "are"


def _text(value: object) -> str:
    return "unknown" if value is None else str(value)


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
    """The engagement plan for ``smap`` as a python-docx document (not yet saved)."""
    options = options or PlanOptions()
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
    report(0.05, "Analysing the network")
    facts = gather(
        smap,
        shown,
        options.level,
        ids,
        messengers_for=_sheet_candidates(shown, options),
        progress=lambda f: report(0.05 + 0.45 * f, "Analysing the network"),
    )
    writer = _Writer(doc, facts, options, omitted)
    writer.header_footer()
    steps = [s for s in SECTIONS if options.has(s) and s not in writer.left_out()]
    for n, section in enumerate(steps):
        report(0.5 + 0.45 * n / max(len(steps), 1), f"Writing {SECTIONS[section].lower()}")
        getattr(writer, section)()
    writer.fill_contents()
    author = smap.info.author if (options.show_author and options.level == "full") else ""
    title = f"Engagement plan — {shown.info.title}"
    clean_metadata(doc, title, "Humanitarian diplomacy engagement plan", author)
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
