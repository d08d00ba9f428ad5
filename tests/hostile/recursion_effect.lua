-- expect: recursion_effect.lua:
-- mode: run
-- Unbounded recursion inside an effect.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
local function f(n) return 1 + f(n + 1) end
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    f(1)
end }
