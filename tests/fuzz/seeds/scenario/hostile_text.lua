-- Scenario text that is hostile to report writers: markup, entities,
-- table pipes and line breaks in every kind of label. The HTML must escape
-- it and the Markdown must not let it start headings, lists or raw HTML
-- (tests/report.sh).
scenario { id = "hostile_text", title = "Tags <script>alert(1)</script> & \"quotes\"",
           summary = "Test fixture.", start = "2020-09-28 09:00", length = "1h", rate = 60,
           stakes = "Line one\n## not a heading\n- not a list\n<b>not bold</b> | not a cell" }
meter { id = "m", label = "Meter <i>|</i>", start = 50 }
team { id = "t", label = "Team & co", staff = 2 }
inject { id = "i", at = "0m", channel = "email", from = "<img src=x onerror=alert(1)>",
         title = "Title | with pipe\n## and a heading", body = "Body <script>x</script>",
         source = "fiction", discuss = { "Question <b>bold</b>?\n# heading" } }
action { id = "a", kind = "contain", label = "Act <script>bad()</script> | cell\n## heading",
         team = "t", takes = "10m", source = "fiction", recommended = true,
         effect = function(w) w.meter.m = 80; w.note("Note with <tags> & \"quotes\"") end }
decision { id = "d", at = "5m", deadline = "10m", default = "y",
           prompt = "Prompt <script>p()</script>\n### heading",
           options = { { id = "x", label = "\"Quoted\" <x>", recommended = true },
                       { id = "y", label = "Other | option" } } }
ending { id = "e", title = "End <script>e()</script>", text = "Text\n> quote\n<b>b</b>",
         fallback = true }
