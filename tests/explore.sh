#!/usr/bin/env bash
# bulkhead explore, the auto-playtester, from the command line: usage errors
# and exit codes; the printed sections; --json that parses and says the same
# whatever the number of workers; --dot that writes a graph; journals of
# failed runs that `bulkhead run` turns into the same error; and every run
# equal to a fresh `bulkhead run` of its journal (sessions do not leak).
# Usage: bash tests/explore.sh PATH_TO_BULKHEAD   (from the repository root)
set -u
bh="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
root=$(pwd)
fix="$root/tests/fixtures/explore"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }
cd "$tmp"

# usage ARGS... : exit 2, the main command's wording, nothing on stdout
usage() {
  "$bh" explore "$@" >out 2>err; rc=$?
  if [ $rc -eq 2 ] && grep -q "^bulkhead: " err && grep -q "Run 'bulkhead --help' for usage." err &&
     [ ! -s out ]; then pass "usage error: explore $*"
  else fail "usage error: explore $* (exit $rc)"; cat err; fi
}
usage
usage "$fix/known.lua" "$fix/hostile.lua"
usage "$fix/known.lua" --runs 0
usage "$fix/known.lua" --runs ten
usage "$fix/known.lua" --seed -1
usage "$fix/known.lua" --policy lazy
usage "$fix/known.lua" --policy random,lazy
usage "$fix/known.lua" --workers 0
usage "$fix/known.lua" --workers 65
usage "$fix/known.lua" --isolation share
usage "$fix/known.lua" --bogus
usage "$fix/known.lua" --runs
usage "$fix/known.lua" --json --each
usage "$fix/known.lua" --out "$tmp/no/such/dir"
usage "$fix/known.lua" --meter nope --runs 2
grep -q "no meter 'nope'" err && pass "--meter names the missing meter" || fail "--meter message"
usage "$fix/known.lua" --budget 10
usage "$fix/known.lua" --witness wdir
usage "$fix/known.lua" --search --budget 0
usage "$fix/known.lua" --search --policy greedy
usage "$fix/known.lua" --search --witness /proc/no/such

"$bh" explore --help >out 2>err && grep -q "bulkhead explore FILE.lua" out && grep -q -- "--policy" out &&
  pass "--help" || fail "--help"
"$bh" explore "$tmp/missing.lua" >out 2>err; rc=$?
[ $rc -eq 1 ] && grep -q "missing.lua" err && pass "missing scenario: exit 1" ||
  { fail "missing scenario (exit $rc)"; cat err; }

# ---- the text report on a fixture with known answers ----
"$bh" explore "$fix/known.lua" --runs 40 --workers 2 >out 2>err; rc=$?
[ $rc -eq 0 ] && pass "clean exploration: exit 0" || { fail "clean exploration (exit $rc)"; cat err; }
for s in "Endings" "Final meters (min / median / max" "Never seen in 40 runs" \
         "injects never fired:     orphan" "actions never available: locked" \
         "decisions never opened:  never_opened" "endings never reached:   unreachable" \
         "options never taken:     never_opened.a, never_opened.b" \
         "actions never started:   locked" "meters that never moved: (none)" \
         "Session length (simulated time at the end): median" \
         "Actions that most change the outcome" "1. +" "save " "Failures: none" \
         "40 playthroughs in "; do
  grep -qF -- "$s" out && pass "text shows: $s" || fail "text lacks: $s"
done
grep -E '^  lost +bad +[0-9]+' out | grep -qE ' 10$' && pass "idle always ends 'lost' (10 of 10)" ||
  { fail "idle column of 'lost'"; grep lost out; }
grep -q '^explore: ' out && fail "progress on stdout" || pass "no progress on stdout"

# ---- JSON ----
"$bh" explore "$fix/known.lua" --runs 40 --workers 2 --json >k.json 2>err &&
python3 - k.json <<'EOF' && pass "--json parses, with the known answers" || fail "--json"
import json, sys
m = json.load(open(sys.argv[1]))
assert m["bulkhead_explore"] == 1 and m["runs"] == 40 and m["seed"] == "1" and m["last_seed"] == "40"
ends = {e["id"]: e for e in m["endings"]}
assert sum(e["runs"] for e in m["endings"]) + m["failed"]["runs"] == 40
assert ends["lost"]["by_policy"]["idle"] == 10 and ends["saved"]["by_policy"]["greedy"] == 10
assert m["never"]["injects"] == ["orphan"] and m["never"]["actions"] == ["locked"]
assert m["never"]["decisions"] == ["never_opened"] and m["never"]["endings"] == ["unreachable"]
assert m["impact"]["actions"][0]["id"] == "save" and m["impact"]["actions"][0]["delta"] > 0
assert m["timing"]["workers"] == 2 and m["timing"]["per_second"] > 0
assert any(n["key"] == "inject:hello" for n in m["graph"]["nodes"])
EOF

# the same statistics whatever the workers and the isolation (timing aside)
for w in "1 reload" "2 reload" "2 fork" "1 rewind" "2 rewind"; do
  set -- $w
  "$bh" explore "$root/scenarios/tutorial.lua" --runs 16 --json --workers $1 --isolation $2 \
    >"tut-$1-$2.json" 2>/dev/null
done
python3 - tut-1-reload.json tut-2-reload.json tut-2-fork.json tut-1-rewind.json tut-2-rewind.json <<'EOF' &&
import json, sys
ms = [json.load(open(p)) for p in sys.argv[1:]]
for m in ms: del m["timing"]
assert all(m == ms[0] for m in ms), "statistics differ between worker counts or isolation"
assert sum(e["runs"] for e in ms[0]["endings"]) == 16
EOF
  pass "same statistics with 1 or 2 workers, rewind, reload or fork" || fail "statistics depend on workers"

# ---- the graph ----
"$bh" explore "$fix/known.lua" --runs 8 --dot graph.dot >out 2>err; rc=$?
if [ $rc -eq 0 ] && grep -q '^digraph explore {' graph.dot && grep -q '^// Edges: A -> B' graph.dot &&
   grep -q '"inject:hello" \[shape=box' graph.dot && grep -q '"ending:saved"' graph.dot &&
   grep -q -- '->' graph.dot && tail -1 graph.dot | grep -q '^}$'; then pass "--dot writes the graph"
else fail "--dot (exit $rc)"; cat err; fi
if command -v dot >/dev/null; then
  dot -Tsvg graph.dot -o graph.svg 2>err && pass "Graphviz reads the graph" || { fail "dot -Tsvg"; cat err; }
fi

# ---- failures: exit 1, journals that reproduce the error ----
mkdir fails
"$bh" explore "$fix/hostile.lua" --runs 48 --out fails >out 2>err; rc=$?
[ $rc -eq 1 ] && pass "failed runs: exit 1" || { fail "failed runs (exit $rc)"; cat err; }
grep -q "^Failures: [0-9]* of 48 runs stopped on an error" out && pass "failures counted" ||
  fail "failures line"
n=$(ls fails/explore-FAIL-hostile-*.journal 2>/dev/null | wc -l)
[ "$n" -eq 3 ] && pass "one journal per distinct error (3)" || fail "journals written: $n"
for j in fails/explore-FAIL-hostile-*.journal; do
  [ -f "$j" ] || continue
  grep -q "replay: bulkhead run $fix/hostile.lua --plan $j" out && pass "report names $j" ||
    fail "report does not name $j"
  want=$(sed -n 's/^# it stopped with: //p' "$j")
  "$bh" run "$fix/hostile.lua" --plan "$j" >/dev/null 2>err; rc=$?
  got=$(head -1 err | sed 's/: error: /: /')
  [ $rc -eq 1 ] && [ -n "$want" ] && [ "$got" = "$want" ] && pass "bulkhead run reproduces: $want" ||
    { fail "replay of $j (exit $rc): got '$got', wanted '$want'"; }
done
# without --out: a folder of their own here, said on stderr; a second exploration reuses the files
"$bh" explore "$fix/hostile.lua" --runs 48 >/dev/null 2>err1
"$bh" explore "$fix/hostile.lua" --runs 48 --workers 1 >/dev/null 2>&1
n=$(ls explore-hostile/explore-FAIL-hostile-*.journal 2>/dev/null | wc -l)
[ "$n" -eq 3 ] && pass "journals in explore-hostile/, reused on a rerun" || fail "default journals: $n"
grep -q "^explore: 3 journals of failed runs in explore-hostile/" err1 && pass "says where the journals went" ||
  { fail "where the journals went"; cat err1; }
ls explore-FAIL-* >/dev/null 2>&1 && fail "journals in the current folder itself" || pass "none in the current folder itself"
# beside the other output: --dot's folder, --journals DIR, --witness DIR
mkdir -p graphs
"$bh" explore "$fix/hostile.lua" --runs 48 --dot graphs/g.dot >/dev/null 2>err
n=$(ls graphs/explore-FAIL-hostile-*.journal 2>/dev/null | wc -l)
[ "$n" -eq 3 ] && grep -q "in graphs/" err && pass "failure journals beside --dot" || fail "beside --dot: $n"

# ---- isolation end to end: each run is a fresh `bulkhead run` of its journal ----
mkdir runs
"$bh" explore "$fix/isolation.lua" --runs 12 --each --journals runs >out 2>err; rc=$?
[ $rc -eq 0 ] && pass "isolation fixture explores clean" || { fail "isolation explore (exit $rc)"; cat err; }
grep -q "leaked" out && grep -q "injects never fired:     leaked" out &&
  pass "the counter never leaked between sessions" || fail "leaked inject fired"
checked=0
while read -r _ i _ seed policy _ ending _ _ _ _ _ carry luck; do
  j="runs/explore-isolation-$seed.journal"
  t=$("$bh" run "$fix/isolation.lua" --plan "$j" 2>/dev/null)
  got_end=$(printf '%s\n' "$t" | sed -n 's/.* ENDING *\([a-z_]*\):.*/\1/p')
  got_carry=$(printf '%s\n' "$t" | sed -n 's/^  Counter *//p')
  got_luck=$(printf '%s\n' "$t" | sed -n 's/^  Luck *//p')
  if [ "$got_end" = "$ending" ] && [ "carry=$got_carry" = "$carry" ] && [ "luck=$got_luck" = "$luck" ]
  then checked=$((checked + 1))
  else fail "run $i ($policy, seed $seed): explore $ending $carry $luck, run $got_end $got_carry $got_luck"; fi
done < <(grep '^run ' out)
[ $checked -eq 12 ] && pass "12 runs equal their fresh replays" || fail "replays matched: $checked of 12"
grep '^run ' out | grep -v 'carry=1 ' | grep -q . && pass "some runs moved the counter" ||
  fail "no run moved the counter: the check above proves little"
"$bh" explore "$fix/isolation.lua" --runs 12 --journals runs >/dev/null 2>err &&
  pass "--journals again into the same folder: the same files are kept" || { fail "--journals rerun"; cat err; }
echo "# edited" >>runs/explore-isolation-3.journal
"$bh" explore "$fix/isolation.lua" --runs 12 --journals runs >/dev/null 2>err; rc=$?
[ $rc -eq 1 ] && grep -q "explore-isolation-3.journal: error: already exists with other contents" err &&
  grep -q "# edited" runs/explore-isolation-3.journal && pass "an edited journal is never overwritten" ||
  { fail "edited journal (exit $rc)"; cat err; }

# ---- check --explore: clean means nothing crashed ----
# hooks.lua has an error in an action's `available`, `start` and `cancel`
# and in an inject's `when`, each in a rare branch; every one must come out
# as an error at its line, with its traceback and a journal that replays it.
mkdir chk && cd chk
"$bh" check --explore 300 "$fix/hooks.lua" >out 2>&1; rc=$?
[ $rc -eq 1 ] && pass "check --explore exits 1 when a session crashed" || { fail "check exit $rc"; cat out; }
for want in "24:the gate's availability check broke:availability of action 'gate'" \
            "31:the third rush broke its start hook:start of action 'rush'" \
            "35:calling off the halt broke its cancel hook:cancel of action 'halt'" \
            "41:the alarm's condition broke:condition of inject 'alarm'"; do
  line=${want%%:*}; rest=${want#*:}; msg=${rest%%:*}; hook=${rest#*:}
  if grep -qF "$fix/hooks.lua:$line: error: $msg (an explored session stopped on this error" out &&
     grep -qF "while running the $hook" out; then pass "check --explore reports $hook at :$line"
  else fail "check --explore lacks $hook at :$line"; fi
  j=$(grep -F "hooks.lua:$line: error: $msg" out | sed -n 's/.*--plan \([^)]*\)).*/\1/p')
  "$bh" run "$fix/hooks.lua" --plan "$j" >/dev/null 2>err; r=$?
  [ $r -eq 1 ] && grep -qF "hooks.lua:$line: error: $msg" err && pass "its journal $j replays it" ||
    { fail "journal of :$line (exit $r, '$j')"; head -3 err; }
done
grep -q "stack traceback" out && pass "tracebacks shown" || fail "no traceback"
ls explore-hooks/explore-FAIL-hooks-*.journal >/dev/null 2>&1 && pass "journals in explore-hooks/" ||
  fail "no journals in explore-hooks/"
"$bh" check --explore 300 --format json "$fix/hooks.lua" >j.json 2>/dev/null
python3 - j.json <<'EOF2' && pass "check --format json: the crashes as errors with traces" || fail "check json"
import json, sys
m = json.load(open(sys.argv[1]))
errs = [d for d in m["diagnostics"] if d["severity"] == "error"]
assert sorted(d["line"] for d in errs) == [24, 31, 35, 41], errs
assert all(d["trace"] and "stack traceback" in d["trace"] for d in errs)
assert m["errors"] == 4
EOF2
mkdir kept
"$bh" check --explore 100 --out kept "$fix/hooks.lua" >/dev/null 2>&1
ls kept/explore-FAIL-hooks-*.journal >/dev/null 2>&1 && pass "check --out DIR keeps them there" ||
  fail "check --out"
"$bh" check --out kept "$fix/hooks.lua" >/dev/null 2>err; [ $? -eq 2 ] && pass "--out without --explore: usage" ||
  fail "--out without --explore"
# the clean fixture stays clean of errors, and the fallback warning comes once
"$bh" check --explore 200 "$fix/known.lua" >out 2>&1
grep -q ": error:" out && fail "known.lua: an error under --explore" || pass "known.lua: no error under --explore"
sed 's/fallback = true//' "$fix/known.lua" >nofallback.lua
"$bh" check --explore 50 nofallback.lua >out 2>&1
[ "$(grep -c 'no ending has fallback' out)" -eq 1 ] && pass "the fallback warning once under --explore" ||
  { fail "fallback warning count"; cat out; }
cd ..

# ---- the random player uses the whole API: cancels, and repeats what repeats ----
mkdir api
"$bh" explore "$fix/hooks.lua" --runs 400 --policy random --journals api >/dev/null 2>&1
grep -l " cancel " api/*.journal >/dev/null 2>&1 && pass "random players cancel running actions" ||
  fail "no random player cancelled anything"
rep=0
for j in api/*.journal; do
  [ "$(grep -c ' start rush$' "$j")" -ge 2 ] && { rep=1; break; }
done
[ $rep -eq 1 ] && pass "random players repeat a repeatable action" || fail "no repeat of 'rush'"

# ---- the meter table never cuts a label ----
sed 's/label = "M"/label = "Trucks waiting at the gate, in hundreds"/' "$fix/hostile.lua" >longlabel.lua
"$bh" explore longlabel.lua --runs 8 --out . >out 2>/dev/null
grep -q "^  m  *Trucks waiting at the gate, in hundreds  *[0-9]" out && pass "a long meter label is shown whole" ||
  { fail "long meter label cut"; grep Trucks out; }

# ---- explore --search on both flagships: a witness plan for every ending ----
# The search must reach every declared ending (cut endings included) and
# hand back, for each, a plan of the players' own inputs that `bulkhead
# run` turns into that ending; every inject and option witness must
# reproduce its target too. The budget is counted in runs, so this finds
# the same in any build.
for sc in carrier_ransomware regulator_attack; do
  S="$root/scenarios/$sc.lua"
  W="$tmp/wit-$sc"
  "$bh" explore "$S" --search --seed 1 --witness "$W" --json >"$sc.json" 2>"$sc.err"; rc=$?
  [ $rc -eq 0 ] && pass "$sc: the search ran clean" || { fail "$sc: search exit $rc"; cat "$sc.err"; }
  missing=0
  for id in $(grep -o '^ending { id = "[a-z0-9_]*"' "$S" | sed 's/.*"\(.*\)"/\1/'); do
    p="$W/ending-$id.plan"
    if [ ! -f "$p" ]; then fail "$sc: no witness for ending $id"; missing=1; continue; fi
    [ "$(head -1 "$p")" = "# expect-ending: $id" ] || fail "$sc: $p does not start with # expect-ending: $id"
    bad=$(grep -v '^#' "$p" | grep -vE '^(scenario|seed|cut) ' | grep -vE '^[0-9dhms]+ (start|cancel|choose) ' | head -1)
    [ -z "$bad" ] || fail "$sc: $p has a line that is not the players' own: $bad"
    # by the plan alone: its scenario line is relative to its own folder, and
    # run checks the expect-ending line (exit 1 when another ending comes)
    (cd / && "$bh" run --plan "$p" >"$tmp/run.out" 2>"$tmp/run.err"); rc=$?
    got=$(sed -n 's/.* ENDING *\([a-z0-9_]*\):.*/\1/p' "$tmp/run.out")
    [ $rc -eq 0 ] && [ "$got" = "$id" ] && [ ! -s "$tmp/run.err" ] ||
      { fail "$sc: $p reaches '$got', not $id (exit $rc)"; cat "$tmp/run.err"; missing=1; }
  done
  [ $missing -eq 0 ] && pass "$sc: every ending has a witness that bulkhead run reproduces"
  # and a witness that does not come true fails its run
  sed '1s/.*/# expect-ending: '"$(grep -o '^ending { id = "[a-z0-9_]*"' "$S" | sed -n '2s/.*"\(.*\)"/\1/p')"'/' \
    "$W/ending-$(grep -o '^ending { id = "[a-z0-9_]*"' "$S" | sed -n '1s/.*"\(.*\)"/\1/p').plan" >"$W/wrong.plan"
  "$bh" run --plan "$W/wrong.plan" >/dev/null 2>"$tmp/run.err"; rc=$?
  [ $rc -eq 1 ] && grep -q "expected ending" "$tmp/run.err" && pass "$sc: a witness whose ending does not come exits 1" ||
    { fail "$sc: wrong expect-ending (exit $rc)"; cat "$tmp/run.err"; }
  rm -f "$W/wrong.plan"
  python3 - "$bh" "$S" "$W" "$sc.json" <<'EOF2' && pass "$sc: every inject and option witness reproduces its target" || fail "$sc: inject/option witnesses"
import json, subprocess, sys, glob, os
bh, scen, wdir, model = sys.argv[1:5]
m = json.load(open(model))
s = m["search"]
assert all(e["reached"] for e in s["endings"]), [e["id"] for e in s["endings"] if not e["reached"]]
assert s["never"] == [] or all(x["kind"] != "ending" for x in s["never"])
checked = 0
for t in s["injects"] + s["options"]:
    if not t["reached"]:
        continue
    w = t["witness"]
    assert w["reproduced"] and w["inputs"] <= w["from"], t
    path = w["file"]
    r = json.loads(subprocess.run([bh, "report", path, "--format", "json", "--scenario", scen],
                                  capture_output=True, text=True, check=True).stdout)
    if "." in t["id"]:
        dec, opt = t["id"].split(".", 1)
        d = [x for x in r["decisions"] if x["id"] == dec][0]
        assert d.get("chosen") == opt, (path, d.get("chosen"), opt)
    else:
        assert any(e["kind"] == "inject" and e["id"] == t["id"] for e in r["timeline"]), path
    checked += 1
assert checked == len(glob.glob(os.path.join(wdir, "inject-*.plan"))) + len(glob.glob(os.path.join(wdir, "option-*.plan")))
EOF2
done
# the search does not depend on the number of workers
"$bh" explore "$fix/known.lua" --search --workers 1 --json >s1.json 2>/dev/null
"$bh" explore "$fix/known.lua" --search --workers 2 --json >s2.json 2>/dev/null
python3 - s1.json s2.json <<'EOF2' && pass "--search: the same with 1 and 2 workers" || fail "--search differs by workers"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for m in (a, b):
    m.pop("timing")
    for k in ("endings", "injects", "options"):
        for t in m["search"][k]:
            t.pop("seconds", None)
    m["search"].pop("endings_s", None)
assert a == b
assert a["search"]["runs"] >= 256 and a["never"]["endings"] == ["unreachable"]
EOF2

# ---- the witness folder is the user's: nothing in it is clobbered ----
mkdir wsafe && cd wsafe
echo "PRECIOUS" >victim.txt
mkdir w1 && ln -s ../victim.txt w1/ending-saved.plan.tmp
"$bh" explore "$fix/known.lua" --search --budget 10 --witness w1 >/dev/null 2>err; rc=$?
[ $rc -eq 1 ] && [ "$(cat victim.txt)" = "PRECIOUS" ] && [ -L w1/ending-saved.plan.tmp ] &&
  pass "--witness never writes through a symlink at a witness's .tmp" || { fail "symlinked .tmp (exit $rc)"; cat err victim.txt; }
mkdir w2 && mkfifo w2/ending-saved.plan
timeout 60 "$bh" explore "$fix/known.lua" --search --budget 10 --witness w2 >/dev/null 2>err; rc=$?
[ $rc -eq 1 ] && grep -q "not a witness plan" err && pass "a FIFO at a witness's name: an error, not a hang" ||
  { fail "FIFO at a witness name (exit $rc)"; cat err; }
mkdir w3 && printf '# expect-ending: saved\n# mine, by hand\n0s start save\n' >w3/ending-saved.plan
cp w3/ending-saved.plan mine.plan
"$bh" explore "$fix/known.lua" --search --budget 10 --witness w3 >/dev/null 2>err; rc=$?
[ $rc -eq 1 ] && cmp -s mine.plan w3/ending-saved.plan && pass "a hand-written plan of the same name is kept" ||
  { fail "hand-written plan (exit $rc)"; cat err; }
"$bh" explore "$fix/known.lua" --search --budget 10 --witness w4 >/dev/null 2>&1 &&
"$bh" explore "$fix/known.lua" --search --budget 10 --witness w4 >/dev/null 2>err &&
  pass "witnesses of an earlier search are refreshed" || { fail "rerun into the same folder"; cat err; }
"$bh" explore "$fix/collide.lua" --search --witness w5 >/dev/null 2>&1
n=0
for id in x.y x_y; do
  f=$(ls w5 | grep -F "ending-$(printf '%s' "$id" | sed 's/\./%2E/')." || true)
  [ -n "$f" ] && [ "$("$bh" run --plan "w5/$f" 2>/dev/null | sed -n 's/.* ENDING *\([a-z0-9_.]*\):.*/\1/p')" = "$id" ] && n=$((n + 1))
done
[ $n -eq 2 ] && [ "$(ls w5/option-* | wc -l)" -eq 4 ] && pass "ids that differ by . _ and - get witnesses of their own" ||
  { fail "witness names collide ($n)"; ls w5; }
cd ..

[ $fails -eq 0 ]
