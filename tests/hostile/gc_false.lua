-- expect: __gc metamethods are not allowed in scenarios
-- mode: check
-- Any __gc field marks the object for finalization, even a non-function.
setmetatable({}, { __gc = false })
