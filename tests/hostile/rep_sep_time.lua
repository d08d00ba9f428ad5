-- expect: budget exceeded
-- mode: check
-- Like rep_time, with a one-byte separator: 8 million pieces per call.
for i = 1, 1e9 do
    local s = ("x"):rep(8 * 1024 * 1024, ",")
end
