-- expect: and 1992 more unknown inject fields
-- mode: check
-- Two thousand unknown fields give the first eight by name, then a count.
local t = { id = "x", channel = "email", title = "t", source = "fiction" }
for i = 1, 2000 do t["f" .. i] = i end
inject(t)
