-- expect: string.gsub: pattern too complex (work limit exceeded)
-- mode: run
-- Catastrophic backtracking in gsub, inside an effect.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local s = ("a"):rep(30)
    local r = s:gsub(("a-"):rep(30) .. "b", "")
end }
