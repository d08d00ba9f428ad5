-- expect: invalid UTF-8 (byte 0xFF)
-- where: bad_bytes.lua
-- write: bad_bytes.lua x = 1\ny = "\377"\n
-- mode: check
-- The included file has an invalid byte on its line 2.
include("bad_bytes.lua")
