-- expect: it resolves outside the scenario's folder
-- link: sub outside
-- mode: check
-- A folder link in the scenario folder pointing outside it.
include("sub/secret.lua")
