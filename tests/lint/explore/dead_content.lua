-- Content no session can reach, for `bulkhead check --explore N`
-- (tests/lint.sh): an inject whose condition never holds, an action that is
-- never available, a decision that never opens, and an ending never reached.
scenario { id = "dead", title = "Dead content", start = "2020-01-01 09:00", length = "2h" }
meter { id = "m", label = "M", start = 10 }
team { id = "t", label = "T", staff = 1 }
inject { id = "never", channel = "email", title = "Never", source = "fiction",
         when = function(w) return w.meter.m > 1000 end }
action { id = "go", kind = "contain", label = "Go", team = "t", takes = "5m", source = "fiction",
         effect = function(w) w.meter.m = 20 end }
action { id = "locked", kind = "restore", label = "Locked", team = "t", takes = "5m",
         source = "fiction", available = function(w) return false, "never" end }
decision { id = "ghost", prompt = "Never asked", deadline = "1h", default = "a",
           options = { { id = "a", label = "A" }, { id = "b", label = "B" } } }
ending { id = "impossible", title = "Impossible", text = "T", when = function(w) return w.meter.m < 0 end }
ending { id = "end", title = "E", text = "T", fallback = true }
