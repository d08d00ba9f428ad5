-- expect: instruction budget exceeded (10 million
-- mode: run
-- pcall around an endless loop inside an effect, retried forever; the
-- error value is swallowed each time.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    for i = 1, math.huge do
        pcall(function() while true do end end)
        pcall(error, "again")
    end
end }
