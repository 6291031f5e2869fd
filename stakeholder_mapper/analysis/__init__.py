"""Network metrics on graphs built from the map (no Qt).

Start with :func:`compute_metrics` (one table of every metric), :func:`trusted_routes`,
and :func:`stakeholder_readings` / :func:`map_findings` for plain-language readings.
"""

from .progress import Cancelled
from .views import AnalysisInputError, GraphView, build_graph, distance

__all__ = ["AnalysisInputError", "Cancelled", "GraphView", "build_graph", "distance"]
