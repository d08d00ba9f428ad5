-- expect: C stack overflow
-- mode: check
-- Each coroutine starts another one from inside itself.
local function f() return coroutine.wrap(f)() end
f()
