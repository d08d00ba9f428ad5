-- Fields of systems and teams, and status words, as literals in hooks:
-- a field that does not exist, a field that cannot be set, and a word that
-- is not a status (an error when assigned, a warning when compared, since
-- the comparison is quietly never true), whatever the form of the item.
-- expect: system_fields.lua:24: error: w.system.pcs.stauts: a system has no field 'stauts' (did you mean 'status'?); it has status, label and id
-- expect: system_fields.lua:25: error: w.system["pcs"].helth: a system has no field 'helth'; it has status, label and id
-- expect: system_fields.lua:26: error: w.system.pcs.status = "encrpyted": 'encrpyted' is not a status (did you mean 'encrypted'?); a status is one of: online, degraded, compromised, encrypted, isolated, offline, restoring
-- expect: system_fields.lua:27: error: w.system["pcs"].status = "down": 'down' is not a status; a status is one of: online, degraded, compromised, encrypted, isolated, offline, restoring
-- expect: system_fields.lua:29: error: w.system[id].status = "offlne": 'offlne' is not a status (did you mean 'offline'?); a status is one of: online, degraded, compromised, encrypted, isolated, offline, restoring
-- expect: system_fields.lua:30: error: w.system[ids[1]].stat: a system has no field 'stat' (did you mean 'status'?); it has status, label and id
-- expect: system_fields.lua:32: warning: w2.system["pcs"].status == "comprimised" is never true: 'comprimised' is not a status (did you mean 'compromised'?)
-- expect: system_fields.lua:33: warning: w2.system.pcs["status"] ~= "onlin" is always true: 'onlin' is not a status (did you mean 'online'?)
-- expect: system_fields.lua:35: error: w.system.pcs.label cannot be set: of a system, only 'status' can
-- expect: system_fields.lua:36: error: w.team.it.staf: a team has no field 'staf' (did you mean 'staff'?); it has staff, free, label and id
-- expect: system_fields.lua:37: error: w.team.it.free cannot be set: of a team, only 'staff' can
-- expect: system_fields.lua:38: error: w.system.pcz names system 'pcz', which is not declared (did you mean 'pcs'?)
-- caret: 26 36
scenario { id = "lint", title = "Lint", start = "2020-01-01 09:00", length = "1h" }
system { id = "pcs", label = "PCs" }
team { id = "it", label = "IT", staff = 2 }
inject { id = "go", at = "0m", channel = "email", title = "x", source = "fiction",
         effect = function(w)
             local id, ids = "pcs", { "pcs" }
             if w.system.pcs.stauts then return end
             local x = w.system["pcs"].helth
             w.system.pcs.status = "encrpyted"
             w.system['pcs'].status = "down"
             w.system [ "pcs" ] . status = "offline"  -- fine, spaced out
             w.system[id].status = "offlne"
             if w.system[ids[1]].stat then return end
             w.after(60, function(w2)
                 if w2.system["pcs"].status == "comprimised" then return end
                 if w2.system.pcs["status"] ~= "onlin" then return end
             end)
             w.system.pcs.label = "renamed"
             local n = w.team.it.staf
             w.team.it.free = 3
             w.system.pcz.status = "online"
         end }
inject { id = "fine", at = "0m", channel = "email", title = "y", source = "fiction",
         effect = function(w)
             -- w.system.pcs.stauts = "in a comment" is not code
             local id = "pcs"
             w.system.pcs.status = "isolated"
             w.system[id].status = "restoring"
             if w.system[id].status == "online" or w.system.pcs.status ~= "degraded" then
                 w.system.pcs.status = "on" .. "line"   -- built at run time: not checked
             end
             w.system.pcs.status = x and "online" or "offline"  -- not a single literal
             w.team.it.staff = w.team.it.staff - 1
             w.note(w.system.pcs.label .. w.system.pcs.id .. w.team.it.free .. w.team.it.label)
             for _, s in pairs(w.system) do w.note(s.id) end
         end }
ending { id = "end", title = "E", text = "T", fallback = true }
