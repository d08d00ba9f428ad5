-- expect: session instruction limit reached
-- mode: run
-- Every hook call stays just under its own budget, but there are many of
-- them: a two-hour session with a heavy hook every simulated minute.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "2h" }
ending { id = "over", title = "Over", fallback = true }
every("1m", function(w)
    local n = 0
    for i = 1, 4400000 do n = n + i end
end)
