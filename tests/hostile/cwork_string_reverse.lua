-- expect: budget exceeded
-- mode: run
-- string.reverse over 8 MB, again and again, inside an effect.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local s = ("x"):rep(8 * 1024 * 1024)
    for i = 1, 1e9 do local r = s:reverse() end
end }
