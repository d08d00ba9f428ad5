-- expect: every("1s") would run
-- mode: run
-- A hook every simulated second in the longest session the engine allows:
-- millions of cheap hook calls for one headless run.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "69d" }
ending { id = "over", title = "Over", fallback = true }
every("1s", function(w) end)
