-- expect: invalid UTF-8 (byte 0xF4)
-- expect: utf8_beyond_unicode.lua:7: error:
-- append: local s = "\364\220\200\200"\n
-- mode: check
-- A code point above U+10FFFF (appended at test time, on line 7).
local ok = true
