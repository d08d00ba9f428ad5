-- expect: instruction budget exceeded
-- mode: run
-- string.gsub with a replacement function that loops: Lua code called
-- from inside the C pattern matcher.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local s = ("x"):rep(100):gsub(".", function(c) while true do end end)
end }
