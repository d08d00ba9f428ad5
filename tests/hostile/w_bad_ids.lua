-- expect: no meter 'trust2' (did you mean 'trust'?)
-- mode: run
-- Bad ids and bad values through every part of w, caught one by one; the
-- last one is left to fail. The ids are built at run time: literal ones are
-- caught by `bulkhead check` before anything runs (tests/lint/).
local NOPE = "no" .. "pe"
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
meter { id = "trust", label = "Trust", start = 50 }
system { id = "mail", label = "Mail" }
team { id = "it", label = "IT", staff = 2 }
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    local tries = {
        function() return w.system[NOPE].status end,
        function() w.system.mail.status = "on " .. "fire" end,
        function() w.system.mail["lab" .. "el"] = "renamed" end,
        function() w.team.it.staff = -5 end,
        function() w.team.it.staff = 1.5 end,
        function() w.team.it[("free")] = 99 end,
        function() w.meter.trust = "high" end,
        function() w.meter.trust = 0 / 0 end,
        function() w.flag[""] = 1 end,
        function() w.flag[("k"):rep(65)] = 1 end,
        function() w.flag.x = {} end,
        function() w.flag.x = ("v"):rep(5000) end,
        function() w.open(NOPE) end,
        function() w.finish(NOPE) end,
        function() w.done(NOPE) end,
        function() w.after("soon", print) end,
        function() w.after(-1, print) end,
        function() w.after(1e300, print) end,
        function() w.after("1m", "not a function") end,
        function() w.note(("n"):rep(5000)) end,
        function() w.note({}) end,
        function() w.time = 0 end,
        function() w.nothing = 1 end,
        function() return w.nothing end,
        function() w.meter[NOPE] = 1 end,
        function() w.system.mail = {} end,
        function() return w.random(10, 1) end,
        function() return w.random(1, 2, 3) end,
    }
    for i, f in ipairs(tries) do
        local ok = pcall(f)
        if ok then error("try " .. i .. " was accepted") end
    end
    w.meter["trust" .. "2"] = 1
end }
