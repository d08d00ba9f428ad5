-- expect: file is 10.0 MiB; the limit is 4.0 MiB
-- write: huge.lua --[[%10485760s]]\n
-- mode: check
-- A 10 MB included file (generated at test time).
include("huge.lua")
