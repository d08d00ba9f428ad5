-- expect: string slice too long
-- mode: check
-- utf8.codepoint over a whole 16 MB string would push 4 million values.
local s = ("\u{10FFFF}"):rep(4 * 1024 * 1024)
local t = { utf8.codepoint(s, 1, -1) }
