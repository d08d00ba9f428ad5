-- expect: every escape was refused
-- link: a.lua outside/secret.lua
-- link: sub outside
-- link: sib.lua scen_sibling/secret.lua
-- mode: check
-- Escape attempts inside pcall, so a successful read would not show in
-- the error message: the runner also watches the outside files' access
-- times.
local tries = { "../outside/secret.lua", "a.lua", "sub/secret.lua", "sib.lua",
                "./../outside/secret.lua", "sub/./secret.lua", "sub//secret.lua" }
local ok_count = 0
for _, name in ipairs(tries) do
    if pcall(include, name) then ok_count = ok_count + 1 end
end
error(ok_count == 0 and "every escape was refused" or (ok_count .. " escapes were not refused"))
