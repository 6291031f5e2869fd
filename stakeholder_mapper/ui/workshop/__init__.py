"""Workshop tools: quick entry, influence towers, votes, snapshots and presentation mode."""
