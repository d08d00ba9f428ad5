-- expect: it resolves outside the scenario's folder
-- link: zero.lua /dev/zero
-- mode: check
-- A link to an endless device file.
include("zero.lua")
