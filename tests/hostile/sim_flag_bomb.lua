-- expect: flag limit reached
-- mode: run
-- 20000 distinct flags holding 4 KB each: 80 MB kept outside the Lua
-- state (and every new flag name is looked up among all earlier ones).
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local text = ("f"):rep(4096)
    for i = 1, 20000 do w.flag["f" .. i] = text end
    error("80 MB of flags were accepted")
end }
