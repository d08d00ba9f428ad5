-- expect: is not declared
-- mode: check
-- 6,000 references with long ids, 6,000 injects whose ref names none and
-- 6,000 actions whose team is not declared:
-- each "did you mean" walked every reference or team.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
local a, b = ("a"):rep(58), ("b"):rep(64)
for i = 1, 6000 do reference { id = a .. string.format("%06d", i), title = "R", cite = "C" } end
for i = 1, 6000 do inject { id = "i" .. i, channel = "email", title = "t", source = "fact", ref = b } end
for i = 1, 6000 do action { id = "a" .. i, kind = "contain", label = "A", team = b, takes = "1m", source = "fiction" } end
