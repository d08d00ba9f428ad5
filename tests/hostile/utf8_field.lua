-- expect: field 'title' is not valid UTF-8
-- expect: utf8_field.lua:6: error:
-- mode: check
-- An escape sequence builds an invalid string at run time.
scenario { id = "hostile", title = "Hostile", start = "2020-01-01 00:00", length = "1h" }
ending { id = "over", title = "\xff\xfe", fallback = true }
