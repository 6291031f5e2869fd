"""A workshop room: participants rate and connect stakeholders from their phones over the
room's network. No Qt here; the window drives it from ``ui/``, and nothing a participant
sends changes the map until the facilitator adopts it."""
