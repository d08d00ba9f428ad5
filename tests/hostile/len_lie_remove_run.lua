-- expect: instruction budget exceeded (10 million instructions in one call)
-- mode: run
-- The same lie to table.remove, in an effect.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local calls = 0
    local t = setmetatable({}, { __len = function() calls = calls + 1; return calls == 1 and 1 or 1 << 40 end })
    for i = 1, 1e9 do table.remove(t, 1) end
end }
