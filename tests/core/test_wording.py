"""Counts in messages: singular for one, plural otherwise."""

from stakeholder_mapper.core.wording import counted


def test_counted():
    assert counted(1, "row") == "1 row"
    assert counted(0, "row") == "0 rows"
    assert counted(2, "negative tie") == "2 negative ties"
    assert counted(1, "entry", "entries") == "1 entry"
    assert counted(3, "entry", "entries") == "3 entries"
