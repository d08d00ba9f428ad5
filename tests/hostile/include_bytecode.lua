-- expect: invalid UTF-8 (byte 0x93)
-- where: compiled.lua
-- write: compiled.lua \033Lua\124\000\031\223\r\n\032\n\004\010\010xV\000\000\000\000\000\000\000\000\000\000\000(w@
-- mode: check
-- An included file holding a Lua 5.4 bytecode header.
include("compiled.lua")
