-- expect: cleared the screen?
-- mode: check
-- Terminal escapes in an error message must not reach the terminal.
error("\27[2J\27[H\27]0;pwned\7cleared the screen?\r\8")
