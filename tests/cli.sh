#!/usr/bin/env bash
# The command line as users meet it: help, version, exit codes, check, run,
# journals, and the golden transcripts of the tutorial's plans.
# Usage: bash tests/cli.sh PATH_TO_BULKHEAD   (from the repository root)
# Set BH_UPDATE_GOLDEN=1 to rewrite the golden transcripts after an
# intended change to the tutorial or the transcript format.
set -u
bh="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }

# expect NAME WANTED_EXIT [grep-pattern-on-output] -- command...
expect() {
  local name="$1" want="$2" pattern="$3"
  shift 4
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ "$rc" -ne "$want" ]; then
    fail "$name: exit $rc, wanted $want"; sed 's/^/    /' "$tmp/err" | head -20; return
  fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$tmp/out" "$tmp/err"; then
    fail "$name: output lacks /$pattern/"; sed 's/^/    /' "$tmp/out" "$tmp/err" | head -20; return
  fi
  pass "$name"
}

expect help 0 'bulkhead run FILE.lua --plan PLAN' -- "$bh" --help
expect version 0 '^bulkhead [0-9]+\.[0-9]+\.[0-9]+$' -- "$bh" --version
expect unknown-command 2 "unknown command 'frobnicate'" -- "$bh" frobnicate
expect unknown-option 2 "unknown option '--bogus'" -- "$bh" run scenarios/tutorial.lua --bogus
expect missing-value 2 "needs a value" -- "$bh" run scenarios/tutorial.lua --plan
expect run-needs-plan 2 'run needs --plan' -- "$bh" run scenarios/tutorial.lua
expect bad-seed 2 '--seed wants a whole number' -- "$bh" run scenarios/tutorial.lua --plan tests/plans/tutorial_idle.plan --seed -3
expect check-needs-file 2 'check needs at least one scenario file' -- "$bh" check
expect check-clean 0 '' -- "$bh" check scenarios/tutorial.lua
[ -s "$tmp/out" ] || [ -s "$tmp/err" ] && fail "check-clean prints nothing" || pass "check-clean prints nothing"
# An action's cancel hook undoes what its start hook set up.
expect cancel-hook 0 'Asia office PCs restoring -> isolated' -- "$bh" run scenarios/tutorial.lua --plan tests/fixtures/cancel_reimage.plan
expect check-missing-file 1 'nope\.lua.*error: cannot open' -- "$bh" check "$tmp/nope.lua"

# A scenario with several problems: every one is reported with its line.
cat >"$tmp/bad.lua" <<'LUA'
scenario { id = "bad", title = "Bad", start = "2020-09-27 22:00", length = "2h" }
team { id = "it", label = "IT", staff = 2 }
action { id = "a", kind = "contain", label = "A", team = "ops", takes = "ten minutes", source = "fiction" }
decision { id = "d", prompt = "?", deadline = "1h", default = "maybe",
           options = { { id = "yes", label = "Yes" }, { id = "no", label = "No" } } }
ending { id = "e", title = "E", fallback = true }
ending { id = "e", title = "Again" }
LUA
expect check-reports-all 1 'bad\.lua:4: error: decision .d.: default .maybe. is not one of its options' -- "$bh" check "$tmp/bad.lua"
grep -q 'bad.lua:3: error: action .a.: field .takes.' "$tmp/err" && grep -q "bad.lua:3: error: action 'a': team 'ops' is not declared" "$tmp/err" \
  && grep -q "bad.lua:7: error: ending 'e': duplicate ending id" "$tmp/err" \
  && pass "check lists every problem with file:line" || { fail "check lists every problem"; cat "$tmp/err"; }
expect check-many-files 1 'bad\.lua' -- "$bh" check scenarios/tutorial.lua "$tmp/bad.lua"

# Source kinds (issue 15): an analogy must name the other incident's
# reference; check refuses one without a ref or with an undeclared one, at
# its line, with a suggestion, and still only warns about a fact's ref.
cat >"$tmp/analogy.lua" <<'LUA'
scenario { id = "an", title = "An", start = "2020-09-27 22:00", length = "2h" }
ending { id = "e", title = "E", fallback = true }
reference { id = "toll", title = "Toll Group, 2020", cite = "thedcn.com.au" }
inject { id = "ok", at = "1m", channel = "news", title = "Fine", source = "analogy", ref = "toll" }
inject { id = "bare", at = "2m", channel = "news", title = "No ref", source = "analogy" }
inject { id = "typo", at = "3m", channel = "news", title = "Bad ref", source = "analogy", ref = "tol" }
inject { id = "fact", at = "4m", channel = "news", title = "Fact", source = "fact", ref = "tol" }
inject { id = "odd", at = "5m", channel = "news", title = "Odd", source = "rumour" }
LUA
expect check-analogy 1 "analogy\.lua:5: error: inject 'bare': source = \"analogy\" needs a 'ref'" -- "$bh" check "$tmp/analogy.lua"
grep -q "analogy.lua:6: error: inject 'typo': ref 'tol' names no reference { } declaration (did you mean 'toll'?)" "$tmp/err" \
  && grep -q "analogy.lua:7: warning: inject 'fact': ref 'tol' names no reference" "$tmp/err" \
  && grep -q "analogy.lua:8: error: inject 'odd': field 'source' must be \"fact\", \"analogy\" or \"fiction\"" "$tmp/err" \
  && ! grep -q "inject 'ok'" "$tmp/err" \
  && pass "check: analogy refs refused at file:line, facts warned, unknown kinds list the three" \
  || { fail "check: analogy refs"; cat "$tmp/err"; }

# Golden transcripts: one per shipped plan.
for plan in tests/plans/tutorial_*.plan; do
  name=$(basename "$plan" .plan)
  golden="tests/plans/$name.transcript"
  "$bh" run scenarios/tutorial.lua --plan "$plan" >"$tmp/$name.out" 2>"$tmp/$name.err"
  rc=$?
  if [ "$rc" -ne 0 ]; then fail "run $name: exit $rc"; cat "$tmp/$name.err"; continue; fi
  if [ "${BH_UPDATE_GOLDEN:-0}" = 1 ]; then cp "$tmp/$name.out" "$golden"; fi
  if cmp -s "$tmp/$name.out" "$golden"; then pass "golden $name"; else
    fail "golden $name differs from $golden"; diff "$golden" "$tmp/$name.out" | head -20; fi
done
# The facilitator's lines: a refusal names the plan's line; an annotation kind
# of a later version is skipped with a warning; the reserved ending is refused.
printf 'seed 1\n1m fire ransom_note\n' >"$tmp/refused.plan"
expect facilitator-refused 1 "refused.plan:2: error: at T\+0d 00:01:00: cannot fire 'ransom_note': it has already arrived" -- "$bh" run scenarios/tutorial.lua --plan "$tmp/refused.plan"
# `details` was such a kind until issue 18: now read, and a malformed one refused at its line.
printf 'seed 1\n1m details venue Room 4\n2m details participants it Ana\n3h end Out of time\n' >"$tmp/later.plan"
expect details-read 0 "" -- "$bh" run scenarios/tutorial.lua --plan "$tmp/later.plan"
grep -q 'ENDING    ended_by_facilitator' "$tmp/out" && ! grep -q warning "$tmp/err" && pass "facilitator end after details" || fail "facilitator end after details"
# Annotations never change the session: the expert's plan with details reads as the expert's.
cmp -s tests/plans/tutorial_details.transcript tests/plans/tutorial_expert.transcript &&
  cmp -s "$tmp/tutorial_details.out" tests/plans/tutorial_expert.transcript &&
  pass "details: the same transcript as without" || fail "details: the same transcript as without"
printf 'seed 1\n1m details venue=Room 4\n' >"$tmp/baddetails.plan"
expect details-malformed 1 "baddetails.plan:2: error: no detail 'venue=Room'" -- "$bh" run scenarios/tutorial.lua --plan "$tmp/baddetails.plan"
expect facilitator-reserved-ending 1 "reserved_ending.lua:4: error: .*the id 'ended_by_facilitator' is reserved" -- "$bh" check tests/fixtures/facilitator/reserved_ending.lua
grep -q '^Ending at .*: A clean handover' tests/plans/tutorial_expert.transcript && pass "expert plan wins" || fail "expert plan wins"
grep -q '^Ending at .*: Everything encrypted' tests/plans/tutorial_idle.transcript && pass "idle plan loses" || fail "idle plan loses"

# A journal written by run replays as a plan to the same transcript, and is never overwritten.
expect run-journal 0 '' -- "$bh" run scenarios/tutorial.lua --plan tests/plans/tutorial_expert.plan --journal "$tmp/j1"
cp "$tmp/out" "$tmp/first.out"
# (its scenario line is read relative to the journal's folder, or is absolute)
scn=$(sed -n 's/^scenario //p' "$tmp/j1")
grep -q '^seed 1$' "$tmp/j1" && (cd "$tmp" && cmp -s "$scn" "$OLDPWD/scenarios/tutorial.lua") && pass "journal header" || fail "journal header"
expect replay-journal 0 '' -- "$bh" run scenarios/tutorial.lua --plan "$tmp/j1"
cmp -s "$tmp/out" "$tmp/first.out" && pass "journal replays identically" || fail "journal replays identically"
cp "$tmp/j1" "$tmp/j1.copy"
expect journal-not-overwritten 1 'already exists; journals are never overwritten' -- \
  "$bh" run scenarios/tutorial.lua --plan tests/plans/tutorial_idle.plan --journal "$tmp/j1"
cmp -s "$tmp/j1" "$tmp/j1.copy" && pass "existing journal untouched" || fail "existing journal untouched"

# Bad plans name their line; the session is never half-applied silently.
printf 'seed 1\n0m start isolate_swtich\n' >"$tmp/typo.plan"
expect plan-typo 1 "typo\.plan:2: error: no action 'isolate_swtich' in this scenario \(did you mean 'isolate_switch'\?\)" -- \
  "$bh" run scenarios/tutorial.lua --plan "$tmp/typo.plan"
printf '1h start isolate_switch\n30m start cut_external\n' >"$tmp/back.plan"
expect plan-backwards 1 'back\.plan:2: error: time goes backwards' -- "$bh" run scenarios/tutorial.lua --plan "$tmp/back.plan"
printf '0m start isolate_switch\n1m start isolate_switch\n' >"$tmp/twice.plan"
expect plan-unavailable 1 "twice\.plan:2: error: at T\+0d 00:01:00: cannot start 'isolate_switch': already running" -- \
  "$bh" run scenarios/tutorial.lua --plan "$tmp/twice.plan"
printf '\x00\x01binary' >"$tmp/bin.plan"
expect plan-binary 1 'bin\.plan:1: error: line contains a NUL byte' -- "$bh" run scenarios/tutorial.lua --plan "$tmp/bin.plan"
expect plan-missing 1 'nothere\.plan: error: cannot open' -- "$bh" run scenarios/tutorial.lua --plan "$tmp/nothere.plan"

# Inputs after the ending are reported, not silently dropped.
{ cat tests/plans/tutorial_idle.plan; printf '9h start isolate_switch\n'; } >"$tmp/late.plan"
expect plan-after-end 0 'warning: the session ended before this input' -- "$bh" run scenarios/tutorial.lua --plan "$tmp/late.plan"

# A note with a tab and a newline escape survives the journal exactly.
printf 'seed 1\n5m note a\tb\\nsecond line\n' >"$tmp/tab.plan"
expect run-tab-note 0 '' -- "$bh" run scenarios/tutorial.lua --plan "$tmp/tab.plan" --journal "$tmp/tab.journal"
cp "$tmp/out" "$tmp/tab.first"
expect replay-tab-note 0 '' -- "$bh" run scenarios/tutorial.lua --plan "$tmp/tab.journal"
cmp -s "$tmp/out" "$tmp/tab.first" && pass "tab note replays identically" || fail "tab note replays identically"

# A journal the engine wrote, cut off mid-line, is refused with its line number.
head -c -3 "$tmp/j1" >"$tmp/cut.journal"
lines=$(wc -l <"$tmp/cut.journal")
expect journal-cut 1 "cut\.journal:$((lines + 1)): error: the last line is incomplete" -- \
  "$bh" run scenarios/tutorial.lua --plan "$tmp/cut.journal"

# An error in an availability check refuses that input but is not journaled,
# so replaying the journal reaches the same state.
mkdir -p "$tmp/avail"
cat >"$tmp/avail/s.lua" <<'LUA'
scenario { id = "a", title = "A", start = "2020-09-27 22:00", length = "2h" }
ending { id = "e", title = "E", fallback = true }
team { id = "it", label = "IT", staff = 2 }
action { id = "x", kind = "contain", label = "X", team = "it", takes = "10m", source = "fiction", repeatable = true,
  available = function(w) if w.time > 1800 then error("boom") end return true end }
LUA
printf 'seed 1\n10m start x\n40m start x\n' >"$tmp/avail.plan"
expect available-error 1 's\.lua:5: error: boom' -- \
  "$bh" run "$tmp/avail/s.lua" --plan "$tmp/avail.plan" --journal "$tmp/avail.journal"
grep -c ' start x$' "$tmp/avail.journal" | grep -qx 1 && pass "refused input not journaled" || fail "refused input not journaled"
expect available-replay 0 '' -- "$bh" run "$tmp/avail/s.lua" --plan "$tmp/avail.journal"

echo "$fails failed"
[ "$fails" -eq 0 ]
