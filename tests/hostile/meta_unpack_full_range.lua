-- expect: instruction budget exceeded
-- reject: print:
-- mode: check
-- The range mininteger..maxinteger overflowed a signed length; a pcall
-- that catches the budget error must not let the script run on.
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))
