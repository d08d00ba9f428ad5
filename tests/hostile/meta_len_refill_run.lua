-- expect: instruction budget exceeded (10 million instructions in one call)
-- expect: while running the effect of inject 'go'
-- mode: run
-- The refill again, inside an effect, where the per-call limit is 10 million.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local t = setmetatable({}, {__len = function() return math.mininteger // 2 end})
    pcall(table.remove, t)
    while true do end
end }
