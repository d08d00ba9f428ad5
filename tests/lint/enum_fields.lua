-- A word field of a declaration (a status, a channel, a tone...) that is
-- not one of its words: the list, and a "did you mean" when one is close.
-- expect: enum_fields.lua:8: error: system 'pcs': field 'status' must be one of: online, degraded, compromised, encrypted, isolated, offline, restoring (did you mean 'encrypted'?)
-- expect: enum_fields.lua:9: error: inject 'call': field 'channel' must be one of: email, phone, news, social, regulator, internal (did you mean 'phone'?)
-- expect: enum_fields.lua:10: error: ending 'over': field 'tone' must be one of: good, mixed, bad
scenario { id = "lint", title = "Lint", start = "2020-01-01 09:00", length = "1h" }
ending { id = "end", title = "E", fallback = true }
system { id = "pcs", label = "PCs", status = "encrpyted" }
inject { id = "call", at = "0m", channel = "phnoe", title = "x", source = "fiction" }
ending { id = "over", title = "Over", tone = "awful" }
