"""Desktop user interface (Qt)."""
