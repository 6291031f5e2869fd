#!/bin/sh
# Make sure the system libraries Qt needs are present; install them with apt-get when we can.
PY="$1"
if "$PY" -c "from PySide6 import QtWidgets" 2>/dev/null; then exit 0; fi
PKGS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0"
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq $PKGS >/dev/null
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo apt-get install -y -qq $PKGS >/dev/null
fi
if ! "$PY" -c "from PySide6 import QtWidgets"; then
    echo "Qt cannot start: install these system packages and retry: $PKGS" >&2
    exit 1
fi
