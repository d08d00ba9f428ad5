-- expect: pattern_budget_caught.lua:6: error: string.find: pattern too complex
-- mode: check
-- A pattern that spends the whole budget, caught by pcall as the chunk's
-- last statement: the call must still fail, and at its line.
local s = ("a"):rep(3000)
pcall(string.find, s, "(.-)(.-)(.-)(.-)b")
