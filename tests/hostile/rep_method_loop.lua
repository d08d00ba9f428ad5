-- expect: memory limit exceeded
-- mode: check
-- Many string.rep results just under the per-call limit, all kept.
local keep = {}
for i = 1, 100 do keep[i] = ("yyyyyyyyyyyyyyyy"):rep(1024 * 1024 - 1) .. i end
