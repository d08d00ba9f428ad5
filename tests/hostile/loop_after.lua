-- expect: instruction budget exceeded (10 million
-- expect: w.after function
-- mode: run
-- A w.after callback that never returns.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    w.after("5m", function(w2) while true do end end)
end }
