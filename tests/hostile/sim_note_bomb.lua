-- expect: note limit reached
-- mode: run
-- 20000 notes of 4 KB: 80 MB kept by the session outside the Lua state.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local text = ("n"):rep(4096)
    for i = 1, 20000 do w.note(text) end
    error("80 MB of notes were accepted")
end }
