-- expect: bad argument #1 to 'setmetatable' (table expected, got userdata)
-- mode: run
-- getmetatable(w) is hidden and setmetatable(w) is refused (w is a userdata).
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    assert(getmetatable(w) == false)
    setmetatable(w, {})
end }
