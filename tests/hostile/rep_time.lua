-- expect: budget exceeded
-- mode: check
-- string.rep of a one-byte string to 16 MiB, thrown away and repeated: the
-- work per call is 16 million copies, far more than the budget charges.
for i = 1, 1e9 do
    local s = ("x"):rep(16 * 1024 * 1024)
end
