-- expect: attempt to call a nil value (method 'load')
-- mode: check
-- No load hiding behind the string methods either.
local f = ("return 1"):load()
