#!/usr/bin/env bash
# Every shipped scenario: `bulkhead check` is clean, luacheck is clean with
# scenarios/.luacheckrc, and each of its plans reaches the ending the plan
# names in a header line:
#     # expect-ending: clean_handover
# Plans are tests/plans/SCENARIO_KIND.plan for scenarios/SCENARIO.lua.
# A plan for a session cut is SCENARIO_CUT-KIND.plan (CUT without '_') and
# says so in a header line, `cut CUT`, which `bulkhead run` honours. Every
# cut a scenario declares needs at least one plan. When a cut plan's ending
# comes because the cut's time ran out, the same inputs without the cut must
# not reach that ending: cut endings are for cuts only.
# Each plan also says how the session did on every exercise objective its
# scenario declares, one header line each (the transcript's "Objectives:"):
#     # expect-objective: notify_dpa met        (or: not-met)
# and every objective of a scenario must be met in one of its plans and not
# met in another, so that each `met` is shown to answer both ways.
# Every ending a scenario declares is reached by at least one of its plans
# that uses only the players' own inputs (start, cancel, choose; notes and
# the room's annotations change nothing): a facilitator's fire, extend,
# freeze, unfreeze, adjust, message or end could reach anything, so such a
# plan does not count as showing that an ending is reachable.
# Usage: bash tests/scenarios.sh PATH_TO_BULKHEAD   (from the repository root)
set -u
bh="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }

for scn in scenarios/*.lua; do
  grep -q '^scenario *{' "$scn" || continue   # include-only files (texts)
  if "$bh" check "$scn" >"$tmp/out" 2>&1; then pass "check $scn"
  else fail "check $scn"; sed 's/^/    /' "$tmp/out" | head -20; fi
done

if command -v luacheck >/dev/null; then
  if (cd scenarios && luacheck --config .luacheckrc --no-color -q . >"$tmp/out" 2>&1); then
    pass "luacheck scenarios/"
  else
    fail "luacheck scenarios/"; sed 's/^/    /' "$tmp/out" | head -30
  fi
else
  fail "luacheck is not installed: run scripts/setup"
fi

# The editor annotations parse, and name every declaration and w call.
if lua5.4 -e 'assert(loadfile("scenarios/api/bulkhead.lua"))' 2>"$tmp/out"; then
  missing=""
  for name in scenario meter system team reference inject action decision ending cut objective every include \
              fire open after note finish done running fired chosen random; do
    grep -qE "^function ($name|World[.:]$name)\(" scenarios/api/bulkhead.lua || missing="$missing $name"
  done
  if [ -z "$missing" ]; then pass "scenarios/api/bulkhead.lua parses and covers the API"
  else fail "scenarios/api/bulkhead.lua lacks:$missing"; fi
else
  fail "scenarios/api/bulkhead.lua does not parse"; cat "$tmp/out"
fi

ending_of() { sed -n 's/.* ENDING *\([A-Za-z0-9_]*\):.*/\1/p' "$1" | tail -1; }

for plan in tests/plans/*.plan; do
  name=$(basename "$plan" .plan)
  scn="scenarios/${name%_*}.lua"
  kind=${name##*_}
  cut=$(sed -n 's/^cut[[:space:]]\{1,\}\([A-Za-z0-9_]*\)[[:space:]]*$/\1/p' "$plan" | head -1)
  case $kind in
    *-*) if [ "$cut" != "${kind%%-*}" ]; then
           fail "$name: named for cut '${kind%%-*}', but its header line is '${cut:+cut $cut}'"; continue
         fi ;;
    *)   if [ -n "$cut" ]; then fail "$name: has 'cut $cut', so name it ${name%_*}_$cut-$kind.plan"; continue; fi ;;
  esac
  want=$(sed -n 's/^# *expect-ending: *\([A-Za-z0-9_]*\).*/\1/p' "$plan" | head -1)
  if [ -z "$want" ]; then fail "$name: no '# expect-ending: ID' line"; continue; fi
  if ! "$bh" run "$scn" --plan "$plan" >"$tmp/out" 2>"$tmp/err"; then
    fail "$name: bulkhead run failed"; sed 's/^/    /' "$tmp/err" | head -10; continue
  fi
  if [ -s "$tmp/err" ]; then
    fail "$name: warnings while replaying"; sed 's/^/    /' "$tmp/err" | head -10; continue
  fi
  got=$(ending_of "$tmp/out")
  if [ "$got" = "$want" ]; then pass "$name reaches $want${cut:+ in cut $cut}"
  else fail "$name: ended '$got', wanted '$want'"; continue; fi
  if grep -Eq '^[^#[:space:]]+[[:space:]]+(fire|extend|freeze|unfreeze|adjust|message|end)([[:space:]]|$)' "$plan"
  then echo "${name%_*} $want facilitator $name" >>"$tmp/reached"
  else echo "${name%_*} $want players $name" >>"$tmp/reached"; fi
  # The objectives as judged ("met", "not-met", "not-judged"), against the plan's lines.
  sed -n '/^Objectives:$/,/^$/s/^  \(met\|not met\|not judged\) *\([A-Za-z0-9_.-]*\):.*/\2 \1/p' "$tmp/out" |
    sed 's/ not met$/ not-met/; s/ not judged$/ not-judged/' | sort >"$tmp/judged"
  sed -n 's/^# *expect-objective: *\([A-Za-z0-9_.-]*\) *\([a-z-]*\) *$/\1 \2/p' "$plan" | sort >"$tmp/expected"
  if cmp -s "$tmp/judged" "$tmp/expected"; then
    [ -s "$tmp/judged" ] && pass "$name: its $(wc -l <"$tmp/judged") objectives judged as expected"
  else
    fail "$name: objectives judged (>) differ from its expect-objective lines (<)"
    diff "$tmp/expected" "$tmp/judged" | sed 's/^/    /' | head -20
  fi
  sed "s|^|${name%_*} |" "$tmp/judged" >>"$tmp/all_judged"
  [ -n "$cut" ] || continue
  if grep -q " ENDING .*(time ran out)" "$tmp/out"; then
    grep -v -e '^cut[[:space:]]' -e '^# *expect-' "$plan" >"$tmp/full.plan"
    "$bh" run "$scn" --plan "$tmp/full.plan" >"$tmp/full" 2>/dev/null
    full=$(ending_of "$tmp/full")
    if [ -n "$full" ] && [ "$full" != "$want" ]; then pass "$name: without the cut it ends '$full'"
    else fail "$name: without the cut it still ends '$full'"; fi
  fi
done

# Every objective is met in one plan of its scenario and not met in another.
touch "$tmp/all_judged"
for scn in scenarios/*.lua; do
  base=$(basename "$scn" .lua)
  for id in $(sed -n 's/^[[:space:]]*objective[[:space:]]*{[[:space:]]*id[[:space:]]*=[[:space:]]*"\([A-Za-z0-9_.-]*\)".*/\1/p' "$scn"); do
    if grep -qx "$base $id met" "$tmp/all_judged" && grep -qx "$base $id not-met" "$tmp/all_judged"; then
      pass "$base: objective $id is met in a plan and not met in another"
    else
      fail "$base: objective $id needs a plan where it is met and one where it is not"
    fi
  done
done

# Every ending a scenario declares is reached by a plan of players' inputs only.
touch "$tmp/reached"
for scn in scenarios/*.lua; do
  base=$(basename "$scn" .lua)
  for id in $(sed -n 's/^[[:space:]]*ending[[:space:]]*{[[:space:]]*id[[:space:]]*=[[:space:]]*"\([A-Za-z0-9_]*\)".*/\1/p' "$scn"); do
    by=$(awk -v b="$base" -v e="$id" '$1 == b && $2 == e && $3 == "players" { print $4; exit }' "$tmp/reached")
    if [ -n "$by" ]; then pass "$base: ending $id is reached by $by"
    elif grep -q "^$base $id facilitator " "$tmp/reached"; then
      fail "$base: ending $id is reached only with the facilitator's interventions; add a plan of players' inputs"
    else fail "$base: ending $id has no plan that reaches it (tests/plans/${base}_KIND.plan with '# expect-ending: $id')"; fi
  done
done

# Every cut a scenario declares has a plan.
for scn in scenarios/*.lua; do
  base=$(basename "$scn" .lua)
  for cut in $(sed -n 's/^[[:space:]]*cut[[:space:]]*{[[:space:]]*id[[:space:]]*=[[:space:]]*"\([A-Za-z0-9_]*\)".*/\1/p' "$scn"); do
    set -- tests/plans/"${base}_$cut"-*.plan
    if [ -e "$1" ]; then pass "$base: cut $cut has $# plan(s)"
    else fail "$base: cut $cut has no plan tests/plans/${base}_$cut-KIND.plan"; fi
  done
done

[ "$fails" -eq 0 ] || { echo "$fails scenario test(s) failed"; exit 1; }
echo "all scenario tests passed"
