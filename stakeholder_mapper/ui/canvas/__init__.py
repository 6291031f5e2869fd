"""The network canvas: scene, items, view and legend."""

from .scene import CanvasFilter, MapScene
from .view import MapView

__all__ = ["CanvasFilter", "MapScene", "MapView"]
