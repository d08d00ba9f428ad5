-- expect: instruction budget exceeded
-- expect: loop_goto.lua:5: error:
-- mode: check
-- A loop made of goto.
::top:: goto top
