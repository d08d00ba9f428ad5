-- expect: caught a memory error and carried on
-- mode: run
-- A memory error caught by pcall frees its garbage; the scenario then
-- fails on purpose, so the expected message shows the state still works.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local ok, err = pcall(function()
        local s = "x"
        while true do s = s .. s end
    end)
    assert(not ok)
    error("caught a memory error and carried on: " .. tostring(err))
end }
