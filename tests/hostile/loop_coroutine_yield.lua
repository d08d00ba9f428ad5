-- expect: budget exceeded
-- mode: run
-- A generator that yields forever and a consumer that never stops asking.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local gen = coroutine.wrap(function()
        local i = 0
        while true do i = i + 1; coroutine.yield(i) end
    end)
    while true do gen() end
end }
