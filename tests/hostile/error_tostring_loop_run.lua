-- expect: error object is a table value
-- mode: run
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    error(setmetatable({}, { __tostring = function() while true do end end,
                             __name = "TrustMe", __index = function() while true do end end }))
end }
