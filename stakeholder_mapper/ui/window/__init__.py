"""The main window: its shell, the actions and menus, the view controls, the Edit menu's
commands, and its size and docks."""
