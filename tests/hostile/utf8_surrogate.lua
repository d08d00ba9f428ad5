-- expect: invalid UTF-8 (byte 0xED)
-- expect: utf8_surrogate.lua:7: error:
-- append: local s = "\355\240\200"\n
-- mode: check
-- A UTF-16 surrogate encoded as UTF-8 (appended at test time, on line 7).
local ok = true
