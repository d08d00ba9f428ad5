-- expect: error_invalid_utf8.lua:4: error: bad
-- mode: check
-- Invalid UTF-8 in an error message (the source itself is valid).
error("bad \xff\xfe\xc0\xaf\xed\xa0\x80 bytes")
