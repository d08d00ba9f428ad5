-- expect: pattern too complex
-- mode: check
-- A one-megabyte character set, tried against an empty subject again and
-- again: the set was walked at every try and never charged.
local P = "[" .. ("a"):rep(1024 * 1024) .. "]*"
for i = 1, 1e8 do string.gsub("", P, "") end
