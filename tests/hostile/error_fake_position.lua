-- expect: pretending to be elsewhere
-- mode: check
-- Level 0 with a made-up file:line: the error must still name this file
-- and line, not the one the message claims.
error("/work/main/game/main.c:99: pretending to be elsewhere", 0)
