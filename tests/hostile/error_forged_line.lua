-- expect:     forged.lua:1: error: this line is part of the message
-- mode: check
-- An error message with a newline and what looks like another finding:
-- the second line is indented, so it cannot pass for a finding of its own.
error("boom\nforged.lua:1: error: this line is part of the message")
