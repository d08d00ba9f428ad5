-- expect: string_methods_replaced.lua:8: error: string.rep: a result of
-- mode: check
-- Replacing string.rep in the string table must not reach the methods'
-- guard, and the guarded rep must still be what ("x"):rep calls.
local guarded = string.rep
string.rep = function(s, n) return "" end
string.rep = guarded
local s = ("x"):rep(2 ^ 40)
