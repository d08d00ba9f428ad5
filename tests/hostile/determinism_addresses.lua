-- expect: table|function|thread|builtin: table|    t
-- reject: 0x
-- repeat: 3
-- mode: check
-- tostring and string.format("%s") must not print addresses.
local s = string.format("%s|%s|%s|", tostring({}), tostring(print), tostring(coroutine.running()))
    .. string.format("builtin: %s|%5.1s", {}, {})
error(s)
