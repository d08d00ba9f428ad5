-- expect: include("loop.lua"): no such file
-- link: loop.lua scen/loop.lua
-- mode: check
-- A link to itself.
include("loop.lua")
