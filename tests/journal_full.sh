#!/usr/bin/env bash
# `bulkhead run --journal` on a disk that fills up part way: the file-size
# limit (ulimit -f, with SIGXFSZ ignored) makes a journal write stop short
# and then fail, as a full disk does. The input is refused with a message
# that names it, the run stops with an error, and the journal keeps only
# whole lines: it replays cleanly and holds every input before the refused
# one and nothing of it.
# Usage: bash tests/journal_full.sh PATH_TO_BULKHEAD   (from the repository root)
set -u
bh="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }

# The tutorial's expert plan and then notes enough to pass 1 KiB.
{
  cat tests/plans/tutorial_expert.plan
  for i in $(seq 10 49); do echo "7h40m note filler $i to pass the size limit"; done
} >"$tmp/big.plan"
(
  trap '' XFSZ
  ulimit -f 1 # 1024 bytes; stdout goes to a pipe, which the limit does not touch
  "$bh" run scenarios/tutorial.lua --plan "$tmp/big.plan" --journal "$tmp/out.journal" \
    2>"$tmp/err" | cat >/dev/null
  exit "${PIPESTATUS[0]}"
)
rc=$?
[ "$rc" -ne 0 ] && pass "the run fails" || fail "the run fails (exit $rc)"
size=$(stat -c %s "$tmp/out.journal")
[ "$size" -le 1024 ] && pass "the journal stopped at the limit ($size bytes)" ||
  fail "the journal stopped at the limit ($size bytes)"
refused=$(grep -oE "'7h40m note filler [0-9]+ to pass the size limit' was not applied" "$tmp/err")
if [ -n "$refused" ] && grep -q "cannot write to the journal (File too large)" "$tmp/err"; then
  pass "the refused input is named"
else
  fail "the refused input is named"; sed 's/^/    /' "$tmp/err" | head -5
fi
n=$(echo "$refused" | sed -E 's/.*filler ([0-9]+) .*/\1/')
[ "$(tail -c 1 "$tmp/out.journal" | od -An -c | tr -d ' ')" = '\n' ] &&
  pass "the journal ends with a whole line" || fail "the journal ends with a whole line"
if [ -n "$n" ] && grep -q "note filler $((n - 1)) " "$tmp/out.journal" &&
  ! grep -q "note filler $n " "$tmp/out.journal"; then
  pass "every input before the refused one, and nothing of it"
else
  fail "every input before the refused one, and nothing of it"; tail -2 "$tmp/out.journal"
fi
if "$bh" run scenarios/tutorial.lua --plan "$tmp/out.journal" >/dev/null 2>"$tmp/replay"; then
  pass "the journal replays"
else
  fail "the journal replays"; sed 's/^/    /' "$tmp/replay" | head -5
fi
exit $((fails > 0))
