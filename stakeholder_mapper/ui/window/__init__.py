"""The main window: its shell, the actions and menus, the view controls, its size and docks,
and the open map as the window sees it (the document)."""
