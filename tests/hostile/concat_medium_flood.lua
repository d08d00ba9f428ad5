-- expect: instruction budget exceeded
-- mode: check
-- Two 32 KB strings joined again and again: a 64 KB copy per instruction,
-- just under the size whose allocation used to be charged.
local a = ("a"):rep(32755)
local b = ("b"):rep(32755)
local s
for i = 1, 1e8 do s = a .. b end
