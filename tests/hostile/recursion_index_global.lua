-- expect: C stack overflow
-- mode: check
-- _G's __index looks the key up in _G again.
setmetatable(_G, { __index = function(t, k) return t[k] end })
print(undefined_name)
