-- expect: invalid UTF-8 (byte 0xE9)
-- expect: utf8_invalid_byte.lua:7: error:
-- append: local s = "caf\351"\n
-- mode: check
-- A Latin-1 byte (appended at test time, on line 7).
local ok = true
