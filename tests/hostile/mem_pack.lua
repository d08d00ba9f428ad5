-- expect: mem_pack.lua:
-- mode: check
-- string.pack asked for a gigabyte of padding.
local s = string.pack("c1000000000", "")
