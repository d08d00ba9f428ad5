-- expect: declarations
-- mode: check
for i = 1, 30000 do
    reference { id = "r" .. i, title = "R", cite = "C" }
end
