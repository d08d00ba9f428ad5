-- expect: instruction budget exceeded (10 million
-- expect: while running the condition of ending 'stuck'
-- mode: run
-- An ending's when-condition that never returns.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
ending { id = "stuck", title = "Stuck", when = function(w) while true do end end }
