-- expect: instruction budget exceeded (10 million instructions in one call)
-- expect: while running the effect of inject 'go'
-- mode: run
-- An endless loop in an inject's effect.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local n = 0
    while true do n = n + 1 end
end }
