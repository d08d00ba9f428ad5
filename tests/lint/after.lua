-- `after` says from when a `when` condition is checked: without a `when`
-- it means nothing, so it is an error at the declaration.
-- expect: after.lua:8: error: inject 'early': field 'after' says from when 'when' is checked, but there is no 'when'
-- expect: after.lua:10: error: ending 'late': field 'after' says from when 'when' is checked, but there is no 'when'
scenario { id = "lint", title = "Lint", start = "2020-01-01 09:00", length = "1h" }
meter { id = "trust", label = "Trust", start = 50 }
inject { id = "fine", after = "10m", when = function(w) return w.meter.trust > 40 end, channel = "email", title = "x", source = "fiction" }
inject { id = "early", after = "10m", channel = "email", title = "x", source = "fiction" }
ending { id = "end", title = "E", text = "T", fallback = true }
ending { id = "late", title = "L", text = "T", after = "20m" }
