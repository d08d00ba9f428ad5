-- expect: budget exceeded
-- mode: check
-- One call to table.move that copies 2^40 (absent) elements in C.
table.move({}, 1, 2 ^ 40, 1, {})
