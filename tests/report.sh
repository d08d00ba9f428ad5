#!/usr/bin/env bash
# bulkhead report: golden Markdown and JSON for the tutorial's plans, HTML
# that parses with every element closed and no URLs or scripts, reports of
# game journals (clock file), errors, and (when Chromium is installed) the
# HTML rendered to PNG and PDF by a real browser.
# Usage: bash tests/report.sh PATH_TO_BULKHEAD   (from the repository root)
# Set BH_UPDATE_GOLDEN=1 to rewrite the golden reports after an intended change.
set -u
bh="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }

# The tutorial's three plans and every scenario's expert plan.
for plan in $(printf '%s\n' tests/plans/tutorial_*.plan tests/plans/*_expert.plan | sort -u); do
  name=$(basename "$plan" .plan)
  scn="scenarios/${name%_*}.lua"
  for fmt in md json; do
    golden="tests/reports/$name.$fmt"
    "$bh" report "$plan" --scenario "$scn" --format "$fmt" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ $rc -ne 0 ]; then fail "report $name $fmt: exit $rc"; sed 's/^/    /' "$tmp/err" | head; continue; fi
    if [ "${BH_UPDATE_GOLDEN:-}" = 1 ]; then cp "$tmp/out" "$golden"; fi
    if [ ! -f "$golden" ]; then fail "no $golden: review the report, then BH_UPDATE_GOLDEN=1 bash $0 BULKHEAD"
    elif cmp -s "$tmp/out" "$golden"; then pass "report $name $fmt matches $golden"
    else fail "report $name $fmt differs from $golden"; diff "$golden" "$tmp/out" | head -20; fi
  done
  "$bh" report "$plan" --scenario "$scn" -o "$tmp/$name.html" 2>/dev/null
  if [ ! -s "$tmp/$name.html" ]; then fail "report $name html: not written"
  elif python3 tests/html_check.py "$tmp/$name.html" >"$tmp/chk"; then pass "report $name html parses, no URLs"
  else fail "report $name html"; sed 's/^/    /' "$tmp/chk" | head; fi
done

# Hostile text: markup, entities, pipes and line breaks in every label.
fx=tests/fixtures/report/hostile_text
"$bh" report "$fx.plan" --scenario "$fx.lua" -o "$tmp/h.html" 2>/dev/null
"$bh" report "$fx.plan" --scenario "$fx.lua" --format md >"$tmp/h.md" 2>/dev/null
if python3 tests/html_check.py "$tmp/h.html" >"$tmp/chk" && ! grep -qi '<script\|<img\|<b>\|<i>' "$tmp/h.html" &&
   grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$tmp/h.html" && grep -q 'Facilitator &lt;script&gt;' "$tmp/h.html"
then pass "hostile text is escaped in HTML"; else fail "hostile text in HTML"; cat "$tmp/chk"; fi
if ! grep -qE '(^|[^\\])<(script|b|i|img|x)' "$tmp/h.md" &&
   ! grep -qE '^(#+ (not|and|heading)|- not|> quote)' "$tmp/h.md" &&
   grep -q 'Act \\<script\\>bad()\\</script\\> \\| cell' "$tmp/h.md"
then pass "hostile text is escaped in Markdown"; else fail "hostile text in Markdown"; grep -nE '<|^#|^- |^>' "$tmp/h.md" | head; fi
# ... and in the room's tables (a vote and a proposal in the hostile plan).
if grep -q '<th>B. Other | option</th>' "$tmp/h.html" && grep -q '<td>Team &amp; co</td>' "$tmp/h.html" &&
   grep -q '<th>A. &quot;Quoted&quot; &lt;x&gt;</th>' "$tmp/h.html" &&
   grep -q '^| Role | Voted | A. "Quoted" \\<x\\> | B. Other \\| option |$' "$tmp/h.md" &&
   grep -q '^| T+0d 00:00:00 | Act \\<script\\>bad()\\</script\\> \\| cell ## heading | Team & co: 2 | T+0d 00:01:00 |$' "$tmp/h.md"
then pass "hostile text is escaped in the room's tables"; else fail "hostile text in the room's tables"; grep -n 'Role\|T+0d 00:00:00' "$tmp/h.md"; fi

# Exercise objectives in all three formats: met, not met, and not judged
# with the failing check's line; escaped like every other text.
fx=tests/fixtures/report/objectives
"$bh" report "$fx.plan" --scenario "$fx.lua" --format json >"$tmp/o.json" 2>/dev/null
"$bh" report "$fx.plan" --scenario "$fx.lua" --format md >"$tmp/o.md" 2>/dev/null
"$bh" report "$fx.plan" --scenario "$fx.lua" -o "$tmp/o.html" 2>/dev/null
if python3 -c '
import json, sys
o = json.load(open(sys.argv[1]))["objectives"]
assert [(x["id"], x["met"]) for x in o] == [("fixed", True), ("twice", False), ("broken", None)], o
assert "error" not in o[0] and "error" not in o[1]
assert o[2]["error"].endswith("objectives.lua:15: no meter \x27nope\x27"), o[2]
' "$tmp/o.json" 2>"$tmp/chk"; then pass "objectives in JSON: met, not met, not judged with its error"
else fail "objectives in JSON"; cat "$tmp/chk"; fi
if grep -q '^| Fix it \\<b\\>first\\</b\\> \\| fast | \*\*Met\*\* |$' "$tmp/o.md" &&
   grep -q '^| Fix it twice | \*\*Not met\*\* |$' "$tmp/o.md" &&
   grep -q "^| A check that fails | \*\*Not judged\*\* (its check failed: .*objectives.lua:15: no meter 'nope') |\$" "$tmp/o.md" &&
   grep -q '^The room met 1 of the exercise.s 3 objectives (some were not judged)\.$' "$tmp/o.md" &&
   grep -q '^## What is at stake$' "$tmp/o.md"
then pass "objectives in Markdown"; else fail "objectives in Markdown"; sed -n '/^## Objectives/,/^## Outcome/p' "$tmp/o.md"; fi
if python3 tests/html_check.py "$tmp/o.html" >"$tmp/chk" &&
   grep -q '<tr><td>Fix it &lt;b&gt;first&lt;/b&gt; | fast</td><td><strong>Met</strong></td></tr>' "$tmp/o.html" &&
   grep -q '<tr><td>Fix it twice</td><td><strong>Not met</strong></td></tr>' "$tmp/o.html" &&
   grep -q '<td><strong>Not judged</strong> (its check failed: .*objectives.lua:15: no meter &#39;nope&#39;)</td>' "$tmp/o.html"
then pass "objectives in HTML"; else fail "objectives in HTML"; cat "$tmp/chk"; grep -A8 '<h2>Objectives' "$tmp/o.html"; fi

# Broken promises (issue 18), on a fixture whose ids share nothing with the
# flagships': a standing commitment cancelled, advised work started and then
# cancelled, a decision the clock took. Each is an improvement, never a
# strength, in the full lists and in the summary's three.
fx=tests/fixtures/report/promises
"$bh" report "$fx.plan" --scenario "$fx.lua" --format json >"$tmp/p.json" 2>/dev/null
"$bh" report "$fx.plan" --scenario "$fx.lua" --format md >"$tmp/p.md" 2>/dev/null
if python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
s, i = r["strengths"], r["improvements"]
for label in ("Brief the council", "Lock out remote access"):
    assert not any(label in x for x in s), (label, s)
    assert not any(label in x["text"] for x in r["summary"]["strengths"]), label
assert any(x.startswith("Broke a standing commitment: promised \"Brief the council every two hours\"") for x in i), i
assert any(x.startswith("Started \"Lock out remote access to the plant\", then cancelled it") for x in i), i
assert any(x.startswith("The clock decided \"Issue a boil-water notice?\"") for x in i), i
kinds = [x["kind"] for x in r["summary"]["improvements"]]
assert kinds == ["broken_commitment", "default", "cancelled"], kinds
assert [x["kind"] for x in r["summary"]["strengths"]] == ["done"], r["summary"]["strengths"]
m = r["summary"]["mattered"]
assert [(x["decision"], x["alternative"], x["by_default"]) for x in m] == [("boil_notice", "issue", True)], m
assert r["summary"]["whatif"] == {"replays": 1, "limit": 24}, r["summary"]["whatif"]
' "$tmp/p.json" 2>"$tmp/chk" &&
   sed -n '/^### Areas for improvement/,/^## Decisions that mattered/p' "$tmp/p.md" | grep -q '^- Broke a standing commitment' &&
   ! sed -n '/^### Strengths/,/^### Areas/p' "$tmp/p.md" | grep -q 'council'
then pass "broken promises are improvements, never strengths (fixture)"
else fail "broken promises (fixture)"; cat "$tmp/chk"; fi
# Meter values (issue 16): as many decimals as the meter's scale and the
# change need, so that a change never reads "0 → 0"; whole numbers stay
# whole; a small meter's background change is shown, not folded away; the
# JSON keeps the numbers as they are. Each line is checked in every format.
fx=tests/fixtures/report/decimals
"$bh" report "$fx.plan" --scenario "$fx.lua" --format md >"$tmp/d.md" 2>/dev/null
"$bh" report "$fx.plan" --scenario "$fx.lua" --format json >"$tmp/d.json" 2>/dev/null
"$bh" report "$fx.plan" --scenario "$fx.lua" -o "$tmp/d.html" 2>/dev/null
"$bh" run "$fx.lua" --plan "$fx.plan" >"$tmp/d.txt" 2>/dev/null
dec_ok=1
for want in '| Cost (USD millions) 0 → 0.2 |' '| Share of berths working 0.5 → 0.55 |' \
            '| Customer trust 70 → 75 |' '| Share of berths working +0.1 |' \
            '| Cost (USD millions) | 0 | 0.2 | lower |' '| Share of berths working | 0.5 | 0.85 | higher |' \
            '- Share of berths working rose from 0.5 to 0.85.' \
            '| Share of berths working 0.55 to 0.65 |'; do
  grep -qF -- "$want" "$tmp/d.md" || { echo "    md lacks: $want"; dec_ok=0; }
done
for want in 'Cost (USD millions) 0 &rarr; 0.2' 'Share of berths working 0.5 &rarr; 0.55' \
            'Customer trust 70 &rarr; 75' 'Share of berths working +0.1'; do
  grep -qF -- "$want" "$tmp/d.html" || { echo "    html lacks: $want"; dec_ok=0; }
done
for want in 'meter     Cost (USD millions) 0 -> 0.16' 'meter     Share of berths working 0.5 -> 0.55' \
            'meter     Customer trust 70 -> 75'; do
  grep -qF -- "$want" "$tmp/d.txt" || { echo "    transcript lacks: $want"; dec_ok=0; }
done
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
ch = [c for e in r["timeline"] for c in e.get("changes", []) if c.get("meter") == "cost"]
assert ch and ch[0]["from"] == 0 and abs(ch[0]["to"] - 0.16) < 1e-12, ch
' "$tmp/d.json" 2>"$tmp/chk" || { cat "$tmp/chk"; dec_ok=0; }
[ $dec_ok = 1 ] && pass "meter values: the decimals the scale and the change need (md, html, transcript, json)" ||
  fail "meter values: decimals"
# that fixture declares neither objectives nor stakes: no heading over nothing
! grep -q "<h2>Objectives</h2>" "$tmp/d.html" && ! grep -q "^## Objectives" "$tmp/d.md" &&
  pass "no empty Objectives section without objectives or stakes" || fail "an empty Objectives section"

# ... and the flagship's daily update, cancelled on day 3 of the expert plan.
sed '/^3d12h05m start shipper_meeting$/i 3d cancel announce_schedule' \
  tests/plans/carrier_ransomware_expert.plan >"$tmp/cancel.plan"
"$bh" report "$tmp/cancel.plan" --scenario scenarios/carrier_ransomware.lua --format json >"$tmp/cc.json" 2>/dev/null
if python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
assert not any("daily update" in x for x in r["strengths"]), r["strengths"]
assert r["summary"]["improvements"][0]["kind"] == "broken_commitment", r["summary"]["improvements"]
assert "Commit to a daily update" in r["summary"]["improvements"][0]["text"]
e = json.load(open(sys.argv[2]))
assert any(x.startswith("Kept \"Commit to a daily update") for x in e["strengths"]), e["strengths"]
# what-if: the decisions that mattered, each with the same choice at its deadline
m, d = e["summary"]["mattered"], {x["id"]: x for x in e["decisions"]}
assert len(m) == 3 and m[0]["decision"] == "ransom" and not m[0]["same_ending"], m[0]
assert [x["score"] for x in m] == sorted((x["score"] for x in m), reverse=True)
for x in m:
    t = x["timing"]
    assert t["at_s"] == d[x["decision"]]["deadline_s"] - 60 and t["text"].startswith("Deciding the same"), t
assert e["summary"]["whatif"]["replays"] <= e["summary"]["whatif"]["limit"]
' "$tmp/cc.json" tests/reports/carrier_ransomware_expert.json 2>"$tmp/chk"
then pass "the carrier's daily update: kept is a strength, cancelled is a broken promise"
else fail "the carrier's daily update"; cat "$tmp/chk"; fi

# The timeline as a story: background rows folded, each in the appendix.
if python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
tl, st = r["timeline"], r["timeline_story"]
bg = [e for e in tl if e["kind"] == "change"]
assert len(bg) > 60 and 10 <= len(st) <= 16, (len(bg), len(st))
assert sum(x["effects"] for x in st) == len(bg)
assert all(x["bucket_s"] == 86400 and x["title"].startswith("Day %d: " % x["day"]) for x in st)
assert [x["after"] for x in st] == sorted(x["after"] for x in st)
' tests/reports/carrier_ransomware_expert.json 2>"$tmp/chk" &&
   [ "$(grep -c 'Consequences of earlier choices' tests/reports/carrier_ransomware_expert.md)" = 0 ] &&
   [ "$(sed -n '/^## Appendix: every consequence/,$p' tests/reports/carrier_ransomware_expert.md | grep -c '^| T+')" -gt 60 ]
then pass "timeline story: background folded by day, in full in the appendix"
else fail "timeline story"; cat "$tmp/chk"; fi

# The JSON is valid and carries what other tools need.
"$bh" report tests/plans/tutorial_expert.plan --scenario scenarios/tutorial.lua --format json >"$tmp/e.json" 2>/dev/null
"$bh" report tests/plans/tutorial_idle.plan --scenario scenarios/tutorial.lua --format md >"$tmp/i.md" 2>/dev/null
if python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
assert r["bulkhead_report"] == 1
assert r["ending"]["id"] == "clean_handover", r["ending"]
assert r["session"]["status"] == "ended"
assert any(d["id"] == "ransom" and d["chosen"] == "refuse" and d["followed_advice"] for d in r["decisions"])
assert r["notes"] and "power-down" in r["notes"][0]["text"]
assert len(r["meters"]) == 4 and all(m["points"][0][0] == 0 for m in r["meters"])
assert any(f["source"] == "fact" and f["cite"] for f in r["fact_check"])
' "$tmp/e.json"; then pass "json fields"; else fail "json fields"; fi

# The idle room: every decision by the clock, all of it in the improvements.
if grep -q 'The clock decided' "$tmp/i.md" && grep -q 'Nothing in ' "$tmp/i.md"; then
  pass "idle report lists defaults and gaps"; else fail "idle report lists defaults and gaps"; fi

# The facilitator's seven interventions, as the facilitator's, in all three formats.
fp=tests/plans/tutorial_facilitator.plan
"$bh" report "$fp" --scenario scenarios/tutorial.lua --format json >"$tmp/f.json" 2>/dev/null
"$bh" report "$fp" --scenario scenarios/tutorial.lua --format md >"$tmp/f.md" 2>/dev/null
"$bh" report "$fp" --scenario scenarios/tutorial.lua -o "$tmp/f.html" 2>/dev/null
if python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
kinds = [e["kind"] for e in r["timeline"] if e.get("by") == "facilitator"]
want = ["facilitator_" + k for k in ("message", "freeze", "adjust", "fire", "unfreeze", "extend", "end")]
assert kinds == want, kinds
m = [e for e in r["timeline"] if e["kind"] == "facilitator_message"][0]
assert m["from"] == "Facilitator" and m["channel"] == "internal" and m["id"] == "facilitator:1", m
assert m["text"] == "She lands at 6am and wants one page:\n\tstatus | next steps \\ owners.", m["text"]
a = [e for e in r["timeline"] if e["kind"] == "facilitator_adjust"][0]
assert a["amount"] == "+5" and a["changes"][0]["meter"] == "trust", a
assert r["ending"]["id"] == "ended_by_facilitator" and r["ending"]["reason"].startswith("We are out of time"), r["ending"]
' "$tmp/f.json" && grep -q 'Facilitator fired' "$tmp/f.md" && grep -q 'Facilitator extended' "$tmp/f.md" &&
   grep -q 'Facilitator froze' "$tmp/f.html" && grep -q 'Facilitator&#39;s message\|Facilitator&apos;s message\|Facilitator.s message' "$tmp/f.html" &&
   grep -q 'Ended by the facilitator' "$tmp/f.html"
then pass "facilitator interventions in JSON, Markdown and HTML"
else fail "facilitator interventions in JSON, Markdown and HTML"; fi

# The room's votes and proposals (issue 14): golden HTML besides the golden
# Markdown and JSON above, and the numbers the journal's vote lines give.
rp=tests/plans/tutorial_room.plan
"$bh" report "$rp" --scenario scenarios/tutorial.lua -o "$tmp/room.html" 2>/dev/null
if [ "${BH_UPDATE_GOLDEN:-}" = 1 ]; then cp "$tmp/room.html" tests/reports/tutorial_room.html; fi
if cmp -s "$tmp/room.html" tests/reports/tutorial_room.html; then pass "room html matches its golden"
else fail "room html differs from tests/reports/tutorial_room.html"; diff tests/reports/tutorial_room.html "$tmp/room.html" | head -20; fi
if python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
d = {x["id"]: x for x in r["decisions"]}
a = d["ransom"]["room"]
assert (a["voters"], a["joined"], a["participation_pct"]) == (7, 9, 78), a
assert [o["votes"] for o in a["options"]] == [5, 2, 0]
assert [(x["role"], x["joined"], x["voters"], x["votes"]) for x in a["roles"]] == [
    ("duty", 1, 1, [1, 0, 0]), ("it", 3, 3, [3, 0, 0]), ("comms", 2, 2, [1, 1, 0]),
    ("ops", 2, 1, [0, 1, 0]), ("observer", 1, 0, [0, 0, 0])], a["roles"]
assert a["alignment"] == {"share_pct": 71, "unified": True}, a["alignment"]
assert a["confidence"] == {"low": 1, "medium": 2, "high": 4, "score": 71, "mostly": "high"}
assert (a["majority"], a["committed"], a["committed_majority"]) == ("refuse", "refuse", True)
t = d["first_statement"]["room"]
assert t["majority"] is None and t["committed_majority"] is None and not t["alignment"]["unified"], t
c = d["reconnect"]["room"]
assert (c["majority"], c["committed"], c["committed_majority"]) == ("all_now", "phased", False), c
p = {x["action"]: x for x in r["room"]["proposals"]}
assert p["power_down"]["started"] is None and p["power_down"]["roles"] == [{"role": "ops", "label": "Operations desk", "people": 1}]
assert p["isolate_switch"]["people"] == 2 and p["isolate_switch"]["started"]["t"] == 120
assert [x["id"] for x in r["room"]["decisions"]] == ["ransom", "first_statement", "reconnect"]
assert not any(e["kind"] in ("vote", "proposal", "other") for e in r["timeline"])
e = json.load(open(sys.argv[2]))
assert "room" not in e and not any("room" in x for x in e["decisions"])
' tests/reports/tutorial_room.json "$tmp/e.json" &&
   grep -q 'The room:.*7 of 9 voted · unified 71%' tests/reports/tutorial_room.md &&
   grep -q '<h2>The room</h2>' "$tmp/room.html" && grep -q 'IT &amp; security on call: 2' "$tmp/room.html"
then pass "room: the report's numbers are the journal's votes"; else fail "room: the report's numbers"; fi

# The exercise's details (issue 18): the top-level "details" of the plan's
# `details` lines (the latest line for a field wins); otherwise the report is
# the expert's, whose plan it is, and reports without details have none.
if python3 -c '
import json, sys
d, e = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
x = d.pop("details")
assert x == {"date": "8 December 2026", "venue": "Board room, 4th floor",
             "organisation": "Northwind Shipping", "facilitator": "Dana Reyes-Holm",
             "participants": [{"role": "You (duty manager)", "names": "Sam Okafor"},
                              {"role": "IT & security on call", "names": "Ana Lopez, Bo Chen\nCarl Diaz"},
                              {"role": "Press officer", "names": "Priya Nair"},
                              {"role": "Observer", "names": "Ed Park (audit)"}]}, x
d["session"]["journal"] = e["session"]["journal"]
assert d == e and "details" not in e
' tests/reports/tutorial_details.json tests/reports/tutorial_expert.json
then pass "details: the report JSON's top-level details"; else fail "details: the report JSON's top-level details"; fi

# A game journal: a clock file says where the session stood.
printf 'scenario scenarios/tutorial.lua\nseed 1\n2m start isolate_switch\n' >"$tmp/game.journal"
printf '3600\n' >"$tmp/game.journal.clock"
"$bh" report "$tmp/game.journal" --format json >"$tmp/g.json" 2>"$tmp/err"
if python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
assert r["session"]["status"] == "running" and r["session"]["elapsed_s"] == 3600, r["session"]
assert r["ending"] is None
' "$tmp/g.json"; then pass "running session reported at its clock"; else fail "running session reported at its clock"; fi

# Never over the session it reports on; a bad clock file is named, not trusted.
cp "$tmp/game.journal" "$tmp/keep.journal"
"$bh" report "$tmp/game.journal" -o "$tmp/game.journal" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q "session's own journal" "$tmp/err" && cmp -s "$tmp/game.journal" "$tmp/keep.journal"
then pass "refuses to write over the journal"; else fail "refuses to write over the journal (exit $rc)"; fi
printf 'garbage\n' >"$tmp/game.journal.clock"
"$bh" report "$tmp/game.journal" --format json >"$tmp/g2.json" 2>"$tmp/err"; rc=$?
if [ $rc -eq 0 ] && grep -q 'not a clock' "$tmp/err"; then pass "a bad clock file is named"; else fail "bad clock file (exit $rc)"; fi
"$bh" report "$tmp/game.journal" -o "$tmp/R.HTML" 2>/dev/null
if head -c 15 "$tmp/R.HTML" | grep -q '<!DOCTYPE html>' && [ ! -e "$tmp/R.HTML.tmp" ]
then pass "format from the name, any case; no temporary left"; else fail "format from .HTML"; fi
# A device or a pipe is written in place, never renamed over (as root a rename
# replaced /dev/full with a plain file, and said "wrote").
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/fromfifo" &
reader=$!
timeout 60 "$bh" report tests/plans/tutorial_details.plan --scenario scenarios/tutorial.lua --format md -o "$tmp/fifo" 2>"$tmp/err"; rc=$?
if [ $rc -eq 0 ] && [ -p "$tmp/fifo" ] && { wait "$reader"; grep -q '^| Venue | Board room, 4th floor |$' "$tmp/fromfifo"; }
then pass "a pipe is written in place"; piped=1; else fail "a pipe was renamed over (exit $rc)"; head "$tmp/err"; piped=0; fi
kill "$reader" 2>/dev/null; wait "$reader" 2>/dev/null
# (only when a pipe was written in place: a build that renames would replace /dev/full)
if [ $piped = 1 ] && [ -c /dev/full ] && [ -w /dev/full ]; then
  "$bh" report tests/plans/tutorial_details.plan --scenario scenarios/tutorial.lua -o /dev/full --format md 2>"$tmp/err"; rc=$?
  if [ $rc -eq 1 ] && [ -c /dev/full ] && grep -q '/dev/full: error: cannot write the report' "$tmp/err"; then pass "-o /dev/full is an error"
  else fail "-o /dev/full (exit $rc)"; head "$tmp/err"; fi
fi

# Errors name the fix.
"$bh" report tests/plans/tutorial_idle.plan >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q 'add --scenario FILE.lua' "$tmp/err"; then pass "no scenario line"; else fail "no scenario line (exit $rc)"; fi
"$bh" report "$tmp/nope.journal" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q 'nope.journal' "$tmp/err"; then pass "missing journal"; else fail "missing journal (exit $rc)"; fi
"$bh" report tests/plans/tutorial_idle.plan --format pdf >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 2 ] && grep -q "wants html, md or json" "$tmp/err"; then pass "bad format"; else fail "bad format (exit $rc)"; fi

# A real browser renders it.
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$chrome" ]; then
  flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions
         --user-data-dir="$tmp/chrome")
  timeout 60 "$chrome" "${flags[@]}" --screenshot="$tmp/r.png" --window-size=1200,2000 \
    "file://$tmp/tutorial_expert.html" >"$tmp/c1" 2>&1
  timeout 60 "$chrome" "${flags[@]}" --print-to-pdf="$tmp/r.pdf" --no-pdf-header-footer \
    "file://$tmp/tutorial_expert.html" >"$tmp/c2" 2>&1
  if [ -s "$tmp/r.png" ] && [ "$(head -c 4 "$tmp/r.pdf" 2>/dev/null)" = "%PDF" ]; then
    pass "chromium renders the report to PNG and PDF"
  else
    fail "chromium could not render the report"; sed 's/^/    /' "$tmp/c1" "$tmp/c2" | tail -5
  fi

  # A word longer than the page (a URL, addresses without spaces) wraps in
  # print, never runs off the page's edge and out of the PDF.
  word=$(printf 'W%.0s' $(seq 1 150))END
  printf 'seed 1\n0s details venue %s\n3h end Out\n' "$word" >"$tmp/longword.plan"
  "$bh" report "$tmp/longword.plan" --scenario scenarios/tutorial.lua -o "$tmp/longword.html" 2>/dev/null
  timeout 90 "$chrome" "${flags[@]}" --print-to-pdf="$tmp/longword.pdf" --no-pdf-header-footer \
    "file://$tmp/longword.html" >"$tmp/c4" 2>&1
  if pdftotext -f 1 -l 1 "$tmp/longword.pdf" - 2>/dev/null | tr -d ' \n' | grep -q "$word"
  then pass "a long word wraps inside the printed page"; else fail "a long word runs off the printed page"; fi

  # The executive part (cover, summary, objectives, strengths and
  # improvements, decisions that mattered) fits on three A4 pages for both
  # flagships' expert sessions, and nothing there is under 9 pt. The
  # Overview starts a new page in print: the executive part is every page
  # before it. Sizes from pdftotext's word boxes: body text is 10 pt, so a
  # word's box height over the body's (the commonest) times 10 is its size.
  for name in carrier_ransomware_expert regulator_attack_expert; do
    timeout 90 "$chrome" "${flags[@]}" --print-to-pdf="$tmp/$name.pdf" --no-pdf-header-footer \
      "file://$tmp/$name.html" >"$tmp/c3" 2>&1
    pages=$(pdfinfo "$tmp/$name.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
    ov=0
    for p in $(seq 1 "${pages:-0}"); do
      if pdftotext -f "$p" -l "$p" "$tmp/$name.pdf" - 2>/dev/null | grep -m1 -v '^\s*$' | grep -qx 'Overview'
      then ov=$p; break; fi
    done
    exec_pages=$((ov - 1))
    if [ "$ov" -gt 1 ] && [ "$exec_pages" -le 3 ]; then
      pass "$name: the executive part is $exec_pages A4 page(s) (at most 3)"
    else fail "$name: the executive part is not within 3 pages (Overview on page $ov of ${pages:-?})"; fi
    if [ "$ov" -gt 1 ] && pdftotext -bbox -f 1 -l "$exec_pages" "$tmp/$name.pdf" - 2>/dev/null | python3 -c '
import re, sys, collections
hs = [float(b) - float(a) for a, b in re.findall(r"yMin=\"([\d.]+)\" xMax=\"[\d.]+\" yMax=\"([\d.]+)\"", sys.stdin.read())]
body = collections.Counter(round(h, 1) for h in hs).most_common(1)[0][0]
small = min(hs) / body * 10
print("smallest %.1f pt" % small)
sys.exit(0 if small >= 8.95 else 1)' >"$tmp/sz"
    then pass "$name: no text in the executive part under 9 pt ($(cat "$tmp/sz"))"
    else fail "$name: text under 9 pt in the executive part ($(cat "$tmp/sz" 2>/dev/null))"; fi
  done
else
  fail "chromium is not installed: run scripts/setup"
fi

[ "$fails" -eq 0 ] || { echo "$fails report test(s) failed"; exit 1; }
echo "all report tests passed"
