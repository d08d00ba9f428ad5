-- expect: instruction budget exceeded (10 million
-- mode: run
-- plan: 0m start probe
-- An action's available-condition that never returns, reached by a plan
-- that starts the action.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
team { id = "it", label = "IT", staff = 2 }
action { id = "probe", kind = "investigate", label = "Probe", team = "it", takes = "10m",
         source = "fiction",
         available = function(w) while true do end end,
         effect = function(w) end }
