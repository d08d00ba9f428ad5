-- expect: stack overflow
-- mode: check
-- gsub whose replacement function calls gsub on the same string: C
-- recursion through the matcher.
local function r(c) return ("ab"):gsub(".", r) end
local s = ("ab"):gsub(".", r)
