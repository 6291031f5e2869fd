"""The network canvas: scene, items, view, legend and background layout."""

from .scene import CanvasFilter, MapScene
from .view import MapView

__all__ = ["CanvasFilter", "MapScene", "MapView"]
