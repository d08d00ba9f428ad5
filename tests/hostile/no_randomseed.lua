-- expect: math.randomseed is not available
-- expect: no_randomseed.lua:4: error:
-- mode: check
math.randomseed(42)
