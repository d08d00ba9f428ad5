-- Conditions waiting on the clock, for `bulkhead check --explore N` and
-- `bulkhead explore` (tests/lint.sh, test_explore). Nothing else happens in
-- this scenario, so the counts are known by construction: "polled" reads
-- w.time at T+0 and at every 1-minute check until it holds at 1h30m, 91
-- calls a session; "waits" says the same with `after` and reads no clock;
-- "brief" reads the clock until 10m only: 11 calls, too few to point out.
scenario { id = "clock", title = "Clock", start = "2020-01-01 09:00", length = "2h" }
meter { id = "m", label = "M", start = 10 }
inject { id = "polled", channel = "email", title = "Polled", source = "fiction",
         when = function(w) return w.time >= 90 * 60 and w.meter.m > 5 end }
inject { id = "waits", channel = "email", title = "Waits", source = "fiction",
         after = "1h30m", when = function(w) return w.meter.m > 5 end }
inject { id = "brief", channel = "email", title = "Brief", source = "fiction",
         when = function(w) return w.time >= 10 * 60 end }
ending { id = "end", title = "E", text = "T", fallback = true }
