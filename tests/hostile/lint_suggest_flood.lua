-- expect: names inject
-- lines: lint_suggest_flood.lua 3000   w.fire("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")\n
-- lines: lint_suggest_flood.lua 1 end\n
-- mode: check
-- 20,000 injects with 64-character ids and 3,000 literal ids that are not
-- declared: each "did you mean" compared the literal with every id (64 x 64
-- steps each), after loading and outside any budget. Suggestions now share
-- a fixed amount of work per load.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
local p = ("a"):rep(58)
for i = 1, 19990 do inject { id = p .. string.format("%06d", i), channel = "email", title = "t", source = "fiction" } end
local function never(w)
