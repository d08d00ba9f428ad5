-- expect: error_nil.lua:3: error: error object is a nil value
-- mode: check
error(nil)
