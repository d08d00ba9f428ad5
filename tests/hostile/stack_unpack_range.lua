-- expect: too many results to unpack
-- mode: check
-- table.unpack of ten million nils: under the budget, over the stack.
local x = table.unpack({}, 1, 1e7)
