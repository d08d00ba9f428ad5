-- expect: attempt to call a nil value (global 'collectgarbage')
-- mode: check
collectgarbage("stop")
