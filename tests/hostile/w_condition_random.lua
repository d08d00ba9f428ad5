-- expect: w.random inside a condition
-- mode: run
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
ending { id = "dice", title = "Dice", when = function(w) return w.random(6) == 7 end }
