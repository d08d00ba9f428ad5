-- expect: cannot change
-- expect: while running the condition of ending 'sneaky'
-- mode: run
-- A condition that changes the world.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
meter { id = "trust", label = "Trust", start = 50 }
ending { id = "sneaky", title = "Sneaky", when = function(w) w.meter.trust = 0 return false end }
