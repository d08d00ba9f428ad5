-- expect: exceeded
-- mode: check
-- Every declaration checks its texts in C (UTF-8, length); 100 discuss
-- items of 60 KB each, for thousands of injects, is gigabytes of checking.
local big = ("x"):rep(60000)
local d = {}
for i = 1, 100 do d[i] = big end
for i = 1, 20000 do
    inject { id = "i" .. i, channel = "email", title = "t", source = "fiction", discuss = d }
end
