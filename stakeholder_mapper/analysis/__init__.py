"""Network metrics on graphs built from the map (no Qt).

Start with :func:`.metrics.compute_metrics` (one table of every metric),
:func:`.routes.trusted_routes`, and :func:`.readings.stakeholder_readings` /
:func:`.readings.map_findings` for plain-language readings. Definitions: docs/metrics.md.
"""

from .progress import Cancelled
from .views import AnalysisInputError, GraphView, build_graph, distance

__all__ = ["AnalysisInputError", "Cancelled", "GraphView", "build_graph", "distance"]
