-- expect: budget exceeded
-- reject: the cap did not hold
-- mode: run
-- Memory errors caught by pcall, while keeping what was allocated: the
-- cap must hold across the catches.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local keep = {}
    for i = 1, 1000 do
        pcall(function()
            local s = "x"
            while true do s = s .. s; keep[#keep + 1] = s end
        end)
    end
    error("the cap did not hold")
end }
