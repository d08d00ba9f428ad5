-- expect: invalid UTF-8 (byte 0xC0)
-- expect: utf8_overlong.lua:7: error:
-- append: local s = "\300\257"\n
-- mode: check
-- An overlong encoding of '/' (appended at test time, on line 7).
local ok = true
