"""Opening and saving maps: the file workflow, autosave and recovery, locks and passwords, a
damaged map, and a file changed on disk."""
