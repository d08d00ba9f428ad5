-- expect: field 'length' must be longer than zero and at most
-- expect: sim_length_decade.lua:4: error:
-- mode: check
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "3650d" }
ending { id = "over", title = "Over", fallback = true }
