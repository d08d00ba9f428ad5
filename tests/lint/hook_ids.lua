-- Literal ids in hooks that name nothing: each is reported at its line,
-- with a caret under the id and a "did you mean" where one is close.
-- expect: hook_ids.lua:15: error: w.fire("ransom_notes") names inject 'ransom_notes', which is not declared (did you mean 'ransom_note'?)
-- expect: hook_ids.lua:16: error: w.meter.trusst names meter 'trusst', which is not declared (did you mean 'trust'?)
-- expect: hook_ids.lua:17: error: w.system["emial"] names system 'emial', which is not declared (did you mean 'email'?)
-- expect: hook_ids.lua:20: error: w.finish("the_end") names ending 'the_end', which is not declared
-- expect: hook_ids.lua:22: error: w2.open("vote") names decision 'vote', which is not declared
-- caret: 15 21
scenario { id = "lint", title = "Lint", start = "2020-01-01 09:00", length = "1h" }
meter { id = "trust", label = "Trust", start = 50 }
system { id = "email", label = "Email" }
team { id = "t", label = "T", staff = 1 }
inject { id = "ransom_note", at = "0m", channel = "email", title = "x", source = "fiction",
         effect = function(w)
             w.fire("ransom_notes")
             w.meter.trusst = 3
             w.system["emial"].status = "offline"
             -- w.fire("in_a_comment") is not code, and neither is this: w.meter.nope
             w.fire("ran" .. "som")    -- built at run time: not checked
             w.finish('the_end')
             w.after(60, function(w2)
                 w2.open("vote")
             end)
             w.meter.trust = w.meter.trust + 1  -- fine
         end }
ending { id = "end", title = "E", text = "T", fallback = true }
