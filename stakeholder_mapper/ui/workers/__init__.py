"""Work done off the GUI thread or after the first paint: the thread pool, live metrics,
panels built late."""
