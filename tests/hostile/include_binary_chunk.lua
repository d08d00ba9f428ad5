-- expect: attempt to load a binary chunk
-- where: esc.lua
-- write: esc.lua \033Lua = 1\n
-- mode: check
-- An included file starting with ESC (the bytecode signature's first byte).
include("esc.lua")
