-- expect: without '..' or a leading '/'
-- expect: include_dotdot.lua:4: error:
-- mode: check
include("../outside/secret.lua")
