-- expect: without '..' or a leading '/'
-- mode: check
-- '..' in the middle of a path that starts inside the folder.
include("sub/../../outside/secret.lua")
