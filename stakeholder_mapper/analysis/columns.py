"""The columns of the metrics table, by name: light enough for the window to import at start.

The metrics themselves are computed in :mod:`.metrics`, which loads igraph, numpy and
pandas; the window needs only the column names to build its menus and tables.
"""

from __future__ import annotations

from ..core.i18n import N_, _, pgettext

__all__ = [
    "ALL_COLUMNS",
    "EXPORT_COLUMNS",
    "EXTRA_COLUMNS",
    "IDENTITY_COLUMNS",
    "METRIC_COLUMNS",
    "ROLES",
    "Z_COLUMNS",
    "column_header",
]

#: The five Gould–Fernandez brokerage roles, then their sum, in the order of the metrics table.
ROLES: tuple[str, ...] = (
    "coordinator",
    "itinerant",
    "gatekeeper",
    "representative",
    "liaison",
    "total",
)

IDENTITY_COLUMNS: tuple[str, ...] = ("id", "name", "category")

#: The metric columns of the metrics export (DESIGN.md §8), in order.
METRIC_COLUMNS: tuple[str, ...] = (
    "betweenness",
    "gf_coordinator",
    "gf_itinerant",
    "gf_gatekeeper",
    "gf_representative",
    "gf_liaison",
    "gf_total",
    "constraint",
    "effective_size",
    "in_degree",
    "out_degree",
    "pagerank",
    "community",
)

_GF_COLUMNS = tuple(f"gf_{role}" for role in ROLES)

#: Gould–Fernandez z-scores, NaN where the standard deviation is zero.
Z_COLUMNS: tuple[str, ...] = tuple(f"{c}_z" for c in _GF_COLUMNS)

#: Columns of the metrics export (CLI, CSV and Excel): DESIGN.md §8 plus the z-scores.
EXPORT_COLUMNS: tuple[str, ...] = (*IDENTITY_COLUMNS, *METRIC_COLUMNS, *Z_COLUMNS)

#: Further columns of :func:`compute_metrics` (not part of the export contract).
EXTRA_COLUMNS: tuple[str, ...] = (
    *(f"{c}_expected" for c in _GF_COLUMNS),
    "in_strength",
    "out_strength",
    "hierarchy",
    "communities_bridged",
    "articulation_point",
    "reachability_loss",
    "group",
)

#: Every column of :func:`compute_metrics`, in order.
ALL_COLUMNS: tuple[str, ...] = (*IDENTITY_COLUMNS, *METRIC_COLUMNS, *Z_COLUMNS, *EXTRA_COLUMNS)

#: The shown columns' headers as the user reads them (others: the column's name).
_HEADERS = {
    "name": N_("name"),
    "betweenness": N_("betweenness"),
    "gf_coordinator": N_("coordinator"),
    "gf_itinerant": N_("itinerant"),
    "gf_gatekeeper": N_("gatekeeper"),
    "gf_representative": N_("representative"),
    "gf_liaison": N_("liaison"),
    "gf_total": N_("brokerage total"),
    "constraint": N_("constraint"),
    "effective_size": N_("effective size"),
    "in_degree": N_("in degree"),
    "out_degree": N_("out degree"),
    "pagerank": N_("PageRank"),
}


def column_header(column: str) -> str:
    """A metrics column's plain name in the interface language ("coordinator", not
    "gf_coordinator"): the metrics table, the Size menu and the legend say the same."""
    # In a context of their own: the same words are counted elsewhere ("3 categories").
    if column == "category":
        return pgettext("metrics column", "category")
    if column == "community":
        return pgettext("metrics column", "coalition")
    known = _HEADERS.get(column)
    return _(known) if known else column.replace("_", " ")
