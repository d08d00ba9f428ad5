-- Text that will not fit the game's boxes at 100%: warnings, not errors.
-- expect: long_text.lua:8: warning: meter 'm': label is 48 characters; more than 32 will not fit its box in the game at 100% text (shorten it, and put detail in the longer text)
-- expect: long_text.lua:12: warning: action 'a': label is 100 characters; more than 90 will not fit its box in the game at 100% text (shorten it, and put detail in the longer text)
-- expect: long_text.lua:10: warning: inject 'i': body has a word of 57 characters, which cannot wrap in a column (break it up, or shorten links)
scenario { id = "long", title = "Long", start = "2020-01-01 09:00", length = "1h" }
team { id = "t", label = "T", staff = 1 }
ending { id = "end", title = "E", text = "T", fallback = true }
meter { id = "m", label = "A meter whose label goes on and on and on and on", start = 1 }
-- the body may be long, but not one unbreakable word
inject { id = "i", at = "0m", channel = "email", title = "x", source = "fiction",
         body = "See https:Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa for details" }
action { id = "a", kind = "contain", team = "t", takes = "5m", source = "fiction",
         label = "Do a very long thing that somebody wrote out in full instead of putting the detail in the text below" }
