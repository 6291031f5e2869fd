"""Partner and Public outputs of a map that hides secrets in every user-written text.

``tests/data/leaky_city.smap`` (see its README) holds phone numbers in several formats,
e-mail addresses, personal names (declined, prefixed, in labels), attitudes in free text
and user-written names of a snapshot, a category, a relationship kind and a plan setting.
Each output is searched whole: every XML part of a .docx (headers, footers, core
properties included) and of a .xlsx (every sheet, shared strings), the GraphML, GEXF,
CSV and SVG files.
"""

from __future__ import annotations

import html
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest

from stakeholder_mapper.cli import main
from stakeholder_mapper.core.sharing import STAKEHOLDER_SHAREABLE, stakeholder_key
from stakeholder_mapper.io.project import load_map, save_map

LEAKY = Path(__file__).parents[1] / "data" / "leaky_city.smap"

#: What must not leave the Full version, by kind, as searched (see :func:`_plain`).
SECRETS: dict[str, tuple[str, ...]] = {
    "personal names": (
        "leila",
        "orsan",
        "fatma",
        "haddad",
        "елкин",
        "николаи",
        "коваленк",
        "оксана",
        "اورسان",
        "ليلي",
    ),
    "phone numbers": (
        "+380",
        "380 67",
        "380671234567",
        "123 4567",
        "123-45-67",
        "20 7946 0958",
        "+961",
        "765 4321",
    ),
    "e-mail addresses": ("example.org", "example.ua"),
    "attitudes in free text": ("opposition", "smear", "rebuttal", "may oppose the mou"),
    "user-written names": ("before orsan", "orsan family", "haddad clan", "haddadties", "budget"),
}
ALL_SECRETS = [s for group in SECRETS.values() for s in group]


def _plain(text: str) -> str:
    """Text without XML escapes, accents, Arabic and Cyrillic variants, in lower case."""
    text = unicodedata.normalize("NFD", html.unescape(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    for variants, plain in (("أإآ", "ا"), ("ى", "ي"), ("ё", "е"), ("й", "и")):
        text = re.sub(f"[{variants}]", plain, text)
    return text


def _whole_text(path: Path) -> str:
    """Every text part of an output: all XML parts of a .docx or .xlsx, or the file."""
    if path.suffix in (".xlsx", ".docx"):
        with zipfile.ZipFile(path) as package:
            parts = [n for n in package.namelist() if n.endswith((".xml", ".rels"))]
            return "\n".join(package.read(n).decode("utf-8") for n in parts)
    return path.read_bytes().decode("utf-8-sig")


def _outputs(source: Path, folder: Path, level: str) -> list[Path]:
    """The plan and every data and picture export of ``source`` at ``level``."""
    plan = folder / f"plan-{level}.docx"
    assert main(["plan", str(source), "-o", str(plan), "--level", level]) == 0
    written = [plan]
    if level != "public":  # data and picture exports stop at Partner level
        for fmt in ("graphml", "gexf", "csv", "xlsx", "svg"):
            out = folder / f"{level}.{fmt}"
            assert main(["export", str(source), "--to", fmt, "-o", str(out), "--level", level]) == 0
            written.append(out)
        written.append(folder / f"{level}_relationships.csv")
    return written


def _leaks(paths: list[Path]) -> list[str]:
    return [
        f"{secret!r} in {path.name}"
        for path in paths
        for secret in ALL_SECRETS
        if secret in _plain(_whole_text(path))
    ]


@pytest.fixture(scope="module")
def full_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("full")
    return "\n".join(_plain(_whole_text(p)) for p in _outputs(LEAKY, folder, "full"))


def test_the_full_version_holds_every_secret(full_text: str) -> None:
    # The search below would see each secret: the Full version shows them all.
    assert [s for s in ALL_SECRETS if s not in full_text] == []


@pytest.mark.parametrize("level", ["partner", "public"])
def test_no_secret_reaches_a_partner_or_public_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], level: str
) -> None:
    paths = _outputs(LEAKY, tmp_path, level)
    capsys.readouterr()
    assert _leaks(paths) == []


def test_shared_free_text_is_still_cleaned_of_phones_mails_and_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    smap = load_map(LEAKY)
    smap.sharing = {
        stakeholder_key(sid, f): "partner"
        for sid in smap.stakeholders
        for f in STAKEHOLDER_SHAREABLE
    }
    source = tmp_path / "shared.smap"
    save_map(smap, source)
    paths = _outputs(source, tmp_path, "partner")
    capsys.readouterr()
    chosen = ("'opposition'", "'smear'", "'rebuttal'")  # attitudes the user chose to share
    assert [leak for leak in _leaks(paths) if not leak.startswith(chosen)] == []
    # Shared, the texts themselves arrive (attitudes the user chose to share included).
    csv = _plain(_whole_text(tmp_path / "partner.csv"))
    assert "визит к о. [erased] в пятницу" in csv
    assert "call [erased] to counter the directorate's opposition." in csv
    assert "telegram [erased]" in csv and "зустріч з [erased] у вівторок" in csv
