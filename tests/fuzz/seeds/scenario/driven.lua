-- The smallest scenario with every kind of declaration and hook; the last
-- line ("--!" and bytes) drives the fuzz session (tests/fuzz/fuzz_scenario.c).
scenario { id = "s", title = "S", start = "2020-01-01 00:00", length = "6h", rate = 60 }
meter { id = "m", label = "M", start = 50, min = 0, max = 100 }
system { id = "sys", label = "Sys", status = "online" }
team { id = "t", label = "T", staff = 2 }
inject { id = "i", at = "0m", channel = "email", title = "I", source = "fiction",
         effect = function(w) w.flag.seen = true; w.after("10m", function(x) x.fire("j") end) end }
inject { id = "j", channel = "phone", title = "J", source = "fiction", repeatable = true,
         when = function(w) return w.meter.m < 40 end }
action { id = "a", kind = "contain", label = "A", team = "t", takes = "20m", source = "fiction",
         available = function(w) return w.flag.seen == true end,
         effect = function(w) w.meter.m = w.meter.m + 10; w.system.sys.status = "isolated" end }
action { id = "b", kind = "restore", label = "B", team = "t", staff = 2, takes = "1h",
         source = "fiction", effect = function(w) w.open("d") end }
decision { id = "d", prompt = "D?", deadline = "30m", default = "n",
           options = { { id = "y", label = "Y", effect = function(w) w.note("yes " .. w.time) end },
                       { id = "n", label = "N", effect = function(w) w.meter.m = w.random(0, 100) end } } }
every("15m", function(w) w.meter.m = w.meter.m - 3 end)
ending { id = "good", title = "Good", tone = "good", when = function(w) return w.meter.m >= 90 end }
ending { id = "over", title = "Over", fallback = true }
--!AE@BMI@FCPbQ@@
