-- expect: attempt to call a nil value (global 'require')
-- mode: check
local io = require("io")
