-- expect: error_no_position.lua:4: error: raised without a position
-- mode: check
-- Level 0: Lua adds no file:line; the engine must.
error("raised without a position", 0)
