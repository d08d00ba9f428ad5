-- expect: without '..' or a leading '/'
-- expect: include_absolute.lua:11: error:
-- mode: check
-- Learn the scenario's own folder from an error message, then aim an
-- absolute path at the file next to it.
local ok, msg = pcall(include, "no_such_file.lua")
assert(not ok)
local dir = msg:match("no such file in (/.*)$")
assert(dir, "the folder was not in the message: " .. tostring(msg))
local outside = dir:gsub("/scen$", "/outside") .. "/secret.lua"
include(outside)
