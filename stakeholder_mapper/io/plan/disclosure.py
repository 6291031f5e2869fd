"""Small-cell protection for the Public version's tables of counts. No Qt.

Suppressing a count of 1 or 2 ("primary suppression") is not enough when a total is
printed as well: "<3, <3, <3, total 3" means 1 each, and "3 + <3 = 5" means 2. As
statistical offices do, a table's cells are checked against every total a reader can
learn (the quadrant counts the summary prints, the number of stakeholders), and where
one would let the reader work out a suppressed cell a second cell is withheld
("secondary suppression"): it reads "≥3". Where that is not enough, every cell of the
group is withheld. Totals across suppressed cells are printed as ranges computed from
the cells themselves, which tell the reader nothing the cells do not.
"""

from __future__ import annotations

from collections.abc import Sequence

from .restricted import MIN_PUBLIC_COUNT

__all__ = ["HIDDEN", "PLUS", "SMALL", "protect", "total_text"]

#: A count of 1 or 2.
SMALL = f"<{MIN_PUBLIC_COUNT}"
#: A count of 3 or more withheld so that a small one beside it cannot be worked out.
PLUS = f"≥{MIN_PUBLIC_COUNT}"
#: A count withheld altogether (0 or more) where nothing less protects a small one.
HIDDEN = "c"

_UNBOUNDED = float("inf")


def _bounds(label: str) -> tuple[float, float]:
    """What a reader knows of a cell from its label: the least and the most it can be."""
    if label == SMALL:
        return 1, MIN_PUBLIC_COUNT - 1
    if label == PLUS:
        return MIN_PUBLIC_COUNT, _UNBOUNDED
    if label == HIDDEN:
        return 0, _UNBOUNDED
    return int(label), int(label)


def _exposed(labels: list[str], cells: list[int], group: Sequence[int]) -> bool:
    """Whether a reader who knows the group's total can tell the exact value of one of
    its cells shown as "<3"."""
    total = sum(cells[i] for i in group)
    bounds = {i: _bounds(labels[i]) for i in group}
    for i in group:
        if labels[i] != SMALL:
            continue
        low_rest = sum(lo for j, (lo, _) in bounds.items() if j != i)
        high_rest = sum(hi for j, (_, hi) in bounds.items() if j != i)
        low = max(bounds[i][0], total - high_rest)
        high = min(bounds[i][1], total - low_rest)
        if low == high:
            return True
    return False


def protect(cells: Sequence[int], groups: Sequence[Sequence[int]]) -> list[str]:
    """The labels of ``cells`` as a Public version prints them: exact from 3 on and for
    0, "<3" for 1 and 2, and "≥3" or "c" where a printed total of one of ``groups``
    (lists of cell indices, each group's total known to the reader, groups disjoint)
    would otherwise give a small cell away."""
    values = list(cells)
    labels = [SMALL if 0 < n < MIN_PUBLIC_COUNT else str(n) for n in values]
    for group in groups:
        while _exposed(labels, values, group):
            # A withheld count of 4 or more can give one to a neighbour of 1; a 3 only
            # hides the sum of neighbours of 2. The smallest such count costs least.
            spare = sorted(
                (values[i] < MIN_PUBLIC_COUNT + 1, values[i], i)
                for i in group
                if labels[i] == str(values[i]) and values[i] >= MIN_PUBLIC_COUNT
            )
            if not spare:
                for i in group:
                    labels[i] = HIDDEN
                break
            labels[spare[0][2]] = PLUS
    return labels


def total_text(labels: Sequence[str]) -> str:
    """A total across printed cells, as exact as the cells allow and no more: '7',
    '<3', '4–6', '≥5'. It tells a reader nothing the cells do not."""
    low = sum(_bounds(label)[0] for label in labels)
    high = sum(_bounds(label)[1] for label in labels)
    if low == high:
        return str(int(low))
    if high == _UNBOUNDED:
        return f"≥{int(low)}"
    if low > 0 and high < MIN_PUBLIC_COUNT:
        return SMALL
    return f"{int(low)}–{int(high)}"
