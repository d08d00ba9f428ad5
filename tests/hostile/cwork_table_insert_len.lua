-- expect: budget exceeded
-- mode: check
-- table.insert at position 1 shifts #t elements in C; __len claims 2^40.
local t = setmetatable({}, { __len = function() return 2 ^ 40 end })
table.insert(t, 1, "x")
