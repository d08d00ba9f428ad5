-- expect: print: a forged.lua:2: error: fake
-- expect: print_forged_line.lua:6: error: done
-- mode: check
-- print of text with a newline: one line per print.
print("a\nforged.lua:2: error: fake")
error("done")
