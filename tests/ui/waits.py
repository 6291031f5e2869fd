"""How long tests wait for work the app does in the background."""

#: Milliseconds. A wait returns as soon as its condition holds, so only a stuck job waits this
#: long; a machine busy with other work makes a test slower, never failed.
BACKGROUND = 120_000
