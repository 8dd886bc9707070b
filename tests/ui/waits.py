"""How long a window test waits for something it expects: a minute.

A wait returns as soon as its condition holds, so a long limit costs nothing when the test
passes; a short one (a second or two) fails a correct program on a busy machine, where a
250 ms debounce or a window activation can take seconds. Tests wait for conditions, never
for a number of milliseconds."""

PATIENCE_MS = 60_000
