-- expect: inc.lua:3: error: attempt to perform arithmetic on a nil value
-- where: inc.lua
-- write: inc.lua \xEF\xBB\xBF#!/usr/bin/env lua\nlocal a = 1\nlocal x = nil + a\n
-- mode: check
-- An included file with a byte-order mark and a "#!" line.
include("inc.lua")
