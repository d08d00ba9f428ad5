-- expect: instruction budget exceeded (10 million
-- expect: decision 'pay'
-- mode: run
-- Nobody chooses, so the default option's effect runs; it never returns.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
decision { id = "pay", prompt = "Pay?", deadline = "10m", default = "yes", at = "0m",
           options = { { id = "yes", label = "Yes", effect = function(w) while true do end end },
                       { id = "no", label = "No" } } }
