-- A scenario that loads cleanly but fails during play: its first inject's
-- effect indexes a nil value. The UI must pause and show file:line and the
-- traceback, and never crash.
scenario { id = "runtime_error", title = "Fails at T+5m", summary = "Test fixture.",
           start = "2020-09-28 09:00", length = "1h", rate = 60 }
meter { id = "m", label = "Meter", start = 50 }
system { id = "s", label = "A system", status = "online" }
team { id = "t", label = "A team", staff = 1 }
action { id = "a", label = "Do something", team = "t", kind = "contain", takes = "10m", source = "fiction" }

local function broken(w)
    local cfg = nil
    w.meter.m = cfg.level -- line 13: attempt to index a nil value
end

inject { id = "boom", at = "5m", channel = "email", from = "Fixture", title = "This breaks",
         body = "The effect of this inject raises an error.", effect = broken, source = "fiction" }
ending { id = "done", title = "Done", text = "The end.", fallback = true }
