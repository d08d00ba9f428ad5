#!/usr/bin/env bash
# bulkhead pack: golden packs of both flagships (whole and their 60-minute
# cuts), the participants' manual free of facilitator-only content (marker
# strings in tests/fixtures/pack/markers.lua), the timeline's real minutes,
# hostile text escaped, errors, the file written atomically, and (when
# Chromium is installed) the pack printed to PDF with each part starting on
# a new page.
# Usage: bash tests/pack.sh PATH_TO_BULKHEAD   (from the repository root)
# Set BH_UPDATE_GOLDEN=1 to rewrite the golden packs after an intended change.
set -u
bh="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }
indent() { sed 's/^/    /' "$@" | head -20; }

# Golden packs: the whole scenario and the 60-minute cut of each flagship.
for spec in carrier_ransomware: carrier_ransomware:first48h regulator_attack: regulator_attack:day1; do
  scn=${spec%%:*} cut=${spec#*:}
  name=$scn${cut:+_$cut}
  golden=tests/packs/$name.html
  "$bh" pack "scenarios/$scn.lua" ${cut:+--cut "$cut"} -o "$tmp/$name.html" 2>"$tmp/err"
  rc=$?
  if [ $rc -ne 0 ]; then fail "pack $name: exit $rc"; indent "$tmp/err"; continue; fi
  if [ "${BH_UPDATE_GOLDEN:-}" = 1 ]; then cp "$tmp/$name.html" "$golden"; fi
  if [ ! -f "$golden" ]; then fail "no $golden: review the pack, then BH_UPDATE_GOLDEN=1 bash $0 BULKHEAD"
  elif cmp -s "$tmp/$name.html" "$golden"; then pass "pack $name matches $golden"
  else fail "pack $name differs from $golden"; diff "$golden" "$tmp/$name.html" | head -20; fi
  if python3 tests/html_check.py "$tmp/$name.html" --pack >"$tmp/chk"; then pass "pack $name parses, no URLs or scripts"
  else fail "pack $name html"; indent "$tmp/chk"; fi
done

# The cut's pack is the cut's: its agenda, its pace, its ending.
p=$tmp/carrier_ransomware_first48h.html
if grep -q '60 minutes: briefing 10, play 35, hot wash 15' "$p" &&
   grep -q 'rate 144: a simulated hour every 25 real seconds at 1x; the clock runs 20.0 real minutes' "$p" &&
   grep -q '<td class="t">20:00</td><td class="t">T+2d 00:00 (Tue 22:00)</td><td><strong>Time is up.' "$p" &&
   grep -q 'the session ends with <em>Handover after 48 hours</em>' "$p"
then pass "the 60-minute cut's agenda, pace and ending"; else fail "the 60-minute cut's agenda, pace and ending"; fi

# The marker fixture: what the participants' part may never hold.
fx=tests/fixtures/pack/markers.lua
"$bh" pack "$fx" --runs 0 -o "$tmp/all.html" 2>/dev/null
"$bh" pack "$fx" --runs 0 --part participants -o "$tmp/part_p.html" 2>/dev/null
"$bh" pack "$fx" --runs 0 --part facilitator -o "$tmp/part_f.html" 2>/dev/null
"$bh" pack "$fx" --cut short --part participants -o "$tmp/cut_p.html" 2>/dev/null
"$bh" pack "$fx" --cut short -o "$tmp/cut.html" 2>/dev/null
# The whole document, cut where the facilitator's part begins.
sed -n '1,/<section class="part facilitator">/p' "$tmp/all.html" | sed '$d' >"$tmp/all_p.html"
sed -n '/<section class="part facilitator">/,$p' "$tmp/all.html" >"$tmp/all_f.html"
secret=$(grep -oE '(FONLY|PCHOSEN)_[A-Z0-9_]+' "$fx" | sort -u)
safe="PSAFE_TITLE PSAFE_SUMMARY PSAFE_ORG PSAFE_BRIEFING_TWO PSAFE_STAKES PSAFE_BASED_ON PSAFE_METER_DESC
      PSAFE_SYSTEM_DESC PSAFE_TEAM PSAFE_ACTION PSAFE_STANDING PSAFE_OBJECTIVE_ONE PSAFE_OBJECTIVE_TWO"
bad=
for f in "$tmp/part_p.html" "$tmp/all_p.html" "$tmp/cut_p.html"; do
  [ -s "$f" ] || bad="$bad empty:$(basename "$f")"
  for m in $secret XEND_ recommended 'class="mark' 'Facilitator.s guide'; do
    grep -q "$m" "$f" && bad="$bad $m:$(basename "$f")"
  done
  for m in $safe; do grep -q "$m" "$f" || bad="$bad missing-$m:$(basename "$f")"; done
done
if [ -z "$bad" ] && [ "$(echo "$secret" | wc -l)" -ge 20 ]; then
  pass "the participants' part holds no facilitator note, question, recommended mark or ending ($(echo "$secret" | wc -l) markers)"
else fail "the participants' part leaks or lacks:$bad"; fi
bad=
# (the cut's own ending is only the cut's)
grep -q FONLY_END_CUT "$tmp/cut.html" || bad="$bad FONLY_END_CUT:cut.html"
for f in "$tmp/part_f.html" "$tmp/all_f.html"; do
  for m in $secret; do [ "$m" = FONLY_END_CUT ] || grep -q "$m" "$f" || bad="$bad $m:$(basename "$f")"; done
  grep -q 'PSAFE_BRIEFING_TWO\|Feedback form' "$f" && bad="$bad manual-in:$(basename "$f")"
done
grep -q 'participants' "$tmp/part_f.html" && grep -q '<section class="part participants">' "$tmp/part_f.html" && bad="$bad manual-section"
if [ -z "$bad" ]; then pass "the facilitator's part holds every note, question and hint, and none of the manual"
else fail "the facilitator's part lacks:$bad"; fi

# Hostile text is escaped.
if grep -q 'PSAFE_TITLE &lt;script&gt;alert(1)&lt;/script&gt;' "$tmp/all.html" && ! grep -qi '<script\|<b>' "$tmp/all.html" &&
   grep -q 'PSAFE_TEAM &quot;quoted&quot;' "$tmp/all.html" && grep -q 'PSAFE_ORG &amp; co' "$tmp/all.html" &&
   python3 tests/html_check.py "$tmp/all.html" --pack >"$tmp/chk"
then pass "hostile text is escaped"; else fail "hostile text"; indent "$tmp/chk"; fi

# The timeline at the cut's rate 120: 30 simulated minutes are 15 real seconds.
row() { grep -qF "<tr><td class=\"t\">$1</td><td class=\"t\">$2</td><td>$3" "$tmp/cut.html" || bad="$bad [$1 $2]"; }
bad=
row 0:00 'T+0d 00:00 (Wed 09:00)' '<em>email</em> PLAY_INJ1_FROM: <strong>PLAY_INJ1_TITLE</strong>'
row 0:15 'T+0d 00:30 (Wed 09:30)' '<strong>Decision D1 opens:</strong> PLAY_DEC_PROMPT <em>(deadline 1h, 0:30 real)</em>'
row 0:30 'T+0d 01:00 (Wed 10:00)' '<em>phone</em> PLAY_INJ2_FROM'
row 0:45 'T+0d 01:30 (Wed 10:30)' "D1's deadline: without a choice the clock takes <em>PLAY_OPT_B</em>"
row 2:00 'T+0d 04:00 (Wed 13:00)' '<strong>Time is up.</strong> Unless another ending came first, the session ends with <em>FONLY_END_CUT</em>'
grep -q 'PLAY_LATE_TITLE' "$tmp/cut.html" && bad="$bad late-in-cut"
grep -q 'PLAY_LATE_TITLE' "$tmp/all_f.html" || bad="$bad late-not-in-whole"
grep -q 'PLAY_WAITS_TITLE.*when its condition holds, not before T+0d 02:00 (Wed 11:00), real 1:00</td><td class="t">[0-9]* of 200 (' "$tmp/cut.html" || bad="$bad waits"
grep -q 'PLAY_HOOKED_TITLE.*when the scenario.s code sends it</td><td class="t">[0-9]* of 200 (' "$tmp/cut.html" || bad="$bad hooked"
grep -q 'PSAFE_STANDING <em>(standing: every day at 17:00 until cancelled)</em>' "$tmp/cut_p.html" || bad="$bad standing"
grep -q '30 minutes: briefing 5, play 15, hot wash 10' "$tmp/cut.html" || bad="$bad agenda"
if [ -z "$bad" ]; then pass "the timeline's times at the cut's rate; what waits on the room, and how often it came"
else fail "the timeline:$bad"; grep -o '<tr><td class="t">[^\n]*' "$tmp/cut.html" | head; fi

# Errors: exit 2 for bad usage, 1 for a file that cannot be read or written.
"$bh" pack "$fx" --cut shrot >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 2 ] && grep -qF "$fx: error: --cut shrot: the scenario declares no such cut (did you mean 'short'?)" "$tmp/err" && [ ! -s "$tmp/out" ]
then pass "unknown cut, with did you mean"; else fail "unknown cut (exit $rc)"; indent "$tmp/err"; fi
"$bh" pack "$tmp/nope.lua" -o "$tmp/nope.html" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q 'nope.lua' "$tmp/err" && [ ! -e "$tmp/nope.html" ]; then pass "unreadable scenario"; else fail "unreadable scenario (exit $rc)"; indent "$tmp/err"; fi
"$bh" pack "$fx" -o "$tmp/no/such/dir/p.html" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q "no/such/dir/p.html: error: cannot write the pack: No such file or directory" "$tmp/err"
then pass "unwritable output"; else fail "unwritable output (exit $rc)"; indent "$tmp/err"; fi
"$bh" pack "$fx" --part players >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 2 ] && grep -q "wants all, participants or facilitator, not 'players'" "$tmp/err"; then pass "bad --part"; else fail "bad --part (exit $rc)"; fi
"$bh" pack "$fx" --runs lots >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 2 ] && grep -q "runs wants a number" "$tmp/err"; then pass "bad --runs"; else fail "bad --runs (exit $rc)"; fi
"$bh" pack >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 2 ] && grep -q "pack needs a scenario" "$tmp/err"; then pass "no scenario"; else fail "no scenario (exit $rc)"; fi
"$bh" pack --help >"$tmp/out" 2>&1; rc=$?
if [ $rc -eq 0 ] && grep -q '^Usage: bulkhead pack FILE.lua' "$tmp/out" && "$bh" --help | grep -q 'bulkhead pack FILE.lua'
then pass "pack --help, and in bulkhead --help"; else fail "pack --help (exit $rc)"; fi
cp "$fx" "$tmp/copy.lua"
"$bh" pack "$tmp/copy.lua" -o "$tmp/copy.lua" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 1 ] && cmp -s "$fx" "$tmp/copy.lua" && grep -q 'the scenario itself' "$tmp/err"
then pass "never over the scenario"; else fail "over the scenario (exit $rc)"; fi
# A failure leaves the old pack; a success replaces it and leaves no temporary.
printf 'old\n' >"$tmp/keep.html"
"$bh" pack "$fx" --cut shrot -o "$tmp/keep.html" 2>/dev/null
"$bh" pack "$tmp/nope.lua" -o "$tmp/keep.html" 2>/dev/null
if [ "$(cat "$tmp/keep.html")" = old ]; then pass "a failed pack leaves the old file"; else fail "a failed pack touched the old file"; fi
"$bh" pack "$fx" -o "$tmp/keep.html" 2>/dev/null
if head -c 15 "$tmp/keep.html" | grep -q '<!DOCTYPE html>' && [ ! -e "$tmp/keep.html.tmp" ]
then pass "written over the old pack, no temporary left"; else fail "written over the old pack"; fi
"$bh" pack "$fx" --runs 0 2>/dev/null | cmp -s - "$tmp/all.html" && pass "standard output without -o" || fail "standard output without -o"
if [ -w /dev/full ]; then
  "$bh" pack "$fx" >/dev/full 2>"$tmp/err"; rc=$?
  if [ $rc -eq 1 ] && grep -q 'standard output: error: cannot write the pack' "$tmp/err"; then pass "a full disk is an error"
  else fail "a full disk (exit $rc)"; indent "$tmp/err"; fi
fi
# A device or a pipe is written in place, never renamed over: as root, a
# rename replaced /dev/full (or /dev/stdout) with a plain file, and said "wrote".
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/fromfifo" &
reader=$!
timeout 60 "$bh" pack "$fx" --runs 0 -o "$tmp/fifo" 2>"$tmp/err"; rc=$?
if [ $rc -eq 0 ] && [ -p "$tmp/fifo" ] && { wait "$reader"; cmp -s "$tmp/fromfifo" "$tmp/all.html"; }
then pass "a pipe is written in place"; piped=1; else fail "a pipe was renamed over (exit $rc)"; indent "$tmp/err"; piped=0; fi
kill "$reader" 2>/dev/null; wait "$reader" 2>/dev/null
# (only when a pipe was written in place: a build that renames would replace /dev/full)
if [ $piped = 1 ] && [ -c /dev/full ] && [ -w /dev/full ]; then
  "$bh" pack "$fx" --runs 0 -o /dev/full 2>"$tmp/err"; rc=$?
  if [ $rc -eq 1 ] && [ -c /dev/full ] && grep -q '/dev/full: error: cannot write the pack' "$tmp/err"; then pass "-o /dev/full is an error"
  else fail "-o /dev/full (exit $rc)"; indent "$tmp/err"; fi
fi

# Chromium prints it: pages, and each part starts on a page of its own.
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ] || ! command -v pdfinfo >/dev/null || ! command -v pdftotext >/dev/null; then
  fail "chromium or poppler-utils is not installed: run scripts/setup"
else
  flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions --user-data-dir="$tmp/chrome")
  pdf() { timeout 90 "$chrome" "${flags[@]}" --print-to-pdf="$2" --no-pdf-header-footer "file://$1" >"$tmp/c" 2>&1; }
  pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
  # the first line on page N (pdftotext of that page alone), without the
  # spaces the band's letter spacing puts between its letters
  top() { pdftotext -f "$2" -l "$2" "$1" - 2>/dev/null | grep -m1 -v '^\s*$' | tr -d ' '; }
  for name in carrier_ransomware_first48h regulator_attack_day1; do
    pdf "$tmp/$name.html" "$tmp/$name.pdf"
    n=$(pages "$tmp/$name.pdf"); n=${n:-0}
    first=$(top "$tmp/$name.pdf" 1)
    guide=0
    for i in $(seq 2 "$n"); do
      case "$(top "$tmp/$name.pdf" "$i")" in FACILITATOR*GUIDE*) guide=$i; break;; esac
    done
    before=$( [ "$guide" -gt 1 ] && pdftotext -f $((guide - 1)) -l $((guide - 1)) "$tmp/$name.pdf" - 2>/dev/null)
    if [ "$n" -gt 0 ] && [[ "$first" == "PARTICIPANTS"* ]] && [ "$guide" -gt 1 ] && ! tr -d ' ' <<<"$before" | grep -qi "facilitator.sguide"
    then pass "chromium prints $name: $n pages, the manual from page 1, the guide from page $guide"
    else fail "chromium prints $name: $n pages, page 1 '$first', guide page $guide"; indent "$tmp/c"; fi
  done
  # a word longer than the page wraps in print, never runs off its edge
  word=$(printf 'W%.0s' $(seq 1 150))END
  sed "s/PSAFE_ORG & co/$word/; s/PSAFE_STAKES/$word/" "$fx" >"$tmp/longword.lua"
  "$bh" pack "$tmp/longword.lua" --runs 0 -o "$tmp/longword.html" 2>/dev/null
  pdf "$tmp/longword.html" "$tmp/longword.pdf"
  if [ "$(pdftotext "$tmp/longword.pdf" - 2>/dev/null | tr -d ' \n' | grep -o "$word" | wc -l)" -ge 2 ]
  then pass "a long word wraps inside the printed page"; else fail "a long word runs off the printed page"; fi
  # one part alone prints alone
  "$bh" pack scenarios/carrier_ransomware.lua --cut first48h --part participants -o "$tmp/p.html" 2>/dev/null
  pdf "$tmp/p.html" "$tmp/p.pdf"
  np=$(pages "$tmp/p.pdf"); np=${np:-0}
  if [ "$np" -gt 0 ] && [ "$np" -lt "$(pages "$tmp/carrier_ransomware_first48h.pdf")" ] && ! pdftotext "$tmp/p.pdf" - | tr -d ' ' | grep -qi "facilitator.sguide\|recommended"
  then pass "the participants' part prints alone: $np pages, nothing of the guide"
  else fail "the participants' part alone: $np pages"; fi
fi

[ "$fails" -eq 0 ] || { echo "$fails pack test(s) failed"; exit 1; }
echo "all pack tests passed"
