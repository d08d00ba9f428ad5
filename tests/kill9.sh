#!/usr/bin/env bash
# kill -9 in the suite: SIGKILL `bulkhead run --journal` at random moments
# of a long run and check what it leaves behind. For every kill:
#  - the journal is a byte prefix of the one an uninterrupted run writes
#    (header and every complete line identical; a cut last line can only be
#    the start of the next line);
#  - no line the run had acknowledged on --ack-fd (written and fsynced) is
#    missing;
#  - its complete lines replay cleanly (`run --plan` exits 0, says nothing
#    on stderr) into a transcript that matches the uninterrupted one up to
#    the last input the journal holds.
# Most kills must land mid-run (some but not all lines acknowledged), or the
# test proves little: the run is long (2,000 inputs, each one fsync) and on
# a real filesystem, where fsync takes time, never on tmpfs.
# Usage: bash tests/kill9.sh PATH_TO_BULKHEAD   (from the repository root)
# Knobs: BH_KILL9_SEED (printed, to repeat the moments), BH_KILL9_KILLS,
# BH_KILL9_INPUTS, BH_KILL9_VERBOSE=1 (a line per kill). Under the sanitizers
# (ASAN_OPTIONS set, as in the second pass of scripts/test) it kills 40 times.
set -u
export LC_ALL=C
bh="$1"
scn=scenarios/tutorial.lua
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }
started=$(date +%s%N)

default_kills=100
[ -n "${ASAN_OPTIONS:-}" ] && default_kills=40
kills=${BH_KILL9_KILLS:-$default_kills}
inputs=${BH_KILL9_INPUTS:-2000}
seed=${BH_KILL9_SEED:-$(( ($(date +%s%N) / 1000 + $$) % 1000000000 ))}
RANDOM=$seed

# A real filesystem: fsync must do real work for a run to last long enough
# to be killed in the middle, and tmpfs is not what players' disks are.
fstype() { stat -f -c %T "$1" 2>/dev/null; }
base=${TMPDIR:-/tmp}
case "$(fstype "$base")" in tmpfs|ramfs|"") base=$(cd "$(dirname "$bh")" && pwd) ;; esac
case "$(fstype "$base")" in
  tmpfs|ramfs|"") echo "FAIL kill9 needs a directory on a real filesystem; $base is $(fstype "$base")"; exit 1 ;;
esac
tmp=$(mktemp -d "$base/bh-kill9.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "kill9: seed $seed (BH_KILL9_SEED=$seed repeats the moments), $kills kills," \
     "$inputs inputs, in $tmp ($(fstype "$tmp"))"

# --ack-fd is checked like every other flag: bad values are usage errors.
usage() { # NAME PATTERN -- command...
  local name="$1" pattern="$2"
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ $rc -eq 2 ] && grep -qE -- "$pattern" "$tmp/err"; then pass "$name"
  else fail "$name: exit $rc"; sed 's/^/    /' "$tmp/err" | head -5; fi
  rm -f "$tmp/u.journal"
}
printf 'seed 1\n0s start isolate_switch\n' >"$tmp/short.plan"
run_short=("$bh" run "$scn" --plan "$tmp/short.plan" --journal "$tmp/u.journal")
usage "--ack-fd not a number" "--ack-fd wants a file descriptor number" -- "${run_short[@]}" --ack-fd x
usage "--ack-fd 1 is the transcript" "1 is the transcript" -- "${run_short[@]}" --ack-fd 1
usage "--ack-fd not open" "--ack-fd 987: that descriptor is not open" -- "${run_short[@]}" --ack-fd 987
usage "--ack-fd read-only" "open only for reading" -- "${run_short[@]}" --ack-fd 3 3<"$tmp/short.plan"
usage "--ack-fd needs --journal" "it needs --journal" -- "$bh" run "$scn" --plan "$tmp/short.plan" --ack-fd 2
"$bh" --help | grep -q -- "--ack-fd N" && pass "--help lists --ack-fd" || fail "--help lists --ack-fd"

# The long plan: start and cancel of the tutorial's first action, one
# second apart, as scripts/bench/bench_replay.c builds it; every input is
# valid and the session does not end before the last one.
awk -v n="$inputs" 'BEGIN { print "seed 1"
  for (i = 0; i < n; i++) printf "%ds %s isolate_switch\n", int(i / 2), i % 2 ? "cancel" : "start" }' \
  >"$tmp/long.plan"

# A run's acknowledgements come through a pipe (a FIFO), so the test reads
# them as they are written and can kill at a chosen point of the run. The
# test holds its own writer on the FIFO (fd 4) while the run may still open
# or write it, so reads wait for data instead of seeing an end early.
fifo="$tmp/acks.fifo"
mkfifo "$fifo"
# start_run JOURNAL OUT: the long run in the background, acknowledging on
# the FIFO, which this shell reads on fd 5. Sets pid.
start_run() {
  exec 4<>"$fifo"
  "$bh" run "$scn" --plan "$tmp/long.plan" --journal "$1" --ack-fd 3 3>"$fifo" 4>&- \
    >"$2" 2>"$tmp/run.err" &
  pid=$!
  exec 5<"$fifo"
}
# running PID: not exited (kill -0 would also say yes to a zombie).
running() {
  local st=''
  { read -r _ _ st _ </proc/"$1"/stat; } 2>/dev/null
  [ -n "$st" ] && [ "$st" != Z ]
}
# read_acks UNTIL: read acknowledgements until line UNTIL has been
# acknowledged or the run has exited. Sets acked (the last one read) and
# bad_order (a number out of sequence, or empty).
read_acks() {
  local n
  while [ "$acked" -lt "$1" ]; do
    if read -r -t 1 -u 5 n; then
      if [ "$acked" -eq 0 ] && [ -z "$header" ] || [ "$n" = $((acked + 1)) ]; then :
      elif [ "$acked" -eq 0 ] && [ "$n" = "$header" ]; then :
      else bad_order=${bad_order:-"$n after $acked"}; fi
      acked=$n
    elif ! running "$pid"; then
      break # exited (or killed): what it wrote is read by finish_run
    fi
  done
}
# finish_run: wait for the run, then read the rest of its acknowledgements
# (the pipe keeps what a killed process wrote). Sets rc.
finish_run() {
  wait "$pid" 2>/dev/null
  rc=$?
  exec 4>&-
  read_acks 999999999
  exec 5<&-
}

# The uninterrupted run: the reference journal, transcript and length.
header='' acked=0 bad_order=''
t0=$(date +%s%N)
start_run "$tmp/ref.journal" "$tmp/ref.out"
read_acks 1
header_us=$(( ($(date +%s%N) - t0) / 1000 ))
header=$acked
finish_run
run_us=$(( ($(date +%s%N) - t0) / 1000 ))
cp "$tmp/run.err" "$tmp/ref.err"
if [ $rc -ne 0 ] || [ -s "$tmp/ref.err" ]; then
  fail "uninterrupted run: exit $rc"; sed 's/^/    /' "$tmp/ref.err" | head; exit 1
fi
total=$(wc -l <"$tmp/ref.journal")
if [ "$total" -eq $((header + inputs)) ] && [ "$acked" -eq "$total" ] && [ -z "$bad_order" ]; then
  pass "uninterrupted run: $total journal lines ($header of header), acknowledged $header..$total in order"
else
  fail "uninterrupted run: $total journal lines, $header of header, last acknowledged $acked${bad_order:+, out of order: $bad_order}"
fi
"$bh" run "$scn" --plan "$tmp/ref.journal" >"$tmp/replay.out" 2>"$tmp/replay.err"
[ $? -eq 0 ] && cmp -s "$tmp/replay.out" "$tmp/ref.out" && pass "the reference journal replays to the same transcript" ||
  fail "the reference journal replays to the same transcript"
ref_bytes=$(wc -c <"$tmp/ref.journal")

# Where the transcript stops depending on what comes later: after K inputs
# it is fixed up to the entry of the K-th input (the entries of the first
# time stamp come before any input). cut[K] is that point in bytes. The
# plan's inputs are the only START and CANCEL entries of isolate_switch.
mapfile -t cut < <(awk 'substr($0, 27) ~ /^(START|CANCEL) +isolate_switch: / {
    if (!n++) print prev; print bytes + length($0) + 1 }
  { prev = bytes; bytes += length($0) + 1 }' "$tmp/ref.out")
if [ ${#cut[@]} -ne $((inputs + 1)) ]; then
  fail "the reference transcript shows ${#cut[@]} - 1 inputs, wanted $inputs"; exit 1
fi

fails_before=$fails
mid=0 before=0 finished=0 torn=0 empty=0 nofile=0 beyond_max=0
acked_list=()
line_us=$(( (run_us - header_us) / (total - header) ))
for ((k = 1; k <= kills; k++)); do
  # The moment: one kill in ten during start-up (before the header is
  # acknowledged, where the journal may not exist yet or be empty); the
  # rest as soon as a line drawn uniformly from the whole run has been
  # acknowledged, half of them at once (just after an acknowledgement,
  # where a line still in a buffer would be lost) and half up to two
  # lines' time later (anywhere in a line's write and fsync). Chosen by
  # progress rather than by the clock alone, because fsync's speed varies
  # tenfold when the disk is shared.
  j="$tmp/k.journal"
  rm -f "$j"
  acked=0 bad_order=''
  if [ $((k % 10)) -eq 0 ]; then
    target=0
    delay=$(( (RANDOM * 32768 + RANDOM) % (header_us + 1) ))
  elif [ $((RANDOM % 2)) -eq 0 ]; then
    target=$(( 1 + (RANDOM * 32768 + RANDOM) % total ))
    delay=0
  else
    target=$(( 1 + (RANDOM * 32768 + RANDOM) % total ))
    delay=$(( (RANDOM * 32768 + RANDOM) % (2 * line_us + 1) ))
  fi
  start_run "$j" /dev/null
  read_acks "$target"
  if [ "$delay" -gt 0 ]; then
    printf -v secs '%d.%06d' $((delay / 1000000)) $((delay % 1000000))
    sleep "$secs"
  fi
  kill -9 "$pid" 2>/dev/null
  finish_run
  what="kill $k after line $target + ${delay}us (exit $rc, $acked acknowledged)"
  [ -n "${BH_KILL9_VERBOSE:-}" ] && echo "$what"
  if [ -n "$bad_order" ]; then
    fail "$what: acknowledgements out of order: $bad_order"; continue
  fi
  if [ $rc -ne 137 ] && [ $rc -ne 0 ]; then
    fail "$what: the run failed before the kill"; sed 's/^/    /' "$tmp/run.err" | head -5; continue
  fi
  # where it landed: before the header was acknowledged, mid-run (some but
  # not all lines acknowledged), or after the last line
  if [ $rc -eq 0 ] || [ "$acked" -ge "$total" ]; then finished=$((finished + 1))
  elif [ "$acked" -eq 0 ]; then before=$((before + 1))
  else mid=$((mid + 1)) acked_list+=("$acked"); fi
  if [ ! -e "$j" ]; then
    nofile=$((nofile + 1))
    [ "$acked" -eq 0 ] && [ $rc -eq 137 ] || fail "$what: no journal"
    continue
  fi
  bytes=$(wc -c <"$j")
  lines=$(wc -l <"$j")
  if [ "$bytes" -gt "$ref_bytes" ] || ! cmp -s -n "$bytes" "$j" "$tmp/ref.journal"; then
    fail "$what: the journal is not a prefix of the uninterrupted one"
    cmp -n "$bytes" "$j" "$tmp/ref.journal" | sed 's/^/    /'; continue
  fi
  if [ "$lines" -lt "$acked" ]; then
    fail "$what: acknowledged line $acked is lost: the journal has $lines complete lines"; continue
  fi
  [ $((lines - acked)) -gt "$beyond_max" ] && beyond_max=$((lines - acked))
  [ -n "${BH_KILL9_VERBOSE:-}" ] && echo "  $lines lines, $bytes bytes"
  [ "$bytes" -eq 0 ] && empty=$((empty + 1))
  # a cut last line is dropped, as Continue drops it, before the replay
  head -n "$lines" "$j" >"$tmp/k.plan"
  [ "$(wc -c <"$tmp/k.plan")" -ne "$bytes" ] && torn=$((torn + 1))
  if [ $rc -eq 0 ] && { [ "$acked" -ne "$total" ] || ! cmp -s "$j" "$tmp/ref.journal"; }; then
    fail "$what: the run finished but its journal or acknowledgements are short"
  fi
  held=$((lines > header ? lines - header : 0))
  "$bh" run "$scn" --plan "$tmp/k.plan" >"$tmp/k.out" 2>"$tmp/k.err"
  rc=$?
  if [ $rc -ne 0 ] || [ -s "$tmp/k.err" ]; then
    fail "$what: the journal's $lines lines do not replay cleanly (exit $rc)"
    sed 's/^/    /' "$tmp/k.err" | head -5; continue
  fi
  if ! cmp -s -n "${cut[$held]}" "$tmp/k.out" "$tmp/ref.out"; then
    fail "$what: the replay of $held inputs differs from the uninterrupted transcript"
    cmp -n "${cut[$held]}" "$tmp/k.out" "$tmp/ref.out" | sed 's/^/    /'; continue
  fi
done

[ "$fails" -eq "$fails_before" ] &&
  pass "$kills kills checked: journals are prefixes, acknowledged lines survive, replays are clean"
median=0 lo=0 hi=0
if [ ${#acked_list[@]} -gt 0 ]; then
  mapfile -t sorted < <(printf '%s\n' "${acked_list[@]}" | sort -n)
  lo=${sorted[0]} hi=${sorted[-1]} median=${sorted[$((${#sorted[@]} / 2))]}
fi
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
echo "kill9 figures: uninterrupted run $((run_us / 1000)) ms for $total lines ($inputs inputs)," \
     "header acknowledged after $((header_us / 1000)) ms;"
echo "  $kills kills: $mid mid-run, $before before any acknowledgement ($nofile before the journal" \
     "existed, $empty with an empty journal), $finished after the last;"
echo "  mid-run kills had acknowledged lines $lo..$hi of $total (median $median);" \
     "at most $beyond_max line(s) on disk beyond the last acknowledgement; $torn cut last line(s);"
echo "  whole test ${elapsed} ms"
# Most kills must land mid-run, or the checks above were mostly vacuous.
if [ $((mid * 10)) -ge $((kills * 8)) ]; then pass "$mid of $kills kills landed mid-run (at least 80% wanted)"
else fail "only $mid of $kills kills landed mid-run (at least 80% wanted): is the run too short here?"; fi

echo "$fails failed"
[ "$fails" -eq 0 ]
