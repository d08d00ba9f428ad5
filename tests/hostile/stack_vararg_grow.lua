-- expect: instruction budget exceeded
-- mode: check
-- Each call passes one more argument than it got: quadratic copying in
-- linear instructions, which the count must still see.
local function grow(n, ...)
    if n == 0 then return select("#", ...) end
    return grow(n - 1, n, ...)
end
grow(900000)
