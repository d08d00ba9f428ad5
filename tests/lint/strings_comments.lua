-- Text that only looks like code is no finding: the lint reads code, never
-- comments (of any level) or strings (short or long). A trainer's message
-- may quote a hook to teach it. After them, a real misspelling on the last
-- line is still found, at its line: the lines inside were counted.
-- expect: strings_comments.lua:26: error: w.system.pcs.stauts: a system has no field 'stauts' (did you mean 'status'?); it has status, label and id
scenario { id = "lintfp", title = "Lint FP", start = "2024-01-01 08:00", length = "6h", rate = 60 }
system { id = "pcs", label = "PCs", status = "online" }
team { id = "crew", label = "Crew", staff = 3 }
--[==[
  A block comment of level 1, as Lua allows: nothing in here is code.
  w.system.pcs.stauts = "ofline"
  w.team.crew.staf = 2
]==]
inject { id = "tip", at = "1m", channel = "internal", from = "Trainer", title = "Tip",
         source = "fiction",
         body = [[To take the PCs down a hook writes w.system.pcs.status = "down for now" (a status word).]] }
action { id = "go", kind = "contain", label = "Go", team = "crew", staff = 1, takes = "10m",
         source = "fiction",
         effect = function(w)
             local s = "w.team.crew.size"
             w.note(s)
         end }

action { id = "fix", kind = "contain", label = "Fix", team = "crew", staff = 1, takes = "10m",
         source = "fiction", text = 'a quote \' w.team.crew.staf = 1 \' inside',
         effect = function(w) w.system.pcs.stauts = "online" end }
ending { id = "over", title = "Over", tone = "mixed", text = "Over.", fallback = true }
