-- expect: __call must be a function, not a string
-- mode: check
-- __call set to something that is not callable at all.
local t = setmetatable({}, {__call = "run"})
t()
