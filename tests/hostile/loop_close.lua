-- expect: instruction budget exceeded
-- mode: run
-- A to-be-closed variable whose __close loops forever.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local guard <close> = setmetatable({}, { __close = function() while true do end end })
end }
