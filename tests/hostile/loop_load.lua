-- expect: instruction budget exceeded (50 million instructions in one call)
-- expect: loop_load.lua:5: error:
-- mode: check
-- An endless loop in the main chunk, while the scenario loads.
while true do end
