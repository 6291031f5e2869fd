"""The room's individual ratings drawn as a cloud around each point of a grid, so the
facilitator and the projector show how far apart the room is, not only the map's value."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import pyqtgraph as pg

from ..panels.grids import ScaleGrid, spread

__all__ = ["RatingCloud"]

#: How far the dots of one rating spread around its cell, relative to the grid's own spread.
CLOUD_STEP = 1.0
#: Dark grey crosses, a shape no category uses, so a rating never reads as a stakeholder.
CLOUD_COLOUR = "#333333"
#: The thin line from each rating to the stakeholder's point on the map.
TIE_COLOUR = (80, 80, 80, 90)


class RatingCloud:
    """Small crosses on ``grid``, one per participant's rating, each tied by a thin line
    to the stakeholder's point when the map rates it."""

    def __init__(self, grid: ScaleGrid) -> None:
        self.grid = grid
        self.ties = pg.PlotDataItem(pen=pg.mkPen(*TIE_COLOUR, width=1), connect="pairs")
        self.item = pg.ScatterPlotItem(
            size=9, symbol="+", pen=pg.mkPen(CLOUD_COLOUR, width=1.5), pxMode=True
        )
        for z, item in enumerate((self.ties, self.item)):
            item.setZValue(-2 + z)
            grid.plot.addItem(item)

    def set_ratings(self, ratings: Mapping[str, Sequence[Mapping[str, int | None]]]) -> None:
        """Draw each stakeholder's ratings (a list of {field: value} per participant);
        ratings with "don't know" on either axis are left out."""
        x_field, y_field = self.grid.spec.x_field, self.grid.spec.y_field
        spots = []
        xs: list[float] = []
        ys: list[float] = []
        for sid, answers in ratings.items():
            centre = self.grid.spot(sid)
            counts = Counter(
                (a.get(x_field), a.get(y_field))
                for a in answers
                if a.get(x_field) is not None and a.get(y_field) is not None
            )
            for (x, y), count in counts.items():
                # The spiral's centre is left to the map's own point, drawn over the cloud.
                for dx, dy in spread(count + 1)[1:]:
                    pos = (x + dx * CLOUD_STEP, y + dy * CLOUD_STEP)
                    spots.append({"pos": pos, "data": sid})
                    if centre is not None:
                        xs += [centre[0], pos[0]]
                        ys += [centre[1], pos[1]]
        self.item.setData(spots)
        self.ties.setData(xs, ys)

    @property
    def count(self) -> int:
        """How many dots are drawn."""
        return len(self.item.data)
