-- expect: error_number.lua:3: error: 42
-- mode: check
error(42)
