-- expect: attempt to index a nil value (global 'debug')
-- mode: check
local reg = debug.getregistry()
