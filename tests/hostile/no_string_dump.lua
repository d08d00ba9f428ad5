-- expect: attempt to call a nil value (field 'dump')
-- mode: check
local bytecode = string.dump(function() end)
