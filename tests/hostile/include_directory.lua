-- expect: not a regular file
-- expect: include_directory.lua:6: error:
-- mkdir: dir.lua
-- mode: check
-- A folder named like a scenario file.
include("dir.lua")
