-- expect: budget exceeded
-- mode: check
-- string.format("%q") escapes byte by byte in C: 4 MB of NUL bytes per
-- call, again and again.
local s = ("\0"):rep(4 * 1024 * 1024)
for i = 1, 1e9 do local q = string.format("%q", s) end
