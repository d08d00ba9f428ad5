-- expect: instruction budget exceeded (10 million instructions in one call)
-- mode: run
-- A 4 KB flag written again and again: each write scans and copies it.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local a = ("é"):rep(2047)
    local f = w.flag
    for i = 1, 1e8 do f.a = a end
end }
