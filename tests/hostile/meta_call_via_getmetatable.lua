-- expect: attempt to call a table value
-- mode: check
-- getmetatable hands back the script's own table, not the sealed copy.
local t = setmetatable({}, {})
getmetatable(t).__call = t
t()
