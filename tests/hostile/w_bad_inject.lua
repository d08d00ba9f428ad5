-- expect: no inject 'nope'
-- expect: w_bad_inject.lua:7: error:
-- mode: run
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    w.fire("no" .. "pe") -- built at run time: a literal is caught by check
end }
