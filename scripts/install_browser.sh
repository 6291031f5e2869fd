#!/usr/bin/env bash
# Install Debian's chromium and chromium-driver when this machine lacks them (quietly): the
# workshop page's tests drive a real browser (tests/workshop/test_page_in_browser.py).
set -euo pipefail
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && exit 0
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
log=$(mktemp)
if ! {
    "${as_root[@]}" apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium chromium-driver
} >"$log" 2>&1; then
    cat "$log"
    echo "Could not install chromium and chromium-driver for the workshop page's tests." >&2
    exit 1
fi
rm -f "$log"
