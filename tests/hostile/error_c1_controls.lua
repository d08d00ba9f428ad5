-- expect: between
-- mode: check
-- DEL and the C1 controls (U+0080-U+009F; U+009B is an 8-bit CSI that some
-- terminals obey like ESC [) are valid UTF-8 but still control characters.
error("between \127 and \u{9b}2J \u{9d}0;title\u{9c} here")
