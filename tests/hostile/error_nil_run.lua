-- expect: error object is a nil value
-- expect: error_nil_run.lua:8: error:
-- mode: run
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local t = {}
    error()
end }
