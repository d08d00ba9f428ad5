-- expect: broken.lua:3: error: syntax error near 'is' (included from here)
-- where: broken.lua
-- fixture: broken.lua
-- mode: check
include("broken.lua")
