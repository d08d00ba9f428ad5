-- expect: budget exceeded
-- mode: check
-- __tostring returning 8 MB, formatted with %s again and again.
local big = ("x"):rep(8 * 1024 * 1024)
local t = setmetatable({}, {__tostring = function() return big end})
for i = 1, 1e9 do local s = string.format("%s", t) end
