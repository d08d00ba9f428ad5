-- expect: unknown scenario field 'alpha'
-- expect: unknown scenario field 'hotel'
-- repeat: 4
-- mode: check
-- Unknown fields used to be reported in lua_next order, which follows the
-- process's hash seed: every run printed them in another order.
scenario { id = "s", title = "T", start = "2020-01-01 00:00", length = "1h",
    hotel = 1, golf = 2, foxtrot = 3, echo = 4, delta = 5, charlie = 6, bravo = 7, alpha = 8 }
ending { id = "over", title = "Over", fallback = true }
