-- expect: events at T+0d 00:00:00 without the clock moving
-- mode: run
-- A repeatable inject whose effect fires itself: endless deliveries at T+0.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", repeatable = true,
         effect = function(w) w.fire("go") end }
