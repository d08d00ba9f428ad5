-- expect: string.format: '%p' is not available
-- mode: check
local s = string.format("%p", {})
