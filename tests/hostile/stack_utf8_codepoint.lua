-- expect: string slice too long
-- mode: check
-- utf8.codepoint of every character of a 4 MB string.
local s = ("a"):rep(4 * 1024 * 1024)
local c = utf8.codepoint(s, 1, -1)
