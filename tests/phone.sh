#!/usr/bin/env bash
# The room's phone page (assets/phone) in a real browser: headless
# Chromium driven by puppeteer-core (tests/phone/, pinned in its
# package-lock.json) loads the page from a stand-in server on 127.0.0.1
# (test.js: each kind of room state, hostile and malformed ones included,
# and every flow and refusal of joining, voting and proposals); then
# (host.js) three phones join, vote and propose on the real room server
# (srv_host); then (real.js) the page from the game itself,
# `bulkhead workshop --room`.
# Usage: bash tests/phone.sh PATH_TO_BULKHEAD   (from the repository root)
# BH_PHONE_SHOTS=DIR also writes there, at 390x844 (device scale 2), each
# in both palettes (NAME.png and NAME-contrast.png): phone-join (joining),
# phone (voting on an open decision), phone-tally (the revealed tally),
# phone-propose (proposals).
# Skips (exit 0 with a message) only when Chromium or Node is not installed
# at all: scripts/setup installs both.
set -u
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ] || ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SKIP phone: needs chromium, node and npm (scripts/setup installs them)"
  exit 0
fi
dir=tests/phone
# npm ci only when the lock changed since the last install: offline runs
# after one install keep working
if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.package-lock.json.installed" 2>/dev/null; then
  if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
    echo "FAIL phone: npm ci in $dir failed (puppeteer-core; is the registry reachable?)"
    exit 1
  fi
  cp "$dir/package-lock.json" "$dir/node_modules/.package-lock.json.installed"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CHROMIUM="$chromium" node "$dir/test.js" assets/phone "$tmp" "${BH_PHONE_SHOTS:-}" || exit 1
# the participant's flows against the real room server: srv_host (built
# beside bulkhead) is game/room's server on 127.0.0.1 with a fixed state
host="$(dirname "$1")/srv_host"
if [ ! -x "$host" ]; then
  echo "FAIL phone: $host is missing (it is built with bulkhead)"
  exit 1
fi
CHROMIUM="$chromium" node "$dir/host.js" "$host" assets tests/fixtures/room/open_decision.json || exit 1
# the game itself (a workshop in-process, a decision open): a phone joins
# and votes through the page's buttons, and the console's tally shows it
game="$(dirname "$1")/phone_game_room"
if [ ! -x "$game" ]; then
  echo "FAIL phone: $game is missing (it is built with bulkhead)"
  exit 1
fi
CHROMIUM="$chromium" SDL_VIDEODRIVER=dummy "$game" "$dir/game.js" >"$tmp/game.log" 2>&1 ||
  { grep -E "^(ok|FAIL)|check failed|tests," "$tmp/game.log"; echo "FAIL phone: game_room"; exit 1; }
grep -E "^(ok|FAIL)|tests," "$tmp/game.log"
# and once from the game's own room server (bulkhead workshop --room)
CHROMIUM="$chromium" node "$dir/real.js" "$1" "$tmp"
