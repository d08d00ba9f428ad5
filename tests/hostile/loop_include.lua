-- expect: instruction budget exceeded (50 million
-- where: spin.lua
-- fixture: spin.lua
-- mode: check
-- The included file loops forever; its own file:line must be named.
include("spin.lua")
