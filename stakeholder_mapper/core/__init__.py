"""Domain model, edit commands and validation (no Qt)."""
