-- expect: recursion_deep.lua:5: error:
-- mode: check
-- Unbounded (non-tail) recursion.
local function f(n)
    return 1 + f(n + 1)
end
f(1)
