-- expect: sweep done: nothing forbidden is reachable from w or _G
-- mode: run
-- The same walk at run time, through the world handle w too.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
local forbidden = { io = true, os = true, debug = true, package = true, require = true,
    load = true, loadstring = true, loadfile = true, dofile = true, collectgarbage = true,
    dump = true, getregistry = true, setupvalue = true, sethook = true, getupvalue = true }
local seen = {}
local function walk(t, path)
    if seen[t] then return end
    seen[t] = true
    if type(t) ~= "table" then return end -- w and its parts are opaque userdata
    for k, v in next, t do
        if type(k) == "string" and forbidden[k] then
            error("LEAK: " .. path .. "." .. k .. " is reachable")
        end
        if type(v) == "table" or type(v) == "userdata" then walk(v, path .. "." .. tostring(k)) end
    end
    local mt = getmetatable(t)
    if type(mt) == "table" then walk(mt, path .. "<mt>") end
end
inject { id = "go", at = "0m", channel = "email", title = "Go", source = "fiction", effect = function(w)
    walk(w, "w")
    walk(_G, "_G")
    error("sweep done: nothing forbidden is reachable from w or _G")
end }
