#!/usr/bin/env bash
# The lint corpus: each file in tests/lint/ lists the exact diagnostics
# `bulkhead check` must print for it ("-- expect: FILE:LINE: error: text"),
# in order and nothing more; "-- caret: L C" asks for a caret in column C
# under the source line of line L. A file with no expect lines must check
# clean. Also: --format json gives the same findings through Jansson.
# Usage: bash tests/lint.sh PATH_TO_BULKHEAD   (from the repository root)
set -u
bh="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }

for f in tests/lint/*.lua; do
  name=$(basename "$f")
  sed -n 's/^-- expect: //p' "$f" >"$tmp/want"
  "$bh" check "$f" >"$tmp/out" 2>"$tmp/err"; rc=$?
  grep -E '^[^ ].*:[0-9]+: (error|warning): ' "$tmp/err" | sed 's#^tests/lint/##' >"$tmp/got"
  want_rc=0; [ -s "$tmp/want" ] && want_rc=1
  if [ $rc -ne $want_rc ]; then fail "$name: exit $rc, wanted $want_rc"; sed 's/^/    /' "$tmp/err" | head; continue; fi
  if diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then pass "$name: diagnostics"
  else fail "$name: diagnostics differ"; sed 's/^/    /' "$tmp/diff" | head -20; fi
  caret=$(sed -n 's/^-- caret: //p' "$f")
  if [ -n "$caret" ]; then
    set -- $caret
    # the caret line follows the source line, which follows the finding
    col=$(grep -A2 "^tests/lint/$name:$1: " "$tmp/err" | sed -n '3p' | awk '{ print index($0, "^") - 4 }')
    [ "$col" = "$2" ] && pass "$name: caret at $1:$2" || fail "$name: caret at column '$col', wanted $2"
  fi
done

# JSON output, through Jansson: the same findings, with columns.
"$bh" check tests/lint/hook_ids.lua --format json >"$tmp/j" 2>"$tmp/err"; rc=$?
if [ $rc -eq 1 ] && python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
f = j["diagnostics"]
assert len(f) == 5, f
assert f[0]["file"].endswith("hook_ids.lua") and f[0]["line"] == 15 and f[0]["column"] == 21
assert f[0]["severity"] == "error" and "ransom_notes" in f[0]["message"]
assert j["errors"] == 5 and j["warnings"] == 0
' "$tmp/j"; then pass "--format json"; else fail "--format json (exit $rc)"; cat "$tmp/j" | head; fi
"$bh" check tests/lint/clean_ids.lua --format json >"$tmp/j" 2>&1; rc=$?
if [ $rc -eq 0 ] && python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert j["diagnostics"] == []' "$tmp/j"
then pass "--format json, clean"; else fail "--format json, clean (exit $rc)"; fi
"$bh" check tests/lint/clean_ids.lua --format yaml >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q "text or json" "$tmp/err" && pass "bad --format" || fail "bad --format (exit $rc)"

# --explore: what no explored session reached, at its declaration.
"$bh" check tests/lint/explore/dead_content.lua --explore 20 >"$tmp/out" 2>"$tmp/err"; rc=$?
# (--explore N searches until N sessions in a row find nothing new: the
# number of sessions it played is its own)
for want in "dead_content.lua:7: warning: inject 'never' never fired in [0-9]+ explored sessions" \
            "dead_content.lua:11: warning: action 'locked' was never available in [0-9]+ explored sessions" \
            "dead_content.lua:13: warning: decision 'ghost' never opened in [0-9]+ explored sessions" \
            "dead_content.lua:15: warning: ending 'impossible' was never reached in [0-9]+ explored sessions"; do
  grep -qE "$want" "$tmp/err" && pass "--explore: ${want#*warning: }" || fail "--explore lacks: $want"
done
[ $rc -eq 1 ] && pass "--explore findings exit 1" || fail "--explore exit $rc"
grep -q "action 'go'" "$tmp/err" && fail "--explore flags reachable content" || pass "--explore leaves reachable content alone"
# --explore: a condition that waited on the clock, with the way out
"$bh" check tests/lint/explore/clock.lua --explore 6 >"$tmp/out" 2>"$tmp/err"; rc=$?
grep -qF "clock.lua:9: warning: the condition of inject 'polled' waited on the clock: about 91 calls per explored session read w.time; if it waits for a fixed time give it \`after = ...\`" "$tmp/err" &&
  pass "--explore points out a condition waiting on the clock" || { fail "--explore clock warning"; cat "$tmp/err"; }
grep -qE "'(waits|brief)'" "$tmp/err" && fail "--explore flags a condition that hardly waits" ||
  pass "--explore leaves after= and brief waits alone"
[ $rc -eq 1 ] && pass "--explore clock finding exits 1" || fail "--explore clock exit $rc"
# --explore: a condition that reads a Lua variable (verification finds it)
"$bh" check tests/lint/explore/stale.lua --explore 8 >"$tmp/out" 2>"$tmp/err"
# twice in every session: the fixture's condition flips a Lua variable
n=$(sed -n "s/^.*stale.lua:15: warning: the condition of inject 'sneaky' depends on something other than w: asked again, it answered differently \([0-9]*\) times in \([0-9]*\) explored sessions.*/\1 \2/p" "$tmp/err")
[ -n "$n" ] && [ "${n% *}" -eq $(( 2 * ${n#* } )) ] &&
  pass "--explore finds a condition that reads more than w" || { fail "--explore stale warning"; cat "$tmp/err"; }
"$bh" check tests/lint/explore/clock.lua --explore 4 2>&1 | grep -q "depends on something other" &&
  fail "--explore calls a pure condition impure" || pass "--explore leaves pure conditions alone"
"$bh" check tests/lint/clean_ids.lua --explore 0 >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && pass "--explore 0 is a usage error" || fail "--explore 0 (exit $rc)"

[ "$fails" -eq 0 ] || { echo "$fails lint test(s) failed"; exit 1; }
echo "all lint tests passed"
