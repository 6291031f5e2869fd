"""Opening and saving maps: the file workflow, autosave and recovery, locks and passwords, a
file changed on disk, and the folders files go to."""
