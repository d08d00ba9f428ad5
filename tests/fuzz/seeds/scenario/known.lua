-- Explore fixture whose statistics are known by construction.
--
--   idle      never acts: the clock runs out, ending "lost" at 4h, score 50.
--   greedy    starts the recommended "save" at its first look (T+0); it
--             takes 10m, so every greedy run ends "saved" at T+10m, score 100.
--   cautious  "save" is a restore action, which cautious play never starts:
--             always "lost" (it keeps itself busy with "busywork").
--   random    "save" is ruled out for about half the runs; a run that starts
--             it is "saved" (it can only start in the first hour, so it
--             finishes in time) unless random play happens to cancel it, and
--             one that does not is "lost". So "save" is the action that
--             changes the outcome, by nearly 1.
--
-- Content that never happens: inject "orphan" (nothing fires it), decision
-- "never_opened" (nothing opens it), ending "unreachable" (its condition is
-- never true), action "locked" (never available).
scenario { id = "known", title = "Known answers", start = "2024-01-01 08:00",
           length = "4h", rate = 60, check = "5m" }

meter { id = "score", label = "Score", start = 50, min = 0, max = 100 }
team { id = "crew", label = "Crew", staff = 3 }

inject { id = "hello", at = "0m", channel = "internal", from = "Fixture", title = "Start",
         body = "The fixture starts.", source = "fiction" }
inject { id = "orphan", channel = "internal", from = "Fixture", title = "Never fired",
         body = "Nothing fires this.", source = "fiction" }

action { id = "save", kind = "restore", label = "Save the day", team = "crew", staff = 1,
         takes = "10m", source = "fiction", recommended = true,
         available = function(w)
             if w.time >= 3600 then return false, "too late" end
             return true
         end,
         effect = function(w)
             w.meter.score = 100
             w.flag.saved = true
         end }
action { id = "busywork", kind = "contain", label = "Look busy", team = "crew", staff = 1,
         takes = "15m", source = "fiction", repeatable = true }
action { id = "locked", kind = "investigate", label = "Never available", team = "crew", staff = 1,
         takes = "5m", source = "fiction",
         available = function(w) return false, "never" end }

decision { id = "never_opened", from = "Fixture", prompt = "Nothing opens this.",
           deadline = "10m", default = "a",
           options = { { id = "a", label = "A" }, { id = "b", label = "B" } } }

ending { id = "saved", title = "Saved", tone = "good", text = "Saved.",
         when = function(w) return w.flag.saved == true end }
ending { id = "unreachable", title = "Unreachable", tone = "mixed", text = "Never.",
         when = function(w) return w.meter.score < 0 end }
ending { id = "lost", title = "Lost", tone = "bad", text = "Lost.", fallback = true }
