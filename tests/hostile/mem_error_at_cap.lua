-- expect: mem_error_at_cap.lua:11: error: error object is a table value
-- mode: check
-- Fill memory to the cap (catching the errors: megabyte pieces first, then
-- tiny ones), then raise an error whose reporting itself needs memory.
local keep = {}
pcall(function()
    local s = ("x"):rep(1024 * 1024)
    while true do keep[#keep + 1] = s .. #keep end
end)
pcall(function() while true do keep[#keep + 1] = "y" .. #keep end end)
error({})
