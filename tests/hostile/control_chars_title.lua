-- expect: control character
-- mode: run
-- Terminal escapes in a declaration's text: valid UTF-8, but they must not
-- reach the terminal through the transcript.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
inject { id = "go", at = "0m", channel = "email", title = "\27[2J\27]0;pwned\7Go", source = "fiction",
         effect = function(w) error("the transcript printed the title: check it for control characters") end }
