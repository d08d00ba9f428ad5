-- expect: file is 10.0 MiB; the limit is 4.0 MiB
-- expect: big_file.lua:1: error:
-- append: --[[%10485760s]]\n
-- mode: check
-- Padded to 10 MB at test time (a long comment).
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
