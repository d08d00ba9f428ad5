#!/usr/bin/env bash
# The same scenario, seed and plan give a byte-identical transcript in two
# separate processes (each with its own address layout and hash seed), for
# every shipped plan and several seeds.
set -u
bh="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
for plan in tests/plans/*.plan; do
  # plans are named SCENARIO_KIND.plan, for scenarios/SCENARIO.lua
  name=$(basename "$plan" .plan)
  scn="scenarios/${name%_*}.lua"
  for seed in 1 2 99 18446744073709551615; do
    "$bh" run "$scn" --plan "$plan" --seed "$seed" >"$tmp/a" 2>&1
    "$bh" run "$scn" --plan "$plan" --seed "$seed" >"$tmp/b" 2>&1
    if cmp -s "$tmp/a" "$tmp/b"; then echo "ok   $(basename "$plan") seed $seed"
    else echo "FAIL $(basename "$plan") seed $seed"; diff "$tmp/a" "$tmp/b" | head; fails=$((fails + 1)); fi
  done
done
# Different seeds must be able to differ, or the check above proves nothing.
"$bh" run scenarios/tutorial.lua --plan tests/plans/tutorial_idle.plan --seed 1 >"$tmp/a" 2>&1
"$bh" run scenarios/tutorial.lua --plan tests/plans/tutorial_idle.plan --seed 2 >"$tmp/b" 2>&1
if cmp -s "$tmp/a" "$tmp/b"; then echo "FAIL seeds 1 and 2 give the same idle session"; fails=$((fails + 1))
else echo "ok   seeds change the session"; fi
[ "$fails" -eq 0 ]
