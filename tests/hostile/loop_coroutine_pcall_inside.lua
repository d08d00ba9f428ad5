-- expect: instruction budget exceeded
-- mode: run
-- Inside a coroutine, pcall swallows the budget error and yields back, and
-- the outer loop resumes it again: neither side may continue.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local co = coroutine.wrap(function()
        while true do
            pcall(function() while true do end end)
            coroutine.yield()
        end
    end)
    while true do pcall(co) end
end }
