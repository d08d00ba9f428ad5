-- expect: memory limit exceeded
-- mode: check
-- Many live coroutines, each with its own stack.
local keep = {}
for i = 1, 1e7 do
    keep[i] = coroutine.create(function() end)
end
