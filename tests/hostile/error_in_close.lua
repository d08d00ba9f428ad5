-- expect: error_in_close.lua:5: error: from __close
-- mode: check
-- An error raised by __close while an earlier error unwinds replaces it.
do
    local x <close> = setmetatable({}, { __close = function() error("from __close") end })
    error("first")
end
