-- expect: attempt to index a nil value (global 'io')
-- mode: check
-- A home-made _ENV that falls back to _G for everything: still no io.
local G = _G
local _ENV = setmetatable({}, { __index = function(_, k) return rawget(G, k) end })
local f = io.open("/etc/passwd")
