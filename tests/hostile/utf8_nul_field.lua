-- expect: field 'title' contains a
-- mode: check
scenario { id = "hostile", title = "Hos\0tile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "Over", fallback = true }
