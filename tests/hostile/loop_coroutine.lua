-- expect: instruction budget exceeded
-- mode: run
-- An endless loop inside a coroutine, resumed again and again.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    while true do
        local co = coroutine.create(function() while true do end end)
        coroutine.resume(co)
    end
end }
