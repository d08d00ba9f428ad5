-- expect: instruction budget exceeded
-- mode: run
-- Like loop_close_coroutine, with coroutine.create/resume/close in an effect.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local co = coroutine.create(function()
        local guard <close> = setmetatable({}, { __close = function() while true do end end })
        while true do end
    end)
    coroutine.resume(co)
    coroutine.close(co)
    while true do end   -- the spent budget must stop this at once
end }
