-- expect: instruction budget exceeded
-- lines: big.lua 40000 -- padding padding padding padding padding padding padding padding padding pad\n
-- lines: big.lua 1 local x = = 1\n
-- mode: check
-- A 4 MB include that fails to parse, included again and again under
-- pcall: reading, checking and parsing it is C work.
for i = 1, 1e7 do pcall(include, "big.lua") end
