#!/usr/bin/env bash
# bulkhead new: the skeleton checks clean (bulkhead check and luacheck), and
# every one of its endings is reachable by a plan; it never overwrites.
# Usage: bash tests/new.sh PATH_TO_BULKHEAD   (from the repository root)
set -u
bh="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }
cd "$tmp"

if "$bh" new port_outage >out 2>err && [ -s port_outage.lua ] && grep -q 'bulkhead check port_outage.lua' out
then pass "new writes port_outage.lua"; else fail "new"; cat err; fi
if "$bh" check port_outage.lua >out 2>&1 && [ ! -s out ]; then pass "skeleton checks clean"
else fail "skeleton checks clean"; cat out; fi
if luacheck --config "$root/scenarios/.luacheckrc" --no-color -q port_outage.lua >out 2>&1
then pass "skeleton is luacheck clean"; else fail "skeleton luacheck"; cat out; fi
grep -q 'id = "port_outage"' port_outage.lua && grep -q 'title = "Port outage"' port_outage.lua &&
  pass "id and title filled in" || fail "id and title filled in"

ending() { "$bh" run port_outage.lua --plan "$1" 2>&1 | sed -n 's/.* ENDING *\([a-z_]*\):.*/\1/p'; }
: >idle.plan
printf '5m start isolate\n6m start statement\n30m choose pay refuse\n30m start restore\n' >good.plan
printf '5m start isolate\n40m choose pay wait\n' >half.plan
for case in "idle encrypted" "good recovered" "half noon"; do
  set -- $case
  got=$(ending "$1.plan")
  [ "$got" = "$2" ] && pass "$1 plan reaches $2" || fail "$1 plan reached '$got', wanted $2"
done
# The template's example objective answers both ways.
objective() { "$bh" run port_outage.lua --plan "$1" 2>&1 | sed -n 's/^  \(met\|not met\) *do_not_pay:.*/\1/p'; }
[ "$(objective good.plan)" = "met" ] && [ "$(objective half.plan)" = "not met" ] &&
  pass "the example objective is met by the good plan, not by the half one" ||
  fail "example objective: good '$(objective good.plan)', half '$(objective half.plan)'"

"$bh" new port_outage >out 2>err; rc=$?
[ $rc -eq 1 ] && grep -q 'never overwrites' err && pass "never overwrites" || fail "overwrite (exit $rc)"
"$bh" new Bad-Name >out 2>err; rc=$?
[ $rc -eq 2 ] && grep -q 'not a scenario name' err && pass "bad name" || fail "bad name (exit $rc)"
mkdir sub
"$bh" new sub/harbour_lights.lua >out 2>err && [ -s sub/harbour_lights.lua ] &&
  pass "a path and .lua are accepted" || fail "path form"
"$bh" new >out 2>err; rc=$?
[ $rc -eq 2 ] && pass "no name is a usage error" || fail "no name (exit $rc)"

[ "$fails" -eq 0 ] || { echo "$fails new test(s) failed"; exit 1; }
echo "all new tests passed"
