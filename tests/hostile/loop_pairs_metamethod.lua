-- expect: instruction budget exceeded
-- mode: run
-- pairs calls __pairs, which loops.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    for k in pairs(setmetatable({}, { __pairs = function() while true do end end })) do end
end }
