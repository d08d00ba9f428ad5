-- expect: sweep done: nothing forbidden is reachable
-- mode: check
-- Walks every table reachable from _G (and their metatables) looking for
-- the names of forbidden functions and libraries; raises an error naming
-- the first one found, or the expected message when there is none.
local forbidden = {
    io = true, os = true, debug = true, package = true, require = true, load = true,
    loadstring = true, loadfile = true, dofile = true, collectgarbage = true,
    dump = true, getregistry = true, setupvalue = true, upvalueid = true, setlocal = true,
    sethook = true, gethook = true, getupvalue = true, setuservalue = true, warn = true,
    loadlib = true, searchpath = true, execute = true, exit = true, popen = true,
    tmpname = true, getenv = true,
}
local seen = {}
local function walk(t, path)
    if seen[t] then return end
    seen[t] = true
    for k, v in next, t do
        if type(k) == "string" and forbidden[k] then
            error("LEAK: " .. path .. "." .. k .. " is reachable")
        end
        if type(v) == "table" then walk(v, path .. "." .. tostring(k)) end
    end
    local mt = getmetatable(t)
    if type(mt) == "table" then walk(mt, path .. "<mt>") end
end
walk(_G, "_G")
local smt = getmetatable("")
if type(smt) == "table" then walk(smt, "<string mt>") end
error("sweep done: nothing forbidden is reachable")
