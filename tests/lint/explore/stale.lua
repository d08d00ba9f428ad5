-- A condition that breaks the rule of reading only `w`, for `bulkhead
-- check --explore N` and `bulkhead explore --verify` (tests/lint.sh,
-- test_explore). "sneaky" reads the Lua variable `armed`, which the "arm"
-- inject sets at 10m without changing anything in w. At T+0 the condition
-- read nothing from w (armed was false), so the engine never asks it again
-- and it never fires; verification asks it after each later event (10m and
-- 20m) and finds it would say yes: 2 contradictions a session.
local armed = false
scenario { id = "stale", title = "Stale", start = "2020-01-01 09:00", length = "2h" }
meter { id = "m", label = "M", start = 10 }
inject { id = "arm", at = "10m", channel = "email", title = "Arm", source = "fiction",
         effect = function() armed = true end }
inject { id = "tick", at = "20m", channel = "email", title = "Tick", source = "fiction",
         effect = function(w) w.meter.m = 11 end }
inject { id = "sneaky", channel = "email", title = "Sneaky", source = "fiction",
         when = function(w) return armed and w.meter.m > 5 end }
ending { id = "end", title = "E", text = "T", fallback = true }
