-- expect: memory limit exceeded
-- mode: run
-- A string that doubles until the cap, inside an effect.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local s = "x"
    while true do s = s .. s end
end }
