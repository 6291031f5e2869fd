"""Desktop user interface (Qt)."""

from ._none_guard import keep_none_alive

keep_none_alive()
