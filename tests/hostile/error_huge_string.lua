-- expect: error_huge_string.lua:5: error: xxxxxxxx
-- expect: bytes)
-- mode: check
-- A 16 MB error message.
error(("x"):rep(16 * 1024 * 1024 - 64))
