-- expect: without '..' or a leading '/'
-- mode: check
include("/etc/passwd.lua")
