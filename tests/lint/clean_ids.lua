-- Every literal id here exists: no findings.
scenario { id = "clean", title = "Clean", start = "2020-01-01 09:00", length = "1h" }
meter { id = "trust", label = "Trust", start = 50 }
system { id = "email", label = "Email" }
team { id = "t", label = "T", staff = 1 }
action { id = "a", kind = "contain", label = "A", team = "t", takes = "5m", source = "fiction",
         effect = function(w) w.team.t.staff = 2; w.fire("i") end }
inject { id = "i", channel = "email", title = "x", source = "fiction",
         effect = function(w) if w.done("a") > 0 then w.system.email.status = "offline" end end }
decision { id = "d", at = "10m", prompt = "P", deadline = "5m", default = "y",
           options = { { id = "x", label = "X" }, { id = "y", label = "Y" } } }
ending { id = "end", title = "E", text = "T", fallback = true,
         when = function(w) return w.chosen("d") == "x" and w.meter["trust"] > 60 end }
