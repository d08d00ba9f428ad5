-- expect: control character
-- mode: run
-- Terminal escapes in a note.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    w.note("\27[31mred\27[0m")
    w.after("1m", function() error("the transcript printed the note: check it for control characters") end)
end }
