-- expect: meta_class_pattern_ok.lua:16: error: the classes work
-- mode: check
-- What sealing and the chain rules leave working: a class, a subclass,
-- methods added after instances exist, and a three-level chain.
local Base = {}
Base.__index = Base
function Base.new(n) return setmetatable({ n = n }, Base) end
local Derived = setmetatable({}, { __index = Base })
Derived.__index = Derived
local d = setmetatable({ n = 2 }, Derived)
function Base:twice() return self.n * 2 end
function Derived:thrice() return self.n * 3 end
local b = Base.new(5)
assert(b:twice() == 10 and d:twice() == 4 and d:thrice() == 6)
assert(getmetatable(d) == Derived)
error("the classes work")
