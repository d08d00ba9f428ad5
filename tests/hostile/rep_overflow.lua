-- expect: string.rep: a result of
-- expect: is over the limit
-- mode: check
-- n * len overflows 64 bits; with a separator too.
local s = ("ab"):rep(math.maxinteger, "cd")
