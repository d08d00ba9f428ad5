-- expect: error_huge_string_run.lua:6: error: yyyyyyyy
-- mode: run
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    error(("yyyyyyyyyyyyyyyy"):rep(128 * 1024) .. "\n" .. ("zzzzzzzzzzzzzzzz"):rep(128 * 1024))
end }
