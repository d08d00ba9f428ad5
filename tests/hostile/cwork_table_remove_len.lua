-- expect: budget exceeded
-- mode: run
-- table.remove(t, 1) shifts #t elements in C; __len claims 2^40.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local t = setmetatable({}, { __len = function() return 2 ^ 40 end })
    table.remove(t, 1)
end }
