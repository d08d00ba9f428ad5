-- expect: budget exceeded
-- mode: check
-- A declaration table with two million keys, declared again and again:
-- every key was walked in C (and reported) for nothing.
local t = {}
for i = 1, 2000000 do t[i] = true end
t.id = "x"
for i = 1, 20000 do inject(t) end
