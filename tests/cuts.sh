#!/usr/bin/env bash
# Session cuts from the command line: run --cut and the journal's `cut` and
# `mode workshop` lines (written by run --journal, replayed identically),
# report using a journal's cut, explore --cut and check --explore --cut,
# the errors for an unknown cut, and facilitator notes never reaching a
# transcript or a report. The scenario is tests/fixtures/cuts/cuts.lua.
# Usage: bash tests/cuts.sh PATH_TO_BULKHEAD   (from the repository root)
set -u
bh="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }
fx=tests/fixtures/cuts
scn=$fx/cuts.lua
indent() { sed 's/^/    /' "$@" | head -20; }

# ending NAME CUT PLAN WANT: run PLAN in CUT ("" for none); WANT is the ENDING line's text
ending() {
  local name="$1" cut="$2" plan="$3" want="$4"
  "$bh" run "$scn" --plan "$plan" ${cut:+--cut "$cut"} >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && grep -qF -- "$want" "$tmp/out"; then pass "$name"
  else fail "$name (exit $rc)"; indent "$tmp/out" "$tmp/err"; fi
}
ending "whole scenario, warm: the when ending" "" $fx/warm.plan "03:00:00  Wed 03:00  ENDING    hot: Hot at three"
ending "whole scenario, idle: the fallback at 10h" "" $fx/idle.plan "10:00:00  Wed 10:00  ENDING    over: Over (time ran out)"
ending "cut three, warm: the when ending first" three $fx/warm.plan "03:00:00  Wed 03:00  ENDING    hot: Hot at three"
ending "cut three, idle: then the cut's ending" three $fx/idle.plan "03:00:00  Wed 03:00  ENDING    held: Held the line (time ran out)"
ending "cut two, idle: then the fallback" two $fx/idle.plan "02:00:00  Wed 02:00  ENDING    over: Over (time ran out)"
ending "the transcript names the cut" three $fx/idle.plan "Cut: three (Three hours): the session lasts 3h"

# An unknown cut: bad usage, with a "did you mean", and no journal written.
"$bh" run "$scn" --plan $fx/idle.plan --cut thre --journal "$tmp/no.journal" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && grep -qF "$scn: error: --cut thre: the scenario declares no such cut (did you mean 'three'?)" "$tmp/err" &&
   [ ! -e "$tmp/no.journal" ] && [ ! -s "$tmp/out" ]; then pass "run --cut with an unknown cut is bad usage"
else fail "run --cut thre (exit $rc)"; indent "$tmp/err"; fi

# The plan's own `cut` line naming no cut (or no cut id at all): its
# file:line, and no journal written with a cut that cannot replay.
for bad in thre 'a/b' "$(printf '%0100d' 0)"; do
  printf 'cut %s\n1h note x\n' "$bad" >"$tmp/badcut.plan"
  rm -f "$tmp/badcut.journal"
  "$bh" run "$scn" --plan "$tmp/badcut.plan" --journal "$tmp/badcut.journal" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ $rc -eq 1 ] && grep -qF "$tmp/badcut.plan:1: error: no cut '$bad' in this scenario" "$tmp/err" &&
     [ ! -e "$tmp/badcut.journal" ]; then pass "a plan's unknown cut '${bad:0:8}' is named at its line, no journal"
  else fail "a plan's unknown cut '${bad:0:8}' (exit $rc)"; indent "$tmp/err"; ls "$tmp"/badcut.* | indent; fi
done

# A plan's cut line; --cut over it warns and wins.
printf 'scenario %s\nseed 3\ncut two\nmode workshop\n0s start warm\n' "$scn" >"$tmp/two.plan"
ending "a plan's cut line" "" "$tmp/two.plan" "02:00:00  Wed 02:00  ENDING    over: Over (time ran out)"
"$bh" run "$scn" --plan "$tmp/two.plan" --cut three --journal "$tmp/three.journal" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 0 ] && grep -qF "$tmp/two.plan:3: warning: --cut three overrides the journal's cut two" "$tmp/err" &&
   grep -qF "ENDING    hot: Hot at three" "$tmp/out"; then pass "run --cut over a plan's other cut: a warning, and --cut wins"
else fail "run --cut over a plan's cut (exit $rc)"; indent "$tmp/out" "$tmp/err"; fi

# run --journal records the cut and the mode; the journal replays identically.
cp "$tmp/out" "$tmp/first.transcript"
if grep -qx "cut three" "$tmp/three.journal" && grep -qx "mode workshop" "$tmp/three.journal" &&
   [ "$(grep -n '^cut three$' "$tmp/three.journal" | cut -d: -f1)" -lt "$(grep -n ' start warm$' "$tmp/three.journal" | cut -d: -f1)" ]
then pass "run --journal writes the cut and mode workshop header lines"
else fail "run --journal header lines"; indent "$tmp/three.journal"; fi
"$bh" run "$scn" --plan "$tmp/three.journal" >"$tmp/again" 2>"$tmp/err"
if cmp -s "$tmp/first.transcript" "$tmp/again" && [ ! -s "$tmp/err" ]; then
  pass "a journal with cut and mode workshop replays identically"
else fail "the journal's replay differs"; diff "$tmp/first.transcript" "$tmp/again" | indent; indent "$tmp/err"; fi

# An unknown cut line in a journal: an error at its line.
printf 'scenario %s\nseed 3\ncut thre\n0s start warm\n' "$scn" >"$tmp/bad.journal"
for cmd in run report; do
  if [ $cmd = run ]; then "$bh" run "$scn" --plan "$tmp/bad.journal" >"$tmp/out" 2>"$tmp/err"
  else "$bh" report "$tmp/bad.journal" >"$tmp/out" 2>"$tmp/err"; fi
  rc=$?
  if [ $rc -eq 1 ] && grep -qF "$tmp/bad.journal:3: error: no cut 'thre' in this scenario (did you mean 'three'?)" "$tmp/err"
  then pass "$cmd: an unknown cut line is an error at its line"
  else fail "$cmd: unknown cut line (exit $rc)"; indent "$tmp/err"; fi
done

# report uses the journal's cut: its ending, its length, the overview row.
"$bh" report "$tmp/three.journal" --format md >"$tmp/r.md" 2>"$tmp/err"
"$bh" report "$tmp/three.journal" --format json >"$tmp/r.json" 2>>"$tmp/err"
"$bh" report "$tmp/three.journal" -o "$tmp/r.html" 2>/dev/null   # it says where it wrote
if grep -qF "| Session cut | Three hours (three, 3h) |" "$tmp/r.md" &&
   grep -qF "| Played | T+0d 03:00:00 (ended) |" "$tmp/r.md" &&
   python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c=d["scenario"]["cut"]; assert (c["id"], c["length_s"], c["agenda_min"]) == ("three", 10800, 60), c; assert d["ending"]["id"] == "hot"' "$tmp/r.json" &&
   grep -qF "<tr><th>Session cut</th><td>Three hours (three, 3h)</td></tr>" "$tmp/r.html" && [ ! -s "$tmp/err" ]
then pass "report uses the journal's cut (Markdown, JSON, HTML)"
else fail "report and the cut"; indent "$tmp/r.md" "$tmp/err"; fi
printf 'scenario %s\nseed 3\n# nobody acts\n' "$scn" >"$tmp/whole.plan"
"$bh" report "$tmp/whole.plan" --format json >"$tmp/w.json" 2>/dev/null
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert "cut" not in d["scenario"]' "$tmp/w.json" &&
   ! "$bh" report "$tmp/whole.plan" --format md 2>/dev/null | grep -q "Session cut"
then pass "a report without a cut has no cut in it"
else fail "a report without a cut"; fi

# Facilitator notes never reach what players or readers of the report see.
if cat "$tmp/first.transcript" "$tmp/r.md" "$tmp/r.json" "$tmp/r.html" | grep -q FAC-MARKER; then
  fail "a facilitator note leaked into a transcript or report"
else pass "facilitator notes stay out of transcripts and reports"; fi

# explore --cut: every run in the cut, and its journals carry the cut line.
mkdir "$tmp/j"
"$bh" explore "$scn" --runs 8 --cut three --journals "$tmp/j" >"$tmp/out" 2>"$tmp/err"
rc=$?
j1=$(ls "$tmp/j"/*.journal | head -1)
if [ $rc -eq 0 ] && grep -q '^Explored .*, in cut three$' "$tmp/out" && grep -qx 'cut three' "$j1" &&
   grep -qE '^  over +bad +0 ' "$tmp/out"; then
  pass "explore --cut plays the cut and writes its cut line"
else fail "explore --cut (exit $rc)"; indent "$tmp/out" "$tmp/err"; fi
"$bh" run "$scn" --plan "$j1" >"$tmp/out" 2>"$tmp/err"
if grep -qF "Cut: three (Three hours)" "$tmp/out" && [ ! -s "$tmp/err" ]; then
  pass "an explored run's journal replays in its cut"
else fail "explored journal replay"; indent "$tmp/err"; fi
"$bh" explore "$scn" --runs 2 --cut thre >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && grep -qF "has no cut 'thre' (did you mean 'three'?)" "$tmp/err"; then
  pass "explore --cut with an unknown cut is bad usage"
else fail "explore --cut thre (exit $rc)"; indent "$tmp/err"; fi

# check --explore --cut explores that cut; --cut alone is bad usage.
"$bh" check "$scn" --explore 12 --cut two >"$tmp/out" 2>&1
if grep -qE "ending 'hot' was never reached in [0-9]+ explored sessions" "$tmp/out"; then
  pass "check --explore --cut explores the cut (hot is past its end)"
else fail "check --explore --cut"; indent "$tmp/out"; fi
"$bh" check "$scn" --explore 12 >"$tmp/out" 2>&1
if ! grep -qF "ending 'hot' was never reached" "$tmp/out"; then pass "check --explore without --cut: the whole scenario"
else fail "check --explore without --cut"; indent "$tmp/out"; fi
# A cut's own ending comes only when that cut's time runs out: sessions of
# another length never reach it, and that is no finding.
if ! grep -qF "ending 'held' was never reached" "$tmp/out"; then
  pass "check --explore: the ending a cut names is not reported unreached"
else fail "check --explore reports a cut's ending as unreached"; indent "$tmp/out"; fi
"$bh" check "$scn" --explore 3 --cut nope >"$tmp/out" 2>&1; rc=$?
if [ $rc -eq 1 ] && grep -qF "$scn: error: --cut: this scenario declares no cut 'nope'" "$tmp/out"; then
  pass "check --explore --cut with an unknown cut is an error for that file"
else fail "check --explore --cut nope (exit $rc)"; indent "$tmp/out"; fi
"$bh" check "$scn" --cut two >"$tmp/out" 2>&1; rc=$?
if [ $rc -eq 2 ]; then pass "check --cut without --explore is bad usage"
else fail "check --cut without --explore (exit $rc)"; fi

# bulkhead play --cut needs the scenario it belongs to.
"$bh" play --cut two --resume "$tmp/three.journal" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 2 ] && grep -qF -- "--cut plays a scenario in one of its cuts" "$tmp/err"; then
  pass "play --cut without a scenario file is bad usage"
else fail "play --cut without a file (exit $rc)"; indent "$tmp/err"; fi

[ $fails -eq 0 ] && echo "all cut tests passed" || echo "$fails cut test(s) failed"
[ $fails -eq 0 ]
