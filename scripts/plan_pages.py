"""Render the sample map's engagement plan to page images for the documentation.

Writes the full plan of ``resources/samples/marenza.smap``, converts it to PDF with
LibreOffice (the conversion a reader would do) and saves three pages at 80 dpi as
``docs/images/plan-summary.png`` (the executive summary), ``docs/images/plan-network.png``
(the network figure's landscape page) and ``docs/images/plan-sheet.png`` (the mayor's
engagement sheet). With ``--language ar`` (or fr, es, ru) the same pages of the plan in
that language go to ``docs/images/languages/plan-summary-ar.png``, ``plan-network-ar.png``
and ``plan-sheet-ar.png``. Needs ``libreoffice`` and ``pdftoppm``/``pdftotext``
(poppler-utils)::

    python scripts/plan_pages.py
    python scripts/plan_pages.py --language ar
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from stakeholder_mapper.core.i18n import LANGUAGES, _, speaking
from stakeholder_mapper.io.plan import PlanOptions, write_plan
from stakeholder_mapper.io.plan.options import SECTIONS
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP

IMAGES = Path(__file__).resolve().parent.parent / "docs" / "images"
#: Image name -> text that starts the page to show.
PAGES = {
    "plan-summary.png": "Executive summary",
    "plan-network.png": "The network at a glance",
    "plan-sheet.png": "Mayor of Marenza\nMunicipal authority",
}
DPI = 80
#: Direction marks and isolates pdftotext writes around right-to-left and Latin stretches.
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _pages(code: str) -> dict[str, str]:
    """Image name -> text that starts the page, for the plan in ``code``."""
    if code == "en":
        return PAGES
    with speaking(code):
        summary, network = _(SECTIONS["summary"]), _(SECTIONS["figures"])
    return {
        f"languages/plan-summary-{code}.png": summary,
        f"languages/plan-network-{code}.png": network,
        f"languages/plan-sheet-{code}.png": "Mayor of Marenza",
    }


def _page_starting_with(pdf: Path, text: str, pages: int) -> int:
    for number in range(3, pages + 1):
        found = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        # The first line is the running header.
        lines = [_MARKS.sub("", line).strip() for line in found.splitlines()[1:]]
        body = "\n".join(line for line in lines if line)
        # A right-to-left page may break a Latin heading over two lines of text.
        if body.startswith(text) or " ".join(body.split()).startswith(" ".join(text.split())):
            return number
    raise SystemExit(f"No page of {pdf.name} starts with {text!r}.")


def main() -> None:
    """Write the plan, convert it and save the page images."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=list(LANGUAGES), default="en")
    code = parser.parse_args().language
    for tool in ("libreoffice", "pdftoppm", "pdftotext"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed: apt-get install libreoffice-writer poppler-utils")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        docx = write_plan(
            load_map(SAMPLE_MAP), work / "marenza-plan.docx", PlanOptions(language=code)
        )
        subprocess.run(
            ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", folder, str(docx)],
            capture_output=True,
            check=True,
        )
        pdf = docx.with_suffix(".pdf")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        pages = int(
            next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))[6:]
        )
        for name, text in _pages(code).items():
            number = _page_starting_with(pdf, text, pages)
            stem = work / Path(name).stem
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    str(DPI),
                    "-f",
                    str(number),
                    "-l",
                    str(number),
                    "-singlefile",
                    str(pdf),
                    str(stem),
                ],
                check=True,
            )
            shutil.copy(stem.with_suffix(".png"), IMAGES / name)
            print(f"Wrote {IMAGES / name} (page {number} of {pages})")


if __name__ == "__main__":
    main()
