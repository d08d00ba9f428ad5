-- expect: conditions would be checked
-- mode: run
-- Conditions checked every simulated second for the longest session.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "69d", check = "1s" }
ending { id = "over", title = "Over", fallback = true }
ending { id = "never", title = "Never", when = function(w) return false end }
