"""The cost of checking a workbook before reading it, next to the read itself.

Every workbook is inflated and its cell positions followed (io/workbook_check.py) before
python-calamine reads it, so that a hostile file is refused instead of aborting the app.
This prints the time of that check and of the read on a 50,000-row, 20-column sheet
(1,000,000 cells), and how fast a hostile file is refused. Run from the repository:

    python benchmarks/workbook_check.py
"""

from __future__ import annotations

import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook

from stakeholder_mapper.io.tables import TableImportError, read_workbook
from stakeholder_mapper.io.workbook_check import check_workbook

ROWS, COLUMNS = 50_000, 20


def _timed(work: object) -> float:
    start = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Stakeholders")
        sheet.append([f"column {i}" for i in range(COLUMNS)])
        for r in range(ROWS):
            sheet.append([f"text {r} {i}" if i % 2 else r * i for i in range(COLUMNS)])
        path = folder / "big.xlsx"
        book.save(path)
        check = min(_timed(lambda: check_workbook(path)) for _ in range(3))
        read = min(_timed(lambda: read_workbook(path)) for _ in range(3))
        print(f"workbook of {ROWS:,} x {COLUMNS} cells, {path.stat().st_size / 1e6:.1f} MB")
        print(f"  check alone          {check:6.2f} s")
        print(f"  read (with check)    {read:6.2f} s   check share {check / read:.0%}")

        far = folder / "far.xlsx"
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(far, "w") as target:
            for item in source.infolist():
                data = source.read(item)
                if item.filename.endswith("sheet1.xml"):
                    data = data.replace(
                        b"</sheetData>",
                        b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
                    )
                target.writestr(item, data)

        def refuse() -> None:
            try:
                read_workbook(far)
            except TableImportError:
                return
            raise AssertionError("the far cell was not refused")

        print(f"  same with a cell at XFD1048576 refused in {_timed(refuse):.2f} s")


if __name__ == "__main__":
    main()
