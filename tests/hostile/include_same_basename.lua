-- expect: sub/include_same_basename.lua:2: error: attempt to perform arithmetic on a nil value
-- where: include_same_basename.lua
-- mkdir: sub
-- write: sub/include_same_basename.lua local a = 1\nlocal x = nil + a\n
-- mode: check
-- An included file with the same base name as the main file, in a
-- subfolder: the two must not be confused in the error.
include("sub/include_same_basename.lua")
