-- expect: error_table.lua:4: error: error object is a table value
-- mode: check
local t = { message = "a table as the error value" }
error(t)
