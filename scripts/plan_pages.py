"""Render the sample map's engagement plan to page images for the documentation.

Writes the full plan of ``resources/samples/marenza.smap``, converts it to PDF with
LibreOffice (the conversion a reader would do) and saves three pages at 80 dpi as
``docs/images/plan-summary.png`` (the executive summary), ``docs/images/plan-network.png``
(the network figure's landscape page) and ``docs/images/plan-sheet.png`` (the mayor's
engagement sheet). Needs ``libreoffice`` and ``pdftoppm``/``pdftotext``
(poppler-utils)::

    python scripts/plan_pages.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from stakeholder_mapper.io.plan import write_plan
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


def _page_starting_with(pdf: Path, text: str, pages: int) -> int:
    for number in range(3, pages + 1):
        found = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        # The first line is the running header.
        body = "\n".join(line for line in found.splitlines()[1:] if line.strip())
        if body.startswith(text):
            return number
    raise SystemExit(f"No page of {pdf.name} starts with {text!r}.")


def main() -> None:
    """Write the plan, convert it and save the page images."""
    for tool in ("libreoffice", "pdftoppm", "pdftotext"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed: apt-get install libreoffice-writer poppler-utils")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        docx = write_plan(load_map(SAMPLE_MAP), work / "marenza-plan.docx")
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
        for name, text in PAGES.items():
            number = _page_starting_with(pdf, text, pages)
            stem = work / name.removesuffix(".png")
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
