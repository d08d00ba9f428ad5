-- expect: events at T+0d 00:00:00 without the clock moving
-- mode: run
-- Each w.after(0) callback schedules the next one at the same instant:
-- every hook call is cheap, but simulated time never moves.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
local function again(w) w.after(0, again) end
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = again }
