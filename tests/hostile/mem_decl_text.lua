-- expect: memory limit exceeded
-- mode: check
-- Declarations with big text fields: the copies the engine keeps must be
-- charged to the same 64 MiB cap.
local big = ("x"):rep(60000)
for i = 1, 2000 do
    system { id = "s" .. i, label = big, description = big }
end
