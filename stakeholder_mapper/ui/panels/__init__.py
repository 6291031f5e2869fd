"""The docks beside the canvas: inspector, tables, grids, metrics, route, engagement log."""
