-- expect: lines reached; further output is dropped
-- mode: check
-- print in a loop: a kilobyte per line, millions of lines.
local line = ("p"):rep(1000)
for i = 1, 1e9 do print(line) end
