#!/usr/bin/env bash
# Plans as tests (issue 16): real `bulkhead` runs in temporary folders.
#  - A plan's or journal's `scenario` line is read relative to its own
#    folder, from any current folder, and after the folder is moved; an
#    absolute one works anywhere; an old journal whose path works only from
#    the current folder still runs, with a warning. Journals that `run
#    --journal` writes replay from anywhere.
#  - `run --plan PLAN` without FILE.lua runs the plan's scenario; FILE.lua
#    wins. The same file by another spelling is not "recorded for" another.
#  - A scenario that cannot be opened says so, at the plan line that named
#    it, with what to do instead; never "line 1" as if it were a syntax error.
#  - `# expect-ending:` and `# expect-objective:` make `run` exit 1 on a miss.
#  - The repeat form `FROM..TO every STEP VERB ...`, its refusals skipped,
#    its errors at their line, its caps against hostile sizes.
#  - "1 input ... was not applied", "2 inputs ... were".
# Usage: bash tests/plans.sh PATH_TO_BULKHEAD   (from the repository root)
set -u
bh="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
root=$(pwd)
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }

# run_in DIR NAME WANTED_EXIT [pattern on stderr] -- command...: run in DIR,
# keeping stdout in $tmp/out and stderr in $tmp/err.
run_in() {
  local dir="$1" name="$2" want="$3" pattern="$4"
  shift 5
  (cd "$dir" && "$@") >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ "$rc" -ne "$want" ]; then
    fail "$name: exit $rc, wanted $want"; sed 's/^/    /' "$tmp/err" | head -10; return 1
  fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$tmp/err"; then
    fail "$name: stderr lacks /$pattern/"; sed 's/^/    /' "$tmp/err" | head -10; return 1
  fi
  pass "$name"
}
quiet() { if [ -s "$tmp/err" ]; then fail "$1: stderr not empty"; sed 's/^/    /' "$tmp/err" | head -5
          else pass "$1"; fi; }
# the transcript without its "Scenario:" line, which shows the path as given
body() { grep -v '^Scenario: ' "$1"; }

mkdir -p "$tmp/game/sub" "$tmp/elsewhere"
cat >"$tmp/game/gates.lua" <<'LUA'
scenario { id = "gates", title = "Gates on paper", start = "2020-09-27 22:00", length = "3d" }
team { id = "ops", label = "Terminal ops", staff = 2 }
action { id = "paper_gate", kind = "restore", label = "Run the gate on paper", team = "ops",
         takes = "8h", source = "fiction", repeatable = true }
action { id = "call_it", kind = "investigate", label = "Call IT", team = "ops", takes = "1h",
         source = "fiction" }
ending { id = "staffed", title = "The gate stayed open", after = "71h",
         when = function(w) return w.done("paper_gate") >= 8 end }
ending { id = "jammed", title = "Trucks jammed the road", fallback = true }
objective { id = "keep_open", text = "Keep the gate staffed",
            met = function(w) return w.done("paper_gate") >= 8 end }
LUA
# Without the repeat form this was one line per shift.
cat >"$tmp/game/staffed.plan" <<'PLAN'
# expect-ending: staffed
# expect-objective: keep_open met
scenario gates.lua
seed 1
1h    start call_it
2h..3d every 8h start paper_gate
PLAN
printf '# expect-ending: jammed\nscenario ../gates.lua\nseed 1\n' >"$tmp/game/sub/idle.plan"

# ---- where the scenario line points ----
run_in "$root" "run --plan, scenario beside the plan, from the repository" 0 '' -- \
  "$bh" run --plan "$tmp/game/staffed.plan" && quiet "  ... nothing on stderr"
cp "$tmp/out" "$tmp/first.out"
grep -q '^Scenario: Gates on paper (gates, .*game/gates.lua)$' "$tmp/out" &&
  pass "the transcript names the scenario the plan's folder holds" ||
  fail "the transcript names the scenario the plan's folder holds"
for d in / "$tmp/elsewhere" "$tmp/game" "$tmp/game/sub"; do
  run_in "$d" "run --plan from $d" 0 '' -- "$bh" run --plan "$tmp/game/staffed.plan" &&
    { body "$tmp/out" | cmp -s - <(body "$tmp/first.out") && quiet "  ... the same session, quietly" ||
      fail "  ... the same session from $d"; }
done
run_in "$tmp/game" "a relative plan path, from its own folder" 0 '' -- "$bh" run --plan staffed.plan
run_in "$tmp/game/sub" "a scenario line with .., from another folder" 0 '' -- "$bh" run --plan idle.plan
run_in "$tmp" "  ... and by a relative path from above" 0 '' -- "$bh" run --plan game/sub/idle.plan

mv "$tmp/game" "$tmp/moved"
run_in "$tmp/elsewhere" "the folder moved: plan and scenario still go together" 0 '' -- \
  "$bh" run --plan ../moved/staffed.plan && quiet "  ... quietly"
mv "$tmp/moved" "$tmp/game"

printf 'scenario %s\n# expect-ending: jammed\n' "$tmp/game/gates.lua" >"$tmp/elsewhere/abs.plan"
run_in / "an absolute scenario line works from anywhere" 0 '' -- "$bh" run --plan "$tmp/elsewhere/abs.plan"

# FILE.lua wins; the same file spelt otherwise is no cause for a warning.
# (a plain plan, so that only the warning is tested here)
printf 'scenario gates.lua\nseed 1\n1h start call_it\n' >"$tmp/game/rec.plan"
run_in "$tmp/game" "FILE.lua by its absolute path: no 'recorded for' warning" 0 '' -- \
  "$bh" run "$tmp/game/gates.lua" --plan rec.plan && quiet "  ... nothing on stderr"
run_in "$tmp" "  ... nor by another relative spelling" 0 '' -- \
  "$bh" run ./game/sub/../gates.lua --plan game/rec.plan && quiet "  ... nothing on stderr"
cp "$tmp/game/gates.lua" "$tmp/elsewhere/copy.lua"
run_in "$tmp" "another file: 'recorded for' warns at the scenario line" 0 \
  'rec\.plan:1: warning: this journal was recorded for gates\.lua, not elsewhere/copy\.lua' -- \
  "$bh" run elsewhere/copy.lua --plan game/rec.plan

# Journals written by run name the scenario from their own folder.
mkdir -p "$tmp/game/runs"
run_in "$tmp/elsewhere" "run --journal into the scenario's tree" 0 '' -- \
  "$bh" run ../game/gates.lua --plan ../game/staffed.plan --journal ../game/runs/a.journal
[ "$(sed -n 's/^scenario //p' "$tmp/game/runs/a.journal")" = "../gates.lua" ] &&
  pass "  ... its header says ../gates.lua (relative to the journal)" ||
  fail "  ... header: $(sed -n '/^scenario/p' "$tmp/game/runs/a.journal")"
grep -q '^1h start call_it$' "$tmp/game/runs/a.journal" && grep -q '^2h start paper_gate$' "$tmp/game/runs/a.journal" &&
  grep -q '^2d18h start paper_gate$' "$tmp/game/runs/a.journal" && ! grep -q '\.\.' <(grep -v '^scenario' "$tmp/game/runs/a.journal") &&
  pass "  ... and the repeat as the plain inputs it made" || fail "  ... the journal's inputs"
cp -r "$tmp/game" "$tmp/copy"
run_in / "the journal replays from / in a copy of the folder" 0 '' -- "$bh" run --plan "$tmp/copy/runs/a.journal" &&
  { body "$tmp/out" | cmp -s - <(body "$tmp/first.out") && pass "  ... the same session" || fail "  ... the same session"; }
run_in / "report JOURNAL from / with no --scenario" 0 '' -- "$bh" report "$tmp/copy/runs/a.journal" --format md &&
  { grep -q 'The gate stayed open' "$tmp/out" && pass "  ... reports the session" || fail "  ... reports the session"; }
run_in "$root" "run --journal outside the scenario's tree" 0 '' -- \
  "$bh" run scenarios/tutorial.lua --plan tests/plans/tutorial_idle.plan --journal "$tmp/elsewhere/t.journal"
run_in / "  ... replays from /" 0 '' -- "$bh" run --plan "$tmp/elsewhere/t.journal"

# An old journal: its line worked from the folder it was run in.
mkdir -p "$tmp/old"
printf 'scenario game/gates.lua\nseed 1\n1h start call_it\n' >"$tmp/old/x.journal"
run_in "$tmp" "an old journal falls back to the current folder, with a warning" 0 \
  "old/x\.journal:1: warning: no 'old/game/gates\.lua' beside the journal, so 'game/gates\.lua' was read relative to the current folder.*'scenario \.\./game/gates\.lua'" -- \
  "$bh" run --plan old/x.journal
run_in "$tmp" "  ... report too" 0 'read relative to the current folder' -- "$bh" report old/x.journal --format md
run_in "$tmp" "  ... FILE.lua given: no warning about the line" 0 '' -- "$bh" run game/gates.lua --plan old/x.journal &&
  quiet "  ... nothing on stderr"

# ---- a scenario that cannot be opened ----
printf 'seed 1\nscenario gone.lua\n' >"$tmp/elsewhere/gone.plan"
run_in "$tmp" "run --plan: a missing scenario, at its plan line, suggesting FILE.lua" 1 \
  "elsewhere/gone\.plan:2: error: cannot open scenario 'elsewhere/gone\.lua': No such file or directory.*bulkhead run FILE\.lua --plan PLAN" -- \
  "$bh" run --plan elsewhere/gone.plan
run_in "$tmp" "report: the same, suggesting --scenario" 1 \
  "gone\.plan:2: error: cannot open scenario .*add --scenario FILE\.lua" -- "$bh" report elsewhere/gone.plan
mkdir -p "$tmp/elsewhere/dir.lua"
printf 'scenario dir.lua\n' >"$tmp/elsewhere/dir.plan"
run_in "$tmp" "a folder is not a scenario" 1 "dir\.plan:1: error: cannot open scenario 'elsewhere/dir\.lua': it is a folder" -- \
  "$bh" run --plan elsewhere/dir.plan
run_in "$tmp" "run FILE.lua, missing: no line number" 1 "^nope\.lua: error: cannot open scenario 'nope\.lua': No such file or directory$" -- \
  "$bh" run nope.lua --plan game/staffed.plan
grep -q 'nope\.lua:1:' "$tmp/err" && fail "  ... reads like a syntax error at line 1" || pass "  ... not at line 1"
run_in "$tmp" "  ... a folder given as FILE.lua" 1 "cannot open scenario 'elsewhere/dir\.lua': it is a folder" -- \
  "$bh" run elsewhere/dir.lua --plan game/staffed.plan
if [ "$(id -u)" != 0 ]; then
  cp "$tmp/game/gates.lua" "$tmp/elsewhere/locked.lua"; chmod 000 "$tmp/elsewhere/locked.lua"
  printf 'scenario locked.lua\n' >"$tmp/elsewhere/locked.plan"
  run_in "$tmp" "an unreadable scenario" 1 "locked\.plan:1: error: cannot open scenario .*Permission denied" -- \
    "$bh" run --plan elsewhere/locked.plan
fi
printf 'seed 1\n' >"$tmp/elsewhere/none.plan"
run_in "$tmp" "no scenario line and no FILE.lua" 1 "none\.plan: error: no 'scenario' line.*bulkhead run FILE\.lua --plan PLAN" -- \
  "$bh" run --plan elsewhere/none.plan
run_in "$tmp" "run with no plan" 2 "run needs a plan" -- "$bh" run

# ---- expectations ----
sed 's/expect-ending: staffed/expect-ending: jammed/' "$tmp/game/staffed.plan" >"$tmp/game/wrong.plan"
run_in "$tmp" "a missed expect-ending exits 1 and says what came instead" 1 \
  "^game/wrong\.plan:1: error: expected ending 'jammed', the session ended with 'staffed'$" -- "$bh" run --plan game/wrong.plan
grep -q 'ENDING    staffed' "$tmp/out" && pass "  ... after the whole transcript" || fail "  ... the transcript"
sed 's/expect-ending: staffed/expect-ending: stafed/' "$tmp/game/staffed.plan" >"$tmp/game/typo.plan"
run_in "$tmp" "an unknown ending id: its line, with did you mean" 1 \
  "typo\.plan:1: error: expected ending 'stafed': no ending 'stafed' in this scenario \(did you mean 'staffed'\?\)" -- \
  "$bh" run --plan game/typo.plan
sed 's/keep_open met/keep_open not-met/' "$tmp/game/staffed.plan" >"$tmp/game/obj.plan"
run_in "$tmp" "a missed expect-objective exits 1" 1 \
  "obj\.plan:2: error: expected objective 'keep_open' not met, the session judged it met" -- "$bh" run --plan game/obj.plan
sed 's/keep_open met/keep_open not-judged/' "$tmp/game/staffed.plan" >"$tmp/game/obj3.plan"
run_in "$tmp" "  ... and 'not-judged' (tests/scenarios.sh's third word) is understood" 1 \
  "obj3\.plan:2: error: expected objective 'keep_open' not judged, the session judged it met" -- "$bh" run --plan game/obj3.plan
sed 's/keep_open met/keep_opn met/' "$tmp/game/staffed.plan" >"$tmp/game/obj2.plan"
run_in "$tmp" "an unknown objective id, with did you mean" 1 "obj2\.plan:2: error: no objective 'keep_opn'.*did you mean 'keep_open'" -- \
  "$bh" run --plan game/obj2.plan
printf '# expect-endng: staffed\nscenario gates.lua\n' >"$tmp/game/misspelt.plan"
run_in "$tmp" "a misspelt expectation is an error, not a comment" 1 "misspelt\.plan:1: error: unknown expectation 'expect-endng'" -- \
  "$bh" run --plan game/misspelt.plan

# ---- the repeat form ----
n=$(grep -c 'START     paper_gate' "$tmp/first.out")
[ "$n" = 9 ] && pass "2h..3d every 8h: 9 starts (2h, 10h, ... 66h)" || fail "2h..3d every 8h: $n starts"
[ "$(sed -n 's/ start paper_gate$//p' "$tmp/game/runs/a.journal" | tr '\n' ' ')" = "2h 10h 18h 1d2h 1d10h 1d18h 2d2h 2d10h 2d18h " ] &&
  pass "  ... at 2h, 10h, ... 2d18h, as the journal shows" || fail "  ... the times in the journal"
# every 4h: every other one finds the gate still running and is skipped
printf '# expect-ending: staffed\nscenario gates.lua\n2h..3d every 4h start paper_gate\n' >"$tmp/game/often.plan"
run_in "$tmp" "a repeat the session refuses half the time: skipped, no error" 0 '' -- "$bh" run --plan game/often.plan &&
  quiet "  ... nothing on stderr"
cp "$tmp/out" "$tmp/often.out"
printf 'scenario gates.lua\n2h..3d every 8h start paper_gate\n' >"$tmp/game/every8.plan"
"$bh" run --plan "$tmp/game/every8.plan" >"$tmp/every8.out" 2>/dev/null
body "$tmp/often.out" | cmp -s - <(body "$tmp/every8.out") && pass "  ... the same session as every 8h" ||
  fail "  ... the same session as every 8h"
printf 'scenario gates.lua\n2h start paper_gate\n6h start paper_gate\n' >"$tmp/game/plain.plan"
run_in "$tmp" "a plain line the session refuses is still an error" 1 \
  "plain\.plan:3: error: at T\+0d 06:00:00: cannot start 'paper_gate': already running" -- "$bh" run --plan game/plain.plan
# its inputs fall in among later lines by time
printf 'scenario gates.lua\n2h..20h every 8h start paper_gate\n3h start call_it\n' >"$tmp/game/mixed.plan"
run_in "$tmp" "a later line falls in among a repeat's inputs" 0 '' -- "$bh" run --plan game/mixed.plan
grep -q '^T+0d 03:00:00 .*START     call_it' "$tmp/out" && [ "$(grep -c 'START     paper_gate' "$tmp/out")" = 3 ] &&
  pass "  ... call_it at 3h, three shifts" || fail "  ... call_it at 3h, three shifts"
# cancel and choose may repeat too (refused cancels are skipped)
printf 'scenario gates.lua\n0s start paper_gate\n1h..3h every 1h cancel paper_gate\n' >"$tmp/game/cancel.plan"
run_in "$tmp" "a repeated cancel: the first cancels, the rest are skipped" 0 '' -- "$bh" run --plan game/cancel.plan
[ "$(grep -c 'CANCEL' "$tmp/out")" = 1 ] && pass "  ... one cancel" || fail "  ... $(grep -c CANCEL "$tmp/out") cancels"
# a repeat's "up to" may outlast the session: no warning for it
printf 'scenario gates.lua\n# expect-ending: staffed\n2h..9d every 8h start paper_gate\n' >"$tmp/game/long.plan"
run_in "$tmp" "a repeat past the ending: no 'not applied' warning" 0 '' -- "$bh" run --plan game/long.plan &&
  quiet "  ... nothing on stderr"

# errors at their line
while IFS='|' read -r line msg; do
  printf 'scenario gates.lua\nseed 1\n%s\n' "$line" >"$tmp/game/bad.plan"
  run_in "$tmp" "repeat error: $line" 1 "bad\.plan:3: error: $msg" -- "$bh" run --plan game/bad.plan
done <<'EOF'
2h.. every 8h start paper_gate|'2h\.\.' is not a range of times
3d..2h every 8h start paper_gate|the range '3d\.\.2h' ends before it starts
2h..3d every 0s start paper_gate|the step must be more than 0s
2h..3d every -8h start paper_gate|'every' wants a step such as 8h or 30m, not '-8h'
2h..3d start paper_gate|expected 'every STEP' after the range '2h\.\.3d'
2h..3d every 8h start paper_gat|no action 'paper_gat' in this scenario \(did you mean 'paper_gate'\?\)
EOF
# Hostile sizes: refused before anything is made, in little memory (a
# sanitizer build reserves terabytes of shadow memory: no limit for it).
limit="ulimit -v 400000;"
{ bash -c 'ulimit -v 400000; exec "$0" --version' "$bh" >/dev/null 2>&1; } 2>/dev/null || limit=""
printf 'scenario gates.lua\n0s..36500d every 1s start paper_gate\n' >"$tmp/game/huge.plan"
run_in "$tmp" "a repeat of 3 billion inputs is refused at its line" 1 \
  "huge\.plan:2: error: '0s\.\.36500d every 1s' makes 3153600001 inputs; one line may make at most 10000" -- \
  bash -c "$limit exec \"$bh\" run --plan game/huge.plan"
{ echo 'scenario gates.lua'; for _ in $(seq 11); do echo '0s..9999s every 1s note x'; done; } >"$tmp/game/many.plan"
run_in "$tmp" "repeat lines past 100000 inputs in all are refused" 1 \
  "many\.plan:12: error: this line's 10000 inputs would take the plan's repeat lines past 100000 inputs" -- \
  "$bh" run --plan game/many.plan

# ---- grammar ----
# (plain lines and FILE.lua, so that only the wording is tested here)
printf 'seed 1\n3d1h start call_it\n' >"$tmp/game/one.plan"
run_in "$tmp" "one input after the ending" 0 "one\.plan:2: warning: the session ended before this input; 1 input from here on was not applied$" -- \
  "$bh" run game/gates.lua --plan game/one.plan
printf '3d1h note later\n3d2h start call_it\n' >>"$tmp/game/one.plan"
run_in "$tmp" "two inputs after the ending" 0 "2 inputs from here on were not applied$" -- "$bh" run game/gates.lua --plan game/one.plan

# ---- the hostile review's findings (issue 16) ----
# A misspelt expectation is an error, never a test that checks nothing;
# prose that starts "Expect" is no expectation.
for typo in "Expect-ending" "expect_ending" "expected-ending"; do
  printf '# %s: staffed\nscenario ../gates.lua\n' "$typo" >"$tmp/game/sub/typo.plan"
  run_in "$tmp" "misspelt expectation '$typo' is an error" 1 "typo.plan:1: error: unknown expectation '$typo'" -- "$bh" run --plan game/sub/typo.plan
done
printf '# Expect the trucks to jam.\n# expect-ending: jammed\nscenario ../gates.lua\n' >"$tmp/game/sub/prose.plan"
run_in "$tmp" "a comment of prose that starts 'Expect' is left alone" 0 "" -- "$bh" run --plan game/sub/prose.plan
# expect-objective lines are capped (each is compared with the others)
python3 -c "
import sys
w = open(sys.argv[1], 'w'); w.write('scenario ../gates.lua\n')
for i in range(5000): w.write('# expect-objective: o%d met\n' % i)" "$tmp/game/sub/many.plan"
run_in "$tmp" "more than 1000 expect-objective lines: an error at the line" 1 "many.plan:1002: error: more than 1000" -- "$bh" run --plan game/sub/many.plan
# a repeat line copies its text: long text is refused before the copies
long=$(head -c 300 /dev/zero | tr '\0' x)
printf 'scenario ../gates.lua\n0s..3d every 1m note %s\n' "$long" >"$tmp/game/sub/longrep.plan"
run_in "$tmp" "a repeat line with long text: an error, no copies" 1 "longrep.plan:2: error: a repeat line's input may carry at most 256 bytes" -- "$bh" run --plan game/sub/longrep.plan
# a repeat line none of whose inputs could ever apply is said
printf 'scenario ../gates.lua\n0s start paper_gate\n0s start call_it\n2h..4h every 1h cancel call_it\n' >"$tmp/game/sub/never.plan"
run_in "$tmp" "a repeat line that never applies: a warning naming why" 0 "never.plan:4: warning: no input of the plan's repeat lines was applied: the session refused all 3" -- "$bh" run --plan game/sub/never.plan
# a plan reached through a symlink reads its scenario line from the real file's folder
mkdir -p "$tmp/decoy/x/y" "$tmp/links/deep"
sed 's/Gates on paper/DECOY/' "$tmp/game/gates.lua" >"$tmp/decoy/gates.lua"
ln -s "$tmp/game/sub/idle.plan" "$tmp/links/deep/idle.plan"
run_in "$tmp/decoy/x" "a symlinked plan: the scenario beside the real plan, not a decoy" 0 "" -- "$bh" run --plan ../../links/deep/idle.plan
grep -q "^Scenario: Gates on paper" "$tmp/out" && pass "the symlinked plan ran the real scenario" ||
  { fail "symlinked plan ran: $(grep '^Scenario' "$tmp/out")"; }

[ "$fails" -eq 0 ] || { echo "$fails plan test(s) failed"; exit 1; }
echo "all plan tests passed"
