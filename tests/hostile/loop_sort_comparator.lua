-- expect: instruction budget exceeded
-- mode: run
-- table.sort with a comparator that never returns.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    table.sort({ 3, 1, 2 }, function(a, b) while true do end end)
end }
