#!/usr/bin/env bash
# The room server from the command line (issue 14; its flags are checked
# in tests/game_cli.sh): the real `bulkhead workshop FILE --room --port 0` run
# headless (SDL's dummy video driver): the port it prints answers /health
# and /api/state over loopback while the game runs its frames, and a
# SIGTERM (which SDL turns into a quit) closes the port. Requests go
# through bash's /dev/tcp, to 127.0.0.1 only.
# Usage: bash tests/room.sh PATH_TO_BULKHEAD   (from the repository root)
set -u
bh="$1"
tmp=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }

# GET PATH on 127.0.0.1:PORT; the whole answer on stdout
get() {
  local port="$1" path="$2"
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
  timeout 10 cat <&3
  exec 3<&-
}

SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$bh" workshop scenarios/tutorial.lua --room \
  --port 0 --bind 127.0.0.1 --data-dir "$tmp/data" --software >"$tmp/game.out" 2>"$tmp/game.err" &
pid=$!
port=""
for _ in $(seq 1 100); do # the game prints the port once listening (or dies)
  port=$(sed -n 's/^Room: on, listening on 127.0.0.1 port \([0-9]*\),.*/\1/p' "$tmp/game.out")
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  fail "the game printed no port"; sed 's/^/    /' "$tmp/game.out" "$tmp/game.err" | head -20
else
  pass "the game prints the port and the room code"
  grep -qE '^Room: on, .* room code [A-Z]{4}$' "$tmp/game.out" && pass "a room code" ||
    fail "no room code: $(cat "$tmp/game.out")"
  get "$port" /health >"$tmp/health"
  if grep -q '^HTTP/1.1 200' "$tmp/health" && grep -q '"phones":0' "$tmp/health"; then
    pass "/health answers while the game runs"
  else
    fail "/health: $(head -c 300 "$tmp/health")"
  fi
  get "$port" /nothing >"$tmp/nf"
  grep -q '^HTTP/1.1 404' "$tmp/nf" && pass "unknown path 404" || fail "404: $(head -1 "$tmp/nf")"
  kill -TERM "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    fail "the game did not quit on SIGTERM"
  else
    wait "$pid"; rc=$?
    pid=""
    [ "$rc" -eq 0 ] && pass "SIGTERM quits cleanly" || fail "exit $rc after SIGTERM"
    grep -q '^Room: off$' "$tmp/game.out" && pass "quitting stops the room" ||
      fail "no 'Room: off': $(cat "$tmp/game.out")"
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      fail "the port is still open after quitting"
    else
      pass "quitting closes the port"
    fi
  fi
fi

[ "$fails" -eq 0 ] || { echo "$fails failed"; exit 1; }
