-- expect: it resolves outside the scenario's folder
-- expect: include_symlink_file.lua:5: error:
-- link: escape.lua outside/secret.lua
-- mode: check
include("escape.lua")
