#!/usr/bin/env bash
# The game's command line: flags, and the clear errors a player gets when
# something is missing (a display, a font, the game module, a scenario).
# Usage: bash tests/game_cli.sh PATH_TO_BULKHEAD   (from the repository root)
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

headless=(env SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy)
nodisplay=(env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER XDG_RUNTIME_DIR=/nonexistent)

expect help-lists-play 0 'bulkhead play FILE.lua' -- "$bh" --help
expect help-lists-font 0 '--font FILE' -- "$bh" --help
expect play-needs-file 2 'play needs a scenario file' -- "$bh" play
expect play-missing-file 1 'nope\.lua: error: cannot read this scenario' -- "$bh" play "$tmp/nope.lua"
expect bad-theme 2 "--theme wants dark, light or high_contrast, not 'purple'" -- "$bh" --theme purple
expect bad-scale 2 '--text-scale wants a percentage from 100 to 200' -- "$bh" --text-scale 300
expect bad-size 2 '--size wants WIDTHxHEIGHT' -- "$bh" --size huge
expect bad-seed 2 '--seed wants a whole number' -- "$bh" play scenarios/tutorial.lua --seed x
expect stray-arg 2 "unexpected argument 'extra'" -- "$bh" play scenarios/tutorial.lua extra
expect unknown-game-option 2 "unknown option '--fast'" -- "$bh" --fast
# No display: SDL would quietly pick a driver that shows nothing; the game
# must say so and name the fix instead of running unseen.
expect no-display 1 'no display found.*xvfb-run -a scripts/play' -- "${nodisplay[@]}" "$bh" --data-dir "$tmp/data"
# A missing font names the file; the module loaded and reported it.
expect missing-font 1 "error: .*nofont\.ttf" -- "${headless[@]}" "$bh" --data-dir "$tmp/data" --font "$tmp/nofont.ttf"
# The game module is looked for beside the executable.
mkdir -p "$tmp/alone"
cp "$bh" "$tmp/alone/bulkhead"
expect missing-module 1 'Build it with scripts/build' -- "${headless[@]}" "$tmp/alone/bulkhead" --data-dir "$tmp/data"
# Headless commands never need the module (or SDL).
expect run-without-module 0 'ENDING' -- "$tmp/alone/bulkhead" run scenarios/tutorial.lua --plan tests/plans/tutorial_expert.plan

# `bulkhead workshop`: its help, and the usage errors a facilitator gets
# before any window opens (a missing file, an unknown cut with a "did you
# mean", a stray argument, --resume). The good cases open the briefing
# headless for one frame and exit 0: the positive controls that show the
# checks let a right command through.
oneframe=(env SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy BULKHEAD_QUIT_AFTER_FRAMES=1)
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
expect workshop-good-cut 0 '' -- "${oneframe[@]}" "$bh" workshop "$scn" --cut three --data-dir "$tmp/data"
expect workshop-no-cut 0 '' -- "${oneframe[@]}" "$bh" workshop scenarios/tutorial.lua --data-dir "$tmp/data"
# The room server's flags (issue 14; tests/room.sh runs the server itself).
expect workshop-room-help 0 '--port N .*default 8417' -- "$bh" workshop --help
expect play-room 2 'for workshops' -- "$bh" play scenarios/tutorial.lua --room
expect play-port 2 'for workshops' -- "$bh" play scenarios/tutorial.lua --port 9000
expect workshop-port-range 2 "--port wants a port .*not '70000'" -- "$bh" workshop "$scn" --room --port 70000
expect workshop-port-word 2 "--port wants a port .*not 'eighty'" -- "$bh" workshop "$scn" --room --port eighty
expect workshop-port-value 2 "option '--port' needs a value" -- "$bh" workshop "$scn" --port
# The exercise's details as flags (issue 18): checked before any window opens; a role
# the scenario does not have names the ones it has; the good case opens (tests/unit/
# test_ui_details.c follows the flags into the journal).
expect details-unknown-role 2 "tutorial\.lua: --participant: no role 'legal' in this scenario; the roles are duty \(You \(duty manager\)\), it \(IT & security on call\), comms \(Press officer\), ops \(Operations desk\), and observer" -- "$bh" workshop scenarios/tutorial.lua --participant legal=Ana
expect details-no-equals 2 "--participant wants ROLE=NAMES" -- "$bh" workshop scenarios/tutorial.lua --participant Ana
expect details-empty 2 "--venue wants a value" -- "$bh" workshop scenarios/tutorial.lua --venue '   '
long=$(printf 'x%.0s' $(seq 1 201))
expect details-too-long 2 "--date is 201 bytes long; at most 200" -- "$bh" workshop scenarios/tutorial.lua --date "$long"
expect details-play 2 "the details of a workshop" -- "$bh" play scenarios/tutorial.lua --org Northwind
expect details-good 0 '' -- "${oneframe[@]}" "$bh" workshop scenarios/tutorial.lua --date ' 2026-12-08 ' \
  --venue 'Board room' --org Northwind --facilitator Dana --participant 'it = Ana, Bo' \
  --participant observer=Ed --data-dir "$tmp/data"
expect workshop-help-details 0 '--participant ROLE=NAMES' -- "$bh" workshop --help
# The details form holds a fixed number of participants' rows (APP_DETAIL_SLOTS): a
# role beyond them was accepted, then silently dropped when the window opened.
{ printf 'scenario { id = "teams40", title = "Forty teams", start = "2020-01-01 09:00", length = "1h" }\n'
  printf 'meter { id = "m", label = "M", start = 50, min = 0, max = 100 }\n'
  for i in $(seq 1 40); do printf 'team { id = "t%d", label = "Team %d", staff = 1 }\n' "$i" "$i"; done
  printf 'action { id = "a", kind = "contain", label = "A", text = "x", team = "t1", staff = 1, takes = "1h", source = "fiction" }\n'
  printf 'ending { id = "e", title = "E", tone = "mixed", fallback = true }\n'; } >"$tmp/teams40.lua"
expect details-role-beyond-form 2 "teams40\.lua: --participant: .*40 teams.*'observer'" -- "${oneframe[@]}" "$bh" workshop "$tmp/teams40.lua" \
  --participant observer=Ed --data-dir "$tmp/data40"
expect details-role-in-form 0 '' -- "${oneframe[@]}" "$bh" workshop "$tmp/teams40.lua" --participant t1=Ana --data-dir "$tmp/data40"
# A bad --bind or a port in use is not bad usage: the workshop opens with the room off and the
# console says why (tests/unit/test_ui_room.c)
expect workshop-room-bad-bind 0 '--bind wants one such as' -- "${oneframe[@]}" "$bh" workshop \
  scenarios/tutorial.lua --room --bind nowhere --data-dir "$tmp/data"

if [ "$fails" -ne 0 ]; then
  echo "$fails game command-line test(s) failed"
  exit 1
fi
echo "all game command-line tests passed"
