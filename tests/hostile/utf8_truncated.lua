-- expect: invalid UTF-8 (byte 0xE2)
-- expect: utf8_truncated.lua:7: error:
-- append: -- \342\202
-- mode: check
-- The file ends in the middle of a sequence (appended at test time).
local ok = true
