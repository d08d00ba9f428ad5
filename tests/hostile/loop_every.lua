-- expect: instruction budget exceeded (10 million
-- expect: every("1m") hook
-- mode: run
-- An every() hook that never returns.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
every("1m", function(w) while true do end end)
