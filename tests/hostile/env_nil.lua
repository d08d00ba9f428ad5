-- expect: attempt to index a nil value (local '_ENV')
-- mode: check
-- With _ENV gone, every global access fails cleanly.
local _ENV = nil
print("unreachable")
