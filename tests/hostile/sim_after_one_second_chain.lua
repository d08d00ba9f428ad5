-- expect: limit
-- mode: run
-- Each w.after(1) callback schedules the next one a second later, for the
-- longest session the engine allows: millions of cheap hook calls in one
-- headless run, none of them over any per-call budget.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "69d" }
ending { id = "over", title = "Over", fallback = true }
local function again(w) w.after(1, again) end
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = again }
