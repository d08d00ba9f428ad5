#!/usr/bin/env bash
# `bulkhead workshop`: its help, and the usage errors a facilitator gets
# before any window opens (a missing file, an unknown cut with a "did you
# mean", a stray argument, --resume). The good cases open the briefing
# headless for one frame (SDL's dummy driver) and exit 0: the positive
# controls that show the checks let a right command through.
# Usage: bash tests/workshop_cli.sh PATH_TO_BULKHEAD   (from the repository root)
set -u
bh="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }

# expect NAME WANTED_EXIT grep-pattern -- command...
expect() {
  local name="$1" want="$2" pattern="$3"
  shift 4
  timeout 20 "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ "$rc" -ne "$want" ]; then
    fail "$name: exit $rc, wanted $want"; sed 's/^/    /' "$tmp/out" "$tmp/err" | head -20; return
  fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$tmp/out" "$tmp/err"; then
    fail "$name: output lacks /$pattern/"; sed 's/^/    /' "$tmp/out" "$tmp/err" | head -20; return
  fi
  pass "$name"
}

headless=(env SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy BULKHEAD_QUIT_AFTER_FRAMES=1)
scn=tests/fixtures/cuts/cuts.lua

expect help-lists-workshop 0 'bulkhead workshop FILE.lua \[--cut ID\]' -- "$bh" --help
expect workshop-help 0 'Extend, not Mirror' -- "$bh" workshop --help
expect workshop-help-anywhere 0 'F7 moves it to the next display' -- "$bh" workshop "$scn" --help
expect workshop-needs-file 2 'workshop needs a scenario file: bulkhead workshop FILE.lua' -- "$bh" workshop
expect workshop-missing-file 1 'nope\.lua: error: cannot read this scenario' -- "$bh" workshop "$tmp/nope.lua"
expect workshop-unknown-cut 2 "cuts\.lua: error: --cut thre: the scenario declares no such cut \(did you mean 'three'\?\)" -- "$bh" workshop "$scn" --cut thre
expect workshop-cut-no-cuts 2 "declares no such cut \\(it declares no cuts\\)" -- "$bh" workshop scenarios/tutorial.lua --cut x
expect workshop-stray-arg 2 "unexpected argument 'extra'" -- "$bh" workshop "$scn" extra
expect workshop-resume 2 'bulkhead play --resume JOURNAL' -- "$bh" workshop "$scn" --resume x.journal
expect workshop-bad-theme 2 "--theme wants dark, light or high_contrast, not 'purple'" -- "$bh" workshop "$scn" --theme purple
# The positive controls: a cut the scenario declares, and none at all.
expect workshop-good-cut 0 '' -- "${headless[@]}" "$bh" workshop "$scn" --cut three --data-dir "$tmp/data"
expect workshop-no-cut 0 '' -- "${headless[@]}" "$bh" workshop scenarios/tutorial.lua --data-dir "$tmp/data"

if [ "$fails" -ne 0 ]; then
  echo "$fails workshop command-line test(s) failed"
  exit 1
fi
echo "all workshop command-line tests passed"
