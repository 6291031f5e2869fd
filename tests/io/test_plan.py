"""The engagement plan: structure, messengers, export levels, Word quality, templates."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import networkx as nx
import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from lxml import etree

from stakeholder_mapper.analysis.readings import POWERFUL
from stakeholder_mapper.analysis.routes import our_branch, routes_from, trusted_routes
from stakeholder_mapper.core.model import (
    Engagement,
    Relationship,
    Snapshot,
    Stakeholder,
    StakeholderMap,
)
from stakeholder_mapper.io.plan import SECTIONS, PlanError, PlanOptions, write_plan
from stakeholder_mapper.io.plan.context import NO_BRANCH
from stakeholder_mapper.io.plan.plan_content import FIELDS as OWN_SECTIONS
from stakeholder_mapper.io.plan.plan_content import has_content
from stakeholder_mapper.io.project import load_map, snapshot_content
from stakeholder_mapper.paths import SAMPLE_MAP

#: Low resolution keeps the tests quick; the benchmark and the sample export use 300 dpi.
DPI = 40


@pytest.fixture(scope="module")
def sample() -> StakeholderMap:
    return load_map(SAMPLE_MAP)


def _plan(smap: StakeholderMap, folder: Path, **options) -> Path:
    options.setdefault("dpi", DPI)
    level = options.get("level", "full")
    return write_plan(smap, folder / f"plan-{level}.docx", PlanOptions(**options))


@pytest.fixture(scope="module")
def plans(sample: StakeholderMap, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("plans")
    return {level: _plan(sample, folder, level=level) for level in ("full", "partner", "public")}


def _headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def _table_with(doc, *columns: str):
    for table in doc.tables:
        header = [c.text for c in table.rows[0].cells]
        if all(c in header for c in columns):
            return table, header
    raise AssertionError(f"no table with columns {columns}")


def _sheets(doc) -> dict[str, dict[str, str]]:
    """Engagement sheets by stakeholder name: {field: value}."""
    names = _headings(doc, 2)
    sheets = {}
    body = doc.element.body
    current = None
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            style = child.find(qn("w:pPr"))
            style_id = (
                style.find(qn("w:pStyle")).get(qn("w:val"))
                if style is not None and style.find(qn("w:pStyle")) is not None
                else ""
            )
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            current = text if style_id == "Heading2" and text in names else current
            if style_id == "Heading1":
                current = None
        elif child.tag == qn("w:tbl") and current:
            rows = {}
            for tr in child.iter(qn("w:tr")):
                cells = [
                    "\n".join(
                        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))
                    )
                    for tc in tr.iter(qn("w:tc"))
                ]
                if len(cells) == 2:
                    rows[cells[0]] = cells[1]
            if "Next action" in rows:
                sheets[current] = rows
            current = None
    return sheets


def _all_xml(path: Path) -> str:
    """Every XML part of the package: body, headers, footers, properties, settings."""
    with zipfile.ZipFile(path) as package:
        return "\n".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        )


def _text(doc) -> str:
    """Every paragraph of the body, tables included."""
    return "\n".join(
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))
    )


def _rows(doc, *columns: str) -> list[dict[str, str]]:
    table, header = _table_with(doc, *columns)
    return [dict(zip(header, (c.text for c in row.cells), strict=True)) for row in table.rows[1:]]


def test_headings_follow_the_plan_order(plans: dict[str, Path], sample: StakeholderMap) -> None:
    doc = Document(str(plans["full"]))
    empty = [key for key in OWN_SECTIONS if not has_content(sample, key)]
    expected = [
        title for key, title in SECTIONS.items() if key not in ("cover", "contents", *empty)
    ]
    assert _headings(doc, 1) == expected


def test_contents_list_every_main_heading_with_a_page_number_field(
    plans: dict[str, Path],
) -> None:
    """LibreOffice keeps the page numbers a TOC field was saved with (python-docx cannot
    compute them), so each contents line carries a PAGEREF to a bookmark on its heading,
    which Word and LibreOffice both compute on opening."""
    for level in ("full", "public"):
        doc = Document(str(plans[level]))
        body = doc.element.body
        bookmarks = {}
        for p in body.iter(qn("w:p")):
            start = p.find(qn("w:bookmarkStart"))
            if start is not None:
                bookmarks[start.get(qn("w:name"))] = "".join(t.text for t in p.iter(qn("w:t")))
        entries = []
        for p in body.iter(qn("w:p")):
            link = p.find(qn("w:hyperlink"))
            if link is None:
                continue
            instr = "".join(i.text for i in p.iter(qn("w:instrText")))
            anchor = link.get(qn("w:anchor"))
            assert instr.strip() == f"PAGEREF {anchor} \\h"
            entries.append(bookmarks[anchor])
        assert entries == _headings(doc, 1)
        assert " TOC " not in _all_xml(plans[level])
        settings = doc.settings.element.xml
        assert '<w:updateFields w:val="true"/>' in settings


def test_every_stakeholder_is_in_the_priority_table(
    sample: StakeholderMap, plans: dict[str, Path]
) -> None:
    doc = Document(str(plans["full"]))
    table, header = _table_with(doc, "Stakeholder", "Quadrant", "AIIM strategy")
    names = [row.cells[header.index("Stakeholder")].text for row in table.rows[1:]]
    assert sorted(names) == sorted(s.label for s in sample.stakeholders.values())
    quadrants = {
        row.cells[1].text: row.cells[header.index("Quadrant")].text for row in table.rows[1:]
    }
    # Mayor: power 5, interest 3 (high = 3 or more on 1-5).
    assert quadrants["Mayor of Marenza"] == "Manage closely"
    assert quadrants["Office of the Governor of Marenza Province"] == "Keep satisfied"
    # Our branch is listed, last, for reference: it carries out the plan.
    last = [c.text for c in table.rows[-1].cells]
    assert last[1] == "Marenza Red Crescent branch"
    assert last[header.index("Quadrant")] == "Our branch"
    assert last[header.index("AIIM strategy")] == "Not a target"


def test_our_branch_is_never_a_target(
    sample: StakeholderMap, plans: dict[str, Path], tmp_path: Path
) -> None:
    branch = sample.stakeholders[our_branch(sample)].label
    for level in ("full", "partner"):
        doc = Document(str(plans[level]))
        assert branch not in _sheets(doc)
        assert branch not in _headings(doc, 2)
        assert branch not in {row["Stakeholder"] for row in _rows(doc, "Action", "Stakeholder")}
        text = _text(doc)
        priorities = text.split("First priorities", 1)[1].split(SECTIONS["purpose"], 1)[0]
        assert not any(line.startswith(branch) for line in priorities.splitlines())
        assert f"{branch} is powerful" not in text
    everyone = _sheets(Document(str(_plan(sample, tmp_path, sheets_for="all"))))
    assert len(everyone) == len(sample.stakeholders) - 1 and branch not in everyone
    text = _text(Document(str(plans["full"])))
    assert "will engage the 54 other stakeholders" in text
    # The principles table names the stakeholders a principle concerns, not us.
    doc = Document(str(plans["full"]))
    concerned = " ".join(
        r["Stakeholders who serve it"]
        for r in _rows(doc, "Principle of Action", "Stakeholders who serve it")
    )
    assert branch not in concerned


def test_first_priorities_name_a_recorded_messenger_before_the_suggested_one(
    sample: StakeholderMap, plans: dict[str, Path]
) -> None:
    text = _text(Document(str(plans["full"])))
    priorities = text.split("First priorities", 1)[1].split(SECTIONS["purpose"], 1)[0]
    mayor = next(line for line in priorities.splitlines() if line.startswith("Mayor of Marenza"))
    recorded = sample.stakeholders["mayor"].engagement.messenger
    assert recorded
    route = trusted_routes(sample, our_branch(sample), "mayor", k=1)[0]
    hop = sample.stakeholders[route.stakeholders[1]].label
    assert f"Through: recorded messenger: {recorded}; suggested messenger: " in mayor
    assert f"suggested messenger: {hop} (most trusted route: " in mayor
    # Without a recorded messenger the suggestion is named as one.
    chief = next(line for line in priorities.splitlines() if line.startswith("Mayor's chief"))
    assert "recorded" not in chief
    assert "suggested messenger: Municipal Disaster Risk Management Unit (most trusted " in chief
    # A longer route is a chain of introductions, named as such rather than one "messenger".
    developer = _sheets(Document(str(plans["full"])))["Azure Bay Developments"]["Messenger"]
    assert (
        "first contact MarTel mobile network, who can introduce us to Marenza Chamber of "
        "Commerce and Industry, on the most trusted route: " in developer
    )
    # A recorded messenger may name people: the partner version names it only when marked.
    partner = _text(Document(str(plans["partner"])))
    assert recorded not in partner


def test_every_single_point_of_failure_is_in_the_bridges_table(
    sample: StakeholderMap, plans: dict[str, Path]
) -> None:
    undirected = nx.Graph()
    undirected.add_nodes_from(sample.stakeholders)
    undirected.add_edges_from(
        (r.source, r.target) for r in sample.relationships.values() if r.valence != "negative"
    )

    def pairs(graph: nx.Graph) -> int:
        return sum(len(c) * (len(c) - 1) // 2 for c in nx.connected_components(graph))

    # Share of the connected pairs of the others lost without each articulation point.
    loss = {}
    for sid in nx.articulation_points(undirected):
        without = undirected.copy()
        without.remove_node(sid)
        before = pairs(undirected) - (len(nx.node_connected_component(undirected, sid)) - 1)
        loss[sample.stakeholders[sid].label] = 1 - pairs(without) / before
    reported = {label for label, share in loss.items() if share >= 0.05}
    assert "Riverside Youth Centre" in reported  # the youth groups' only link to the rest
    rows = _rows(Document(str(plans["full"])), "Stakeholder", "Single point of failure")
    marked = {r["Stakeholder"] for r in rows if r["Single point of failure"] == "yes"}
    assert marked == reported
    # Single points of failure come first, and every bridge reaches another coalition.
    assert rows[0]["Stakeholder"] in reported
    assert all(r["Coalitions reached"].strip() for r in rows)


def test_tables_headers_fit_their_columns(plans: dict[str, Path]) -> None:
    """No header word is wider than its column (9 pt bold: about 0.16 cm a character,
    plus the cell margins)."""
    doc = Document(str(plans["full"]))
    for table in doc.tables:
        header = table.rows[0]
        if header.cells[0]._tc.getparent().find(qn("w:trPr")).find(qn("w:tblHeader")) is None:
            continue
        for cell in header.cells:
            width_cm = int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) / 567
            longest = max(cell.text.split(), key=len)
            assert len(longest) * 0.16 + 0.3 <= width_cm, (cell.text, width_cm)


def test_powerful_means_one_threshold_everywhere(tmp_path: Path) -> None:
    smap = StakeholderMap()
    smap.info = dataclasses.replace(smap.info, branch="Branch")
    smap.stakeholders["b"] = Stakeholder("b", "Branch", "redcross", power=3, interest=5)
    for sid, power in (("three", 3), ("four", POWERFUL)):
        smap.stakeholders[sid] = Stakeholder(
            sid, f"Opponent {sid}", "private", power=power, interest=4, position=-1, trust=-1
        )
        smap.relationships[f"r{sid}"] = Relationship(f"r{sid}", "b", sid, strength=3)
    text = _text(Document(str(_plan(smap, tmp_path))))
    assert "Opponent four is powerful (power 4 of 5)" in text  # key findings
    assert "Opponent four is powerful, opposed and distrustful" in text  # risks
    assert "Opponent three is powerful" not in text
    assert f"Power {POWERFUL} or more of 5" in text  # stated in the annex


def test_suggested_messenger_is_the_first_hop_of_the_most_trusted_route(
    sample: StakeholderMap, plans: dict[str, Path]
) -> None:
    sheets = _sheets(Document(str(plans["full"])))
    branch = our_branch(sample)
    assert branch == "branch"  # named in the map's "branch" field, not the stronger HQ
    checked = 0
    for sid, s in sample.stakeholders.items():
        if s.label not in sheets or sid == branch:
            continue
        routes = routes_from(sample, branch, [sid], k=1)[sid]
        suggested = sheets[s.label]["Messenger"].split("Suggested by the map: ", 1)[1]
        if routes and len(routes[0].stakeholders) == 3:
            hop = sample.stakeholders[routes[0].stakeholders[1]].label
            assert suggested.startswith(f"{hop}, on the most trusted route"), s.label
            checked += 1
        elif routes and len(routes[0].stakeholders) > 3:
            hop, then = (sample.stakeholders[h].label for h in routes[0].stakeholders[1:3])
            assert suggested.startswith(f"first contact {hop}, who can introduce us to {then}")
            checked += 1
    assert "Mayor of Marenza" in sheets  # the branch reaches the mayor only through others
    assert checked >= 5


def _personal_terms(smap: StakeholderMap) -> list[str]:
    terms = []
    for s in smap.stakeholders.values():
        for value in (s.person, s.contact):
            terms += [part.strip() for part in re.split(r"[,;\n]", value) if part.strip()]
    return terms


@pytest.mark.parametrize("level", ["partner", "public"])
def test_shared_levels_hold_no_personal_data(
    sample: StakeholderMap, plans: dict[str, Path], level: str
) -> None:
    xml = _all_xml(plans[level])
    terms = _personal_terms(sample)
    assert len(terms) >= 8  # the sample has names, phone numbers and e-mail addresses
    for term in terms:
        assert term not in xml, term
    for s in sample.stakeholders.values():
        if s.sensitivity == "confidential":
            assert s.label not in xml
    doc = Document(str(plans[level]))
    assert doc.core_properties.author == ""
    assert doc.core_properties.last_modified_by == ""
    for table in doc.tables:
        header = [c.text for c in table.rows[0].cells]
        assert "Position" not in header and "Trust" not in header


def test_full_level_keeps_contacts_on_the_sheets(
    sample: StakeholderMap, plans: dict[str, Path]
) -> None:
    sheets = _sheets(Document(str(plans["full"])))
    with_contact = [s for s in sample.stakeholders.values() if s.contact and s.label in sheets]
    assert with_contact
    for s in with_contact:
        assert sheets[s.label]["Contact person"] == f"{s.person}\n{s.contact}"


def test_partner_sheets_do_not_call_withheld_fields_unrecorded(
    sample: StakeholderMap, plans: dict[str, Path]
) -> None:
    sheets = _sheets(Document(str(plans["partner"])))
    dmu = sheets["Municipal Disaster Risk Management Unit"]
    assert sample.stakeholders["dmu"].engagement.risks  # recorded, but not shared
    assert "Risks" not in dmu and "risks" not in dmu.get("Not recorded yet", "")
    assert "desired change" not in dmu.get("Not recorded yet", "").lower()
    assert "as none was recorded" not in dmu["Approach"]
    full = _sheets(Document(str(plans["full"])))["National Meteorological Service - coastal office"]
    assert full["Approach"].endswith(
        "Suggested for its quadrant, attitude and stage, as none was recorded."
    )
    assert dmu["Approach"].endswith("Suggested for its quadrant.")


def test_suggested_approaches_follow_strategy_and_stage(
    sample: StakeholderMap, plans: dict[str, Path], tmp_path: Path
) -> None:
    sheets = _sheets(Document(str(_plan(sample, tmp_path, sheets_for="all"))))
    # Opposed and distrustful, "Challenge and contain": no joint decisions with the paper.
    echo = sheets["Marenza Daily Echo"]
    assert "Challenge and contain" in _text(Document(str(plans["full"])))
    # The paper has its own recorded approach; the planning department, also opposed and
    # distrustful (both −1: wary), gets the suggestion: factual, through a trusted messenger.
    planning = sheets["Urban Planning and Land Department"]["Approach"]
    assert planning.startswith("Engage with care: factual briefings")
    assert "messenger they trust" in planning
    for word in ("involve", "joint", "consult", "face to face"):
        assert word not in planning.lower()
    assert echo["Approach"].startswith("Factual briefings only")
    # A champion with a signed MoU is maintained and used as a messenger.
    met = sheets["National Meteorological Service - coastal office"]["Approach"]
    assert met.startswith("Maintain the relationship")
    assert "carry our messages" in met and "become allies" not in met


def test_partner_says_withheld_not_missing(plans: dict[str, Path]) -> None:
    doc = Document(str(plans["partner"]))
    text = _text(doc)
    # The sample records risks, held back at this level: "none recorded" would be false.
    assert "No risks recorded yet." not in text
    assert "Risks recorded by the branch are not shared in this version." in text
    # What we want from a stakeholder is withheld for all alike, so no sheet stands out.
    assert "Limit damaging coverage" not in text
    assert "Keep the developer from blocking" not in text
    assert "The objectives recorded by the branch are not shared in this version." in text
    for rows in _sheets(doc).values():
        assert not {"Objective", "The ask", "Desired change", "Progress markers"} & set(rows)
        assert "progress markers" not in rows.get("Not recorded yet", "").lower()
    assert "None of what this version shares of an engagement" in text
    assert "No objective, ask or next action is recorded yet" not in text
    assert "are negative ties such as conflict" not in text
    # No instruction to the branch in a version for partners.
    assert "take one after this plan is agreed" not in text
    assert "This is the first plan drawn from this map" in text


def test_public_level_prints_counts_not_rows(
    sample: StakeholderMap, plans: dict[str, Path]
) -> None:
    doc = Document(str(plans["public"]))
    assert _headings(doc, 2).count("Key findings") == 1
    table, header = _table_with(doc, "Category", "Manage closely", "Total")
    cells = [c.text for row in table.rows[1:] for c in row.cells[1:-1]]
    # A count of 1 or 2 would point at an actor: it reads "<3", a count that would give
    # one away "≥3" (or "c"), and a note says so.
    assert all(c in ("0", "<3", "≥3", "c") or int(c) >= 3 for c in cells)
    assert "<3" in cells
    assert "Counts of 1 or 2 are shown as “<3”" in _text(doc)
    totals = [row.cells[header.index("Total")].text for row in table.rows[1:]]
    low = high = 0
    for total in totals:
        parts = total.replace("≥", "").replace("<3", "1–2").split("–")
        low += int(parts[0])
        high += int(parts[-1]) if not total.startswith("≥") else len(sample.stakeholders)
    # Confidential stakeholders are left out below the full level, and our branch is no target.
    shared = sum(1 for s in sample.stakeholders.values() if s.sensitivity != "confidential")
    assert low <= shared - 1 <= high
    assert "The counts leave out our own branch" in _text(doc)
    assert "our branch left out, as in the priority counts" in _text(doc)
    assert not _sheets(doc)


def test_public_level_drops_sections_it_cannot_fill(plans: dict[str, Path]) -> None:
    doc = Document(str(plans["public"]))
    # The risks would only repeat a key finding, and without a snapshot the progress
    # section would hold only an instruction to the branch ("take a snapshot").
    dropped = ("sheets", "mou", "actions", "risks", "monitoring")
    # The plan's own sections hold free text only the Full version shows; document
    # control's version and review date are shared.
    dropped += tuple(s for s in OWN_SECTIONS if s != "control")
    expected = [
        title for key, title in SECTIONS.items() if key not in ("cover", "contents", *dropped)
    ]
    assert _headings(doc, 1) == expected
    text = _text(doc)
    assert "take one after this plan is agreed" not in text
    assert "Stakeholders in priority order" not in text
    assert "Number of stakeholders by category and quadrant." in text
    # The annex explains only what this version shows.
    for absent in ("listed below", "suggested messenger", "listed last in the priority table"):
        assert absent not in text
    assert "left out of the counts of stakeholders to engage" in text
    partner = _text(Document(str(plans["partner"])))
    assert "listed below" not in partner and "AIIM" not in partner
    assert "Priority order" in partner
    assert "Risks recorded with stakeholders" not in text
    assert "Targets and indicators" not in text
    # No section is there only to say it is empty; one sentence in the notice says what is not.
    assert "concern single stakeholders and are left out" not in text
    assert text.count("This public version leaves out the engagement sheets") == 1


def test_word_quality(plans: dict[str, Path]) -> None:
    path = plans["full"]
    doc = Document(str(path))
    xml = _all_xml(path)
    assert "<w:tblHeader/>" in xml and "<w:cantSplit/>" in xml
    footer = doc.sections[0].footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert "CONFIDENTIAL" in doc.sections[0].header._element.xml
    assert any(s.orientation == WD_ORIENT.LANDSCAPE for s in doc.sections)
    assert doc.tables[1].style.name == "Plan Table"
    props = doc.core_properties
    assert props.title.startswith("Engagement plan") and props.subject
    assert props.author == "" and props.last_modified_by == ""
    assert "docProps/thumbnail" not in xml
    settings = doc.settings.element.xml
    assert '<w:updateFields w:val="true"/>' in settings
    assert "<w:removePersonalInformation/>" in settings
    with zipfile.ZipFile(path) as package:
        images = [n for n in package.namelist() if n.startswith("word/media/")]
        app = package.read("docProps/app.xml").decode()
    assert len(images) == 2
    # The template's maker (Word for Mac 14) would misname who made the file.
    assert "<Application>Stakeholder Mapper</Application>" in app
    assert "Microsoft" not in app and "AppVersion" not in app


#: Paragraph properties in the order the schema requires (ECMA-376, CT_PPrBase then CT_PPr).
PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


def test_paragraph_properties_follow_the_schema_order(plans: dict[str, Path]) -> None:
    """Word reports a file as damaged when properties are out of order (LibreOffice does not)."""
    with zipfile.ZipFile(plans["full"]) as package:
        for part in ("word/document.xml", "word/styles.xml"):
            root = etree.fromstring(package.read(part))
            for p_pr in root.iter(qn("w:pPr")):
                names = [etree.QName(child).localname for child in p_pr]
                positions = [PPR_ORDER.index(name) for name in names]
                assert positions == sorted(positions), (part, names)


def test_sections_are_optional_and_defaults_say_what_is_missing(tmp_path: Path) -> None:
    smap = StakeholderMap()
    smap.stakeholders["m"] = Stakeholder("m", "Mayor", "municipal", power=5, interest=4)
    path = _plan(smap, tmp_path, sections=("sheets", "annex"), sheets_for="all")
    doc = Document(str(path))
    assert _headings(doc, 1) == [SECTIONS["sheets"], SECTIONS["annex"]]
    sheet = _sheets(doc)["Mayor"]
    assert sheet["The ask"] == "No ask recorded yet."
    assert "Messenger" not in sheet, "no branch named: no messenger is suggested"
    assert _text(doc).count(NO_BRANCH) == 1
    # Power and interest high, position and trust not recorded: find out first.
    assert sheet["Approach"].startswith("Find out where they stand before asking anything")


def test_cyrillic_and_arabic_names_survive(tmp_path: Path) -> None:
    smap = StakeholderMap()
    names = {"b": "Красный Полумесяц — городской филиал", "m": "رئيس بلدية المدينة"}
    smap.stakeholders["b"] = Stakeholder("b", names["b"], "redcross", power=3, interest=5)
    smap.stakeholders["m"] = Stakeholder(
        "m",
        names["m"],
        "municipal",
        power=5,
        interest=5,
        engagement=Engagement(ask="Подписать меморандум / توقيع مذكرة التفاهم"),
    )
    path = _plan(smap, tmp_path)
    doc = Document(str(path))
    table, _ = _table_with(doc, "Stakeholder", "Quadrant")
    assert {row.cells[1].text for row in table.rows[1:]} == set(names.values())
    sheets = _sheets(doc)
    assert sheets[names["m"]]["The ask"] == "Подписать меморандум / توقيع مذكرة التفاهم"


def test_author_only_when_chosen_and_only_internally(tmp_path: Path) -> None:
    smap = StakeholderMap()
    smap.info = dataclasses.replace(smap.info, author="Amina Haddad")
    smap.stakeholders["m"] = Stakeholder("m", "Mayor", "municipal")
    unnamed = _plan(smap, tmp_path)
    assert "Amina Haddad" not in _all_xml(unnamed)
    # No empty "Prepared by" row on the cover when the author is not named.
    assert "Prepared by" not in _text(Document(str(unnamed)))
    named = _plan(smap, tmp_path, show_author=True)
    assert Document(str(named)).core_properties.author == "Amina Haddad"
    cover = Document(str(named)).tables[0]
    assert ["Prepared by", "Amina Haddad"] in [[c.text for c in r.cells] for r in cover.rows]
    partner = _plan(smap, tmp_path, show_author=True, level="partner")
    assert "Amina Haddad" not in _all_xml(partner)


def test_monitoring_reports_change_since_the_last_snapshot(tmp_path: Path) -> None:
    smap = StakeholderMap()
    smap.stakeholders["m"] = Stakeholder("m", "Mayor", "municipal", power=2, interest=4)
    smap.snapshots = [
        Snapshot("s1", "Workshop 1", dt.datetime(2026, 9, 1, 10, 0), snapshot_content(smap))
    ]
    smap.stakeholders["m"] = dataclasses.replace(smap.stakeholders["m"], power=5)
    smap.stakeholders["y"] = Stakeholder("y", "Youth council", "youth")
    doc = Document(str(_plan(smap, tmp_path, sections=("monitoring",))))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "“Workshop 1” of 1 September 2026" in text
    assert "1 stakeholder added and 0 removed" in text
    table, _ = _table_with(doc, "Stakeholder", "Change", "Before", "Now")
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert ["Mayor", "moved quadrant", "keep informed", "manage closely"] in rows


def test_custom_template_styles_are_used(tmp_path: Path) -> None:
    template = Document()
    template.styles["Normal"].font.name = "Georgia"
    template.sections[0].header.paragraphs[0].text = "Letterhead of the branch"
    template.add_paragraph("Sample text of the template that must not reach the plan.")
    template.core_properties.author = "Template Owner"
    template_path = tmp_path / "letterhead.docx"
    template.save(template_path)
    smap = StakeholderMap()
    smap.stakeholders["m"] = Stakeholder("m", "Mayor", "municipal", power=4, interest=4)
    path = _plan(smap, tmp_path, template=template_path)
    doc = Document(str(path))
    assert doc.styles["Normal"].font.name == "Georgia"
    header = doc.sections[0].header.paragraphs
    assert header[0].text == "Letterhead of the branch"
    assert "INTERNAL" in header[-1].text
    xml = _all_xml(path)
    assert "must not reach the plan" not in xml and "Template Owner" not in xml
    assert doc.tables[0].style.name == "Table Grid"


def test_bad_template_and_bad_options_are_reported(tmp_path: Path) -> None:
    smap = StakeholderMap()
    not_word = tmp_path / "notes.docx"
    not_word.write_text("plain text")
    with pytest.raises(PlanError, match=r"not a Word \.docx file"):
        _plan(smap, tmp_path, template=not_word)
    with pytest.raises(PlanError, match="does not exist"):
        _plan(smap, tmp_path, template=tmp_path / "missing.docx")
    with pytest.raises(ValueError, match="Unknown plan section 'appendix'"):
        PlanOptions(sections=("appendix",))
    with pytest.raises(PlanError, match=r"\.docx file, not plan\.pdf"):
        write_plan(smap, tmp_path / "plan.pdf")


@pytest.mark.parametrize("level", ["full", "partner", "public"])
def test_an_empty_map_still_gives_a_readable_plan(tmp_path: Path, level: str) -> None:
    doc = Document(str(_plan(StakeholderMap(), tmp_path, level=level)))
    left_out = ("sheets", "mou", "actions", "risks", "monitoring") if level == "public" else ()
    left_out += tuple(OWN_SECTIONS)  # nothing recorded for them: left out, not empty
    expected = [
        title for key, title in SECTIONS.items() if key not in ("cover", "contents", *left_out)
    ]
    assert _headings(doc, 1) == expected
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "No coalitions yet" in text


def test_partner_change_table_takes_names_from_the_redacted_map(tmp_path: Path) -> None:
    smap = StakeholderMap()
    smap.stakeholders["office"] = Stakeholder(
        "office", "Office of Amina Diallo", "municipal", person="Amina Diallo", power=2, interest=4
    )
    smap.stakeholders["gone"] = Stakeholder(
        "gone", "Clinic of Dr Kofi Mensah", "ngo", person="Kofi Mensah"
    )
    # A name recorded only in the current map must not show through the snapshot's labels.
    then = smap.copy()
    then.stakeholders["gone"] = dataclasses.replace(then.stakeholders["gone"], person="")
    smap.snapshots = [
        Snapshot("s1", "Workshop 1", dt.datetime(2026, 9, 1, 10, 0), snapshot_content(then))
    ]
    smap.stakeholders["office"] = dataclasses.replace(smap.stakeholders["office"], power=5)
    del smap.stakeholders["gone"]
    smap.stakeholders["new"] = Stakeholder(
        "new", "Chief Yusuf Bello's council", "community", person="Yusuf Bello"
    )
    smap.stakeholders["kofi"] = Stakeholder("kofi", "Pharmacy", "private", person="Kofi Mensah")
    path = _plan(smap, tmp_path, level="partner", sections=("monitoring",))
    xml = _all_xml(path)
    for name in ("Amina Diallo", "Kofi Mensah", "Yusuf Bello"):
        assert name not in xml
    table, _ = _table_with(Document(str(path)), "Stakeholder", "Change", "Before", "Now")
    changes = sorted(row.cells[1].text for row in table.rows[1:])
    assert changes == [
        "added to the map",
        "added to the map",
        "moved quadrant",
        "removed from the map",
    ]


@pytest.fixture(scope="module")
def dated(sample: StakeholderMap, tmp_path_factory: pytest.TempPathFactory):
    """The sample's full plan dated 25 November 2026, with some actions overdue."""
    folder = tmp_path_factory.mktemp("dated")
    return Document(str(_plan(sample, folder, date=dt.date(2026, 11, 25))))


def test_sheets_only_for_planned_engagement_and_the_rest_in_one_table(dated) -> None:
    sheets = _sheets(dated)
    assert len(sheets) == 14
    for name, rows in sheets.items():
        empty = [rows[k] for k in ("Objective", "The ask") if "recorded yet" in rows[k]]
        assert len(empty) < 2, name
    rows = _rows(dated, "Stakeholder", "Suggested first contact", "Focal point")
    # Hand-listed: the targets rated manage closely or keep satisfied with nothing recorded.
    assert {r["Stakeholder"] for r in rows} == {
        "Marenza City Council",
        "Urban Planning and Land Department",
        "Department of Social Affairs and Youth",
        "Riverside District Administration",
        "Office of the Governor of Marenza Province",
        "National Disaster Management Authority",
        "Ministry of Health - provincial directorate",
        "Marenza Fire and Rescue Service",
        "Marenza General Hospital",
        "Marenza Water and Sanitation Utility",
        "Marenza Police district command",
        "Marenza River Port Authority",
        "Marenza Interfaith Council",
        "Harbour Logistics container terminal",
        "Marenza Chamber of Commerce and Industry",
        "Coastal Power Distribution Company",
        "Coastal Commercial Bank",
        "Marenza Mutual Insurance",
        "Coastal TV news desk",
        "IFRC country cluster delegation",
        "Regional Development Bank - urban resilience programme",
        "UN human settlements agency - country office",
    }
    assert not set(sheets) & {r["Stakeholder"] for r in rows}
    fire = next(r for r in rows if r["Stakeholder"] == "Marenza Fire and Rescue Service")
    assert fire["Suggested first contact"] == "Direct: our branch has its own tie"


def test_action_plan_marks_overdue_actions_and_lists_who_has_none(dated) -> None:
    rows = _rows(dated, "Action", "Owner", "Due")
    assert all(r["Action"] and "None recorded" not in r["Action"] for r in rows)
    overdue = [r["Stakeholder"] for r in rows if r["Due"].endswith("(overdue)")]
    # Due 12, 15, 18 and 20 November 2026, before the plan's date.
    assert overdue == [
        "MarTel mobile network",
        "City Health Department",
        "Riverside Youth Centre",
        "Mayor's chief of staff",
    ]
    assert rows[len(overdue)]["Due"] == "28 Nov 2026"
    text = _text(dated)
    # Hand count: manage-closely targets without an action (9), all in the table of
    # engagement still to plan, which the sentence points to rather than repeating.
    assert (
        "14 actions by due date, 4 of them overdue. None yet for the 9 to manage closely in "
        "“Engagement still to plan”." in text
    )
    mou = _rows(dated, "Stakeholder", "Status", "Next step")
    assert [r["Due"] for r in mou][:2] == ["12 Nov 2026 (overdue)", "15 Nov 2026 (overdue)"]


def test_agreements_are_counted_per_stakeholder(dated) -> None:
    text = _text(dated)
    line = next(p for p in text.splitlines() if p.startswith("MoU status recorded on"))
    # Hand count: drafting on the mayor, the chief of staff and the DRM unit (one City Hall
    # MoU), exploring with the health department and MarTel, signed with the met office,
    # renewal due with the university lab: 7 stakeholders.
    assert line.startswith("MoU status recorded on 7 stakeholders: being explored with ")
    drafted = line.split("being drafted with ", 1)[1].split(";", 1)[0]
    assert sorted(re.split(", | and ", drafted)) == [
        "Mayor of Marenza",
        "Mayor's chief of staff",
        "Municipal Disaster Risk Management Unit",
    ]
    city = next(p for p in text.splitlines() if p.startswith("City authorities without"))
    # All eight municipal stakeholders: none has a signed or current agreement.
    for name in (
        "Mayor of Marenza (being drafted)",
        "Mayor's chief of staff (being drafted)",
        "Marenza City Council",
        "Urban Planning and Land Department",
        "Municipal Disaster Risk Management Unit (being drafted)",
        "Department of Social Affairs and Youth",
        "City Health Department (being explored)",
        "Riverside District Administration",
    ):
        assert name in city


def test_priority_order_is_power_then_interest_then_position(plans: dict[str, Path]) -> None:
    doc = Document(str(plans["full"]))
    rows = _rows(doc, "No.", "Stakeholder", "AIIM strategy")
    close = [r["Stakeholder"] for r in rows if r["Quadrant"] == "Manage closely"]
    # Worked by hand from the sample (power, interest, position, stage):
    assert close == [
        "Azure Bay Developments",  # 5, 4
        "Mayor of Marenza",  # 5, 3
        "National Disaster Management Authority",  # 4, 4
        "Urban Planning and Land Department",  # 4, 3, opposed
        "National Red Crescent Society headquarters",  # 4, 3, +2
        "Chair of the Riverside District Community Council",  # 3, 5, +2 champion (C < M)
        "Municipal Disaster Risk Management Unit",  # 3, 5, +2 champion
        "City Health Department",  # 3, 4, +1
        "Marenza Fire and Rescue Service",  # 3, 4, +2
        "Marenza Water and Sanitation Utility",  # 3, 3, 0
        "Riverside District Administration",  # 3, 3, 0
        "Department of Social Affairs and Youth",  # 3, 3, +1
        "Marenza General Hospital",  # 3, 3, +1
        "UN human settlements agency - country office",  # 3, 3, +1
        "Imam of the Old Port mosque",  # 3, 3, +2 supportive
        "IFRC country cluster delegation",  # 3, 3, +2 not assessed
    ]
    # The first priorities follow what the map records as pressing, not this order alone
    # (tests/io/test_plan_first_priorities.py).
    text = _text(doc)
    assert "higher power first, then higher interest" in text


def test_network_figure_has_a_landscape_page_and_the_grid_caption_explains_spread(
    plans: dict[str, Path],
) -> None:
    doc = Document(str(plans["full"]))
    body = list(doc.element.body.iterchildren())
    texts = ["".join(t.text or "" for t in c.iter(qn("w:t"))) for c in body]
    styles = [c.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") for c in body]
    heading = next(
        i
        for i, (text, style) in enumerate(zip(texts, styles, strict=True))
        if text == SECTIONS["figures"]
        and style is not None
        and style.get(qn("w:val")) == "Heading1"
    )
    # The section properties that close the network's page come after its picture.
    picture = next(i for i in range(heading, len(body)) if body[i].findall(".//" + qn("w:drawing")))
    closing = next(
        c for c in body[picture:] if c.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None
    )
    size = closing.find(qn("w:pPr") + "/" + qn("w:sectPr") + "/" + qn("w:pgSz"))
    assert size.get(qn("w:orient")) == "landscape"
    assert "spread slightly so each can be seen" in _text(doc)


def test_summary_asks_for_the_decisions_the_map_calls_for(dated, plans) -> None:
    text = _text(dated)
    asks = text.split("Decisions requested", 1)[1].split(SECTIONS["purpose"], 1)[0]
    lines = [line for line in asks.splitlines() if line]
    assert lines[0].startswith("Approve the approach to the MoU being drafted with ")
    assert sorted(re.split(", | and ", lines[0].split(" with ", 1)[1].rstrip("."))) == [
        "Mayor of Marenza",
        "Mayor's chief of staff",
        "Municipal Disaster Risk Management Unit",
    ]
    assert lines[1] == "Agree to renew the agreement with Marenza University - Flood Research Lab."
    # Hand count: of the 32 priority targets only these three have no focal point.
    assert lines[2].startswith("Assign a focal point to the 3 priority stakeholders without one:")
    for name in (
        "Harbour Logistics container terminal",
        "Coastal Power Distribution Company",
        "Coastal Commercial Bank",
    ):
        assert name in lines[2]
    assert lines[3].startswith("Follow up the 4 overdue actions, with ")
    # Focal points are internal: the partner version asks for no decision.
    assert "Decisions requested" not in _text(Document(str(plans["partner"])))


def _docx_xml(path: Path) -> str:
    """Every XML part of a Word file, as text."""
    with zipfile.ZipFile(path) as docx:
        return "\n".join(
            docx.read(name).decode("utf-8") for name in docx.namelist() if name.endswith(".xml")
        )


def test_partner_plan_does_not_tell_opposed_stakeholders_apart(
    sample: StakeholderMap, plans: dict[str, Path], tmp_path: Path
) -> None:
    opposed = {sid for sid, s in sample.stakeholders.items() if (s.position or 0) < 0}
    assert "tabloid" in opposed
    # The same map with every opposed stakeholder turned supportive: the Partner plan must
    # read exactly the same, or a reader could tell which stakeholders oppose us.
    supportive = sample.copy()
    for sid in opposed:
        supportive.stakeholders[sid] = dataclasses.replace(sample.stakeholders[sid], position=1)
    doc = Document(str(plans["partner"]))
    flipped = Document(str(_plan(supportive, tmp_path, level="partner")))
    assert _text(flipped) == _text(doc)
    sheets = _sheets(doc)
    assert "Marenza Daily Echo" in sheets and "Mayor of Marenza" in sheets
    # No sheet holds a field another one lacks because it is withheld.
    withheld = {"Objective", "The ask", "Desired change", "Progress markers", "Risks"}
    assert all(not withheld & set(rows) for rows in sheets.values())
    xml = _docx_xml(plans["partner"])
    wanted = [
        text
        for s in sample.stakeholders.values()
        for text in (
            s.engagement.objective,
            s.engagement.ask,
            s.engagement.desired_change,
            s.engagement.expect_to_see,
            s.engagement.like_to_see,
            s.engagement.love_to_see,
        )
        if text
    ]
    assert len(wanted) > 20
    for text in wanted:
        assert escape(text, {"'": "&apos;", '"': "&quot;"}) not in xml and text not in xml
