"""Export levels: Partner and Public copies carry no personal data."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest

from stakeholder_mapper.cli import main
from stakeholder_mapper.core.model import (
    Engagement,
    LogEntry,
    MapInfo,
    Relationship,
    Snapshot,
    Stakeholder,
    StakeholderMap,
)
from stakeholder_mapper.core.sharing import STAKEHOLDER_SHAREABLE, stakeholder_key
from stakeholder_mapper.core.validation import map_problems
from stakeholder_mapper.io.project import dumps_map, load_map, save_map
from stakeholder_mapper.io.redact import EXPORT_LEVELS, LEVEL_DESCRIPTIONS, redact

PERSONAL = ("Amina Yusuf", "+255 22 211 0000", "amina.yusuf@example.org", "Juma Said", "Fatma Ali")


@pytest.fixture
def sensitive_map(small_map: StakeholderMap) -> StakeholderMap:
    small_map.info = MapInfo(
        title="Marenza floods", city="Marenza", author="Fatma Ali", purpose="Meet Amina Yusuf"
    )
    s = small_map.stakeholders
    s["mayor"] = dataclasses.replace(
        s["mayor"],
        label="Mayor (Amina Yusuf)",
        person="Amina Yusuf",
        contact="+255 22 211 0000; amina.yusuf@example.org",
        power=5,
        interest=3,
        position=-1,
        trust=-2,
        notes="Distrusts us since 2024.",
        focal_point="Fatma Ali",
        source="Juma Said, district officer",
        informed=False,
        sensitivity="public",
        engagement=Engagement(
            objective="Shelter MoU", messenger="Juma Said", owner="Fatma Ali", stage="resistant"
        ),
        log=(LogEntry(dt.date(2026, 2, 1), summary="Called +255 22 211 0000"),),
        attributes={"mobile": "+255 22 211 0000"},
    )
    s["imam"] = dataclasses.replace(
        s["imam"], person="Juma Said", contact="juma@example.org", sensitivity="confidential"
    )
    s["youth"] = dataclasses.replace(s["youth"], power=2, interest=5, trust=2)
    small_map.relationships["r2"] = dataclasses.replace(
        small_map.relationships["r2"], notes="Juma Said advises Amina Yusuf"
    )
    small_map.positions = {"mayor": (0.0, 0.0), "imam": (1.0, 1.0)}
    small_map.snapshots = [Snapshot("x", "Before", dt.datetime(2026, 1, 1), {"map": {}})]
    return small_map


def test_full_level_is_an_equal_copy(sensitive_map: StakeholderMap) -> None:
    copy = redact(sensitive_map, "full")
    assert copy == sensitive_map
    assert copy.stakeholders is not sensitive_map.stakeholders


@pytest.mark.parametrize("level", ["partner", "public"])
def test_partner_and_public_carry_no_personal_data(
    sensitive_map: StakeholderMap, level: str
) -> None:
    before = dumps_map(sensitive_map)
    out = redact(sensitive_map, level)
    assert dumps_map(sensitive_map) == before  # the open map is not changed
    assert map_problems(out) == []
    text = dumps_map(out).decode()
    for trace in PERSONAL:
        assert trace not in text
    doc = json.loads(text)
    assert doc["personal_data"] == []
    assert doc["snapshots"] == []
    assert doc["map"]["author"] == ""
    for row in doc["stakeholders"]:
        assert row["position"] is None and row["trust"] is None
        assert row["notes"] == "" and row["log"] == [] and row["attributes"] == {}
        assert row["focal_point"] == "" and row["source"] == "" and row["informed"] is None
        assert row["engagement"]["stage"] is None
    # The confidential imam and its relationships are left out; ids are neutral.
    assert len(out.stakeholders) == 3
    assert set(out.stakeholders) == {"s1", "s2", "s3"}
    assert len(out.relationships) == 1  # branch -> youth; the three via the imam are gone
    assert all(r.notes == "" for r in out.relationships.values())


def test_partner_keeps_roles_and_plans(sensitive_map: StakeholderMap) -> None:
    out = redact(sensitive_map, "partner")
    mayor = out.stakeholders["s1"]
    assert mayor.label == "Mayor ([erased])"
    assert (mayor.power, mayor.interest) == (5, 3)
    # The mayor is recorded as opposed: what we want from them would show it.
    assert mayor.engagement.objective == ""
    assert mayor.engagement.messenger == "" and mayor.engagement.owner == ""
    assert out.positions == {"s1": (0.0, 0.0)}


def test_partner_withholds_what_we_want_from_every_stakeholder_alike(
    sensitive_map: StakeholderMap,
) -> None:
    plan = Engagement(
        objective="Agree the shelter MoU",
        desired_change="From neutral to sponsor",
        ask="Co-sign",
        key_messages="Lives",
        channel="Meeting",
        next_action="Send the draft",
        due_date=dt.date(2027, 1, 15),
        timing_window="Before the budget",
        mou_status="drafting",
        expect_to_see="Receives us",
        like_to_see="Signs",
        love_to_see="Champions it",
    )
    # The user marked the mayor's free text shareable with partners.
    sensitive_map.sharing = {stakeholder_key("mayor", f): "partner" for f in STAKEHOLDER_SHAREABLE}
    shown = []
    for position in (-2, -1, 0, 2, None):
        mayor = dataclasses.replace(
            sensitive_map.stakeholders["mayor"], position=position, engagement=plan
        )
        sensitive_map.stakeholders["mayor"] = mayor
        shown.append(redact(sensitive_map, "partner").stakeholders["s1"].engagement)
    # Opposed or not, the mayor's engagement reads the same: only what partners act on.
    assert all(e == shown[0] for e in shown)
    assert shown[0] == Engagement(
        key_messages="Lives",
        channel="Meeting",
        next_action="Send the draft",
        due_date=dt.date(2027, 1, 15),
        timing_window="Before the budget",
        mou_status="drafting",
    )


@pytest.mark.parametrize("level", ["partner", "public"])
def test_conflict_and_distrust_ties_are_left_out_below_full(
    rich_map: StakeholderMap, level: str
) -> None:
    negative = [r for r in rich_map.relationships.values() if r.valence == "negative"]
    assert negative
    out = redact(rich_map, level)
    assert all(r.valence == "positive" for r in out.relationships.values())
    kept = {sid for sid, s in rich_map.stakeholders.items() if s.sensitivity != "confidential"}
    positive = [
        r
        for r in rich_map.relationships.values()
        if r.valence == "positive" and {r.source, r.target} <= kept
    ]
    assert len(out.relationships) == len(positive) > 0


def test_public_names_only_public_stakeholders(sensitive_map: StakeholderMap) -> None:
    out = redact(sensitive_map, "public")
    labels = sorted(s.label for s in out.stakeholders.values())
    assert labels == ["Mayor ([erased])", "Red Cross / Red Crescent 1", "Youth group 1"]
    youth = next(s for s in out.stakeholders.values() if s.category == "youth")
    assert (youth.power, youth.interest, youth.engagement) == (2, 5, Engagement())


def test_levels_are_described_and_checked(sensitive_map: StakeholderMap) -> None:
    assert set(LEVEL_DESCRIPTIONS) == set(EXPORT_LEVELS) == {"full", "partner", "public"}
    with pytest.raises(ValueError, match="Unknown export level 'secret'"):
        redact(sensitive_map, "secret")


def test_partner_leaves_out_attitudes_and_judgements_in_engagement_text() -> None:
    smap = StakeholderMap()
    smap.stakeholders["dev"] = Stakeholder(
        "dev",
        "Property developer",
        "private",
        engagement=Engagement(
            objective="Agree a flood-safe building code",
            desired_change="From open hostility to grudging acceptance",
            approach="Go around the director, who distrusts us",
            risks="Lobbies the council against us",
        ),
    )
    shown = next(iter(redact(smap, "partner").stakeholders.values())).engagement
    # Left out though no position is recorded: what we want is withheld for everyone.
    assert shown == Engagement()


def _names_in_free_text() -> StakeholderMap:
    """Personal names written in the forms people use, in fields Partner level keeps."""
    smap = StakeholderMap()
    smap.info = MapInfo(title="Meeting LEILA ORSAN", city="Marenza", author="Fatma Ali")
    people = {
        "dmu": Stakeholder(
            "dmu",
            "Disaster management unit (L. Orsan)",
            "municipal",
            role="Head: Orsan",
            person="Leila Orsan",
            contact="+000 555 0142, drm.unit@marenza-city.example.org",
            tags=("leila orsan",),
            engagement=Engagement(
                key_messages="Ask ORSAN to co-sign; the mayor said yes",
                next_action="Call L Orsan, then F. Ali writes to Leila",
                timing_window="When Orsan, L. shares the evacuation list",
            ),
        ),
        "council": Stakeholder(
            "council",
            "Районный совет",
            "municipal",
            organisation="Совет (О. Петренко)",
            person="Ольга Петренко",
            engagement=Engagement(key_messages="ПЕТРЕНКО поддерживает план; Ольга тоже"),
        ),
        "radio": Stakeholder(
            "radio",
            "إذاعة المدينة",
            "media",
            person="ليلى أورسان",
            engagement=Engagement(next_action="اتصل بأورسان", channel="ليلي اورسان"),
        ),
        "press": Stakeholder(
            "press",
            "Daily press",
            "media",
            person="José Núñez",
            engagement=Engagement(key_messages="Nunez agrees; J. Núñez writes the piece"),
        ),
    }
    smap.stakeholders.update(people)
    smap.relationships["r1"] = Relationship("r1", "dmu", "council")
    smap.relationships["r2"] = Relationship("r2", "radio", "press")
    # Every text marked shareable, so that only the cleaning stands between names and partners.
    smap.sharing = {stakeholder_key(s, f): "partner" for s in people for f in STAKEHOLDER_SHAREABLE}
    return smap


#: Every name part, accent- and variant-free, as the exported files are searched.
TRACES = ("leila", "orsan", "ольга", "петренко", "اورسان", "ليلي", "jose", "nunez", "fatma")


def _plain(text: str) -> str:
    """Text without accents, Arabic variants and XML escapes, in lower case, for searching."""
    text = unicodedata.normalize("NFD", html.unescape(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    for variants, plain in (("أإآ", "ا"), ("ى", "ي")):
        text = re.sub(f"[{variants}]", plain, text)
    return text


def _exported_text(path: Path) -> str:
    """All the text of an exported file, the XML parts of a workbook or document too."""
    if path.suffix in (".xlsx", ".docx"):
        with zipfile.ZipFile(path) as book:
            parts = [n for n in book.namelist() if n.endswith((".xml", ".rels"))]
            return "\n".join(book.read(n).decode("utf-8") for n in parts)
    return path.read_bytes().decode("utf-8-sig")


def test_partner_exports_hold_no_form_of_a_personal_name(tmp_path: Path, capsys) -> None:
    source = tmp_path / "city.smap"
    save_map(_names_in_free_text(), source)
    written = []
    for fmt in ("graphml", "gexf", "csv", "xlsx"):
        out = tmp_path / f"partner.{fmt}"
        args = ["export", str(source), "--to", fmt, "-o", str(out), "--level", "partner"]
        assert main(args) == 0
        written.append(out)
    assert main(["plan", str(source), "-o", str(tmp_path / "p.docx"), "--level", "partner"]) == 0
    written += [tmp_path / "partner_relationships.csv", tmp_path / "p.docx"]
    capsys.readouterr()
    for path in written:
        text = _plain(_exported_text(path))
        for trace in TRACES:
            assert trace not in text, f"{trace!r} in {path.name}"
    # What is not a name is kept (the search would see it), and so is everything at Full.
    stakeholders = _plain(_exported_text(tmp_path / "partner.csv"))
    assert "disaster management unit ([erased])" in stakeholders
    assert "the mayor said yes" in stakeholders and _plain("Районный совет") in stakeholders
    assert main(["export", str(source), "--to", "graphml", "-o", str(tmp_path / "f.graphml")]) == 0
    full = _plain(_exported_text(tmp_path / "f.graphml"))
    assert all(trace in full for trace in TRACES)


def test_sample_map_at_partner_level_names_no_one(tmp_path: Path, capsys) -> None:
    sample = Path(__file__).parents[2] / "resources" / "samples" / "marenza.smap"
    people = [s.person for s in load_map(sample).stakeholders.values() if s.person]
    assert len(people) >= 5
    out = tmp_path / "marenza.gexf"
    args = ["export", str(sample), "--to", "gexf", "-o", str(out), "--level", "partner"]
    assert main(args) == 0
    capsys.readouterr()
    text = _plain(_exported_text(out))
    for part in (p for person in people for p in person.split()):
        assert _plain(part) not in text, part


def test_partner_table_export_does_not_tell_opposed_stakeholders_apart(
    tmp_path: Path, capsys
) -> None:
    sample = load_map(Path(__file__).parents[2] / "resources" / "samples" / "marenza.smap")
    opposed = [sid for sid, s in sample.stakeholders.items() if (s.position or 0) < 0]
    assert "tabloid" in opposed
    # The same map with every opposed stakeholder turned supportive.
    # Next actions marked for partners: shared text must not depend on attitude either.
    sample.sharing = {stakeholder_key(sid, "next_action"): "partner" for sid in sample.stakeholders}
    supportive = sample.copy()
    for sid in opposed:
        supportive.stakeholders[sid] = dataclasses.replace(sample.stakeholders[sid], position=1)
    written = {}
    for name, smap in (("as-is", sample), ("supportive", supportive)):
        save_map(smap, tmp_path / f"{name}.smap")
        for fmt in ("csv", "graphml", "gexf"):
            out = tmp_path / f"{name}.{fmt}"
            args = ["export", str(tmp_path / f"{name}.smap"), "--to", fmt, "-o", str(out)]
            assert main([*args, "--level", "partner"]) == 0
            written[name, fmt] = out
    capsys.readouterr()
    for fmt in ("csv", "graphml", "gexf"):
        assert written["as-is", fmt].read_bytes() == written["supportive", fmt].read_bytes()
    csv = _exported_text(written["as-is", "csv"])
    assert "Prepare a fact sheet and Q&A for the MoU announcement." in csv  # next action kept
    for s in sample.stakeholders.values():
        e = s.engagement
        for text in (e.objective, e.ask, e.desired_change, e.expect_to_see, e.like_to_see):
            assert not text or (json.dumps(text)[1:-1] not in csv and text not in csv), text
