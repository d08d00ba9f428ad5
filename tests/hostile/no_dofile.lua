-- expect: attempt to call a nil value (global 'dofile')
-- mode: check
dofile("../outside/secret.lua")
