-- expect: it is already being included (a cycle)
-- mode: check
-- The file includes itself.
include("include_cycle.lua")
