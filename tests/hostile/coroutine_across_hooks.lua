-- expect: instruction budget exceeded (10 million
-- expect: every("5m") hook
-- mode: run
-- A coroutine started while the file loads, resumed by an effect and then
-- by an every() hook, where it loops forever: each hook call's budget
-- covers the coroutine it resumes.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
local co = coroutine.wrap(function(w)
    coroutine.yield()               -- while loading
    w = coroutine.yield()           -- in the effect
    assert(w.time == 300, "w works in the later hook")
    while true do end               -- in the every() hook
end)
co()
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w) co() end }
every("5m", function(w) co(w) end)
