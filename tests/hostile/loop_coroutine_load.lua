-- expect: instruction budget exceeded (50 million
-- mode: check
-- An endless loop inside coroutine.wrap while the file loads.
local f = coroutine.wrap(function()
    while true do end
end)
f()
