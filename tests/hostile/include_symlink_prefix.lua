-- expect: it resolves outside the scenario's folder
-- link: sib.lua scen_sibling/secret.lua
-- mode: check
-- The target's path starts with the scenario folder's path (.../scen_sibling
-- vs .../scen) but is not inside it.
include("sib.lua")
