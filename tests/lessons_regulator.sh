#!/usr/bin/env bash
# The regulator scenario's lessons (issue 15), asserted on `bulkhead run`
# transcripts of small plans and on the scenario's texts: golden diffs
# cannot fail on their own, these can. Each check names the lesson it holds.
# Usage: bash tests/lessons_regulator.sh PATH_TO_BULKHEAD   (from the repository root)
set -u
bh="$1"
scn=scenarios/regulator_attack.lua
texts="scenarios/regulator_attack.lua scenarios/regulator_attack_texts.lua"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }

# play NAME: the plan on stdin, transcript in $tmp/NAME.out, status in $tmp/NAME.rc
play() {
  { echo "seed 1"; cat; } >"$tmp/$1.plan"
  "$bh" run "$scn" --plan "$tmp/$1.plan" >"$tmp/$1.out" 2>&1
  echo $? >"$tmp/$1.rc"
}
has() { grep -qF -- "$2" "$tmp/$1.out"; }
# check NAME: pass if the command after it succeeds
check() { local name="$1"; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }
ok_run() { [ "$(cat "$tmp/$1.rc")" = 0 ]; }

# --- Say what you know when you know it --------------------------------------
play guess <<'EOF'
1h      choose first_words attack
EOF
play triaged_attack <<'EOF'
0m      start triage
1h      choose first_words attack
EOF
check "\"cyberattack\" before triage is a guess, and is called one" \
  has guess 'before anyone had read a log'
check "\"cyberattack\" after triage is not called a guess" \
  eval '! has triaged_attack "before anyone had read a log"'
# the guess costs more credibility than the same words after triage
cred_end() { sed -n 's/^  Public credibility *\([0-9]*\)$/\1/p' "$tmp/$1.out"; }
check "the guess ends lower than the same line said after triage" \
  test "$(cred_end guess)" -lt "$(cred_end triaged_attack)"

play honest <<'EOF'
0m      start triage
1h      choose first_words incident
1h      start say_attack
EOF
check "\"investigating a disruption\", then \"cyberattack\" after triage, is an update, not a correction" \
  eval 'has honest "built on the first line" && ! has honest "caught out"'

play no_evidence <<'EOF'
1h      choose first_words incident
1h      start say_attack
EOF
check "\"Call it a cyberattack\" needs evidence first" \
  eval '! ok_run no_evidence && has no_evidence "Nobody has looked yet"'

play technical_after <<'EOF'
0m      start triage
1h      choose first_words technical
EOF
play technical_before <<'EOF'
1h      choose first_words technical
EOF
check "\"technical issues\" after the evidence is called wrong" \
  has technical_after 'was not a holding line any more'
check "\"technical issues\" before triage is not called wrong at once" \
  eval '! has technical_before "was not a holding line any more"'

"$bh" run "$scn" --plan tests/plans/regulator_attack_discredited.plan >"$tmp/disc.out" 2>&1
check "never correcting \"technical issues\" after Reuters reads as spin" has disc 'read as spin'

# --- What the secretariat can and cannot do ----------------------------------
check "no deadline extended, no state \"in breach\" of \"their own laws\"" \
  eval '! grep -nE "deadlines? [a-z ]*(are|is) extended|extends? [a-z ]*deadline|are in breach|in breach through|their own laws" $texts'
check "the secretariat offers what it can: a downtime notice and a circular letter" \
  grep -q 'A circular letter and a MARIS downtime notice' "$scn"
check "MSC.428(98) encourages Administrations; it binds no company by itself" \
  eval 'grep -q "encourages Administrations" $scn && ! grep -nE "must cover cyber risk|your own rule takes effect" $texts'

# --- Facts -----------------------------------------------------------------
check "the IMO's words: \"robust security measures\", never \"robust controls\"" \
  eval 'grep -q "robust security measures" $scn && ! grep -n "robust controls" $texts'
check "five days from 30 September to Monday 5 October, not six" \
  eval 'grep -q "five days after its own systems went dark" $scn && ! grep -n "six days after" $texts'
check "no clock time in the inject that fires whenever fatigue runs high" \
  eval '! grep -nE "At 04:10|up since Wednesday" $texts'
check "no anachronisms: Ragnar Locker's police threat, the FBI flash, 33 CFR 6.16-1" \
  eval '! grep -nE "Ragnar|FBI|6\.16-1|NIS2" $texts'

# --- Forensics are Respond (MSC-FAL.1/Circ.3) --------------------------------
func_of() { awk -v id="$1" '$0 ~ "action \\{ id = \"" id "\"" {on=1} on && /func = "/ {
  sub(/.*func = "/, ""); sub(/".*/, ""); print; exit }' "$scn"; }
for a in find_entry sweep scope_data incident_log; do
  check "$a is filed under Respond" test "$(func_of $a)" = respond
done
check "triage (fault or attack?) is filed under Detect" test "$(func_of triage)" = detect

# --- A strong week still costs ----------------------------------------------
"$bh" run "$scn" --plan tests/plans/regulator_attack_expert.plan >"$tmp/expert.out" 2>&1
# at_of NAME TEXT: "DAYS HOURS" of the first transcript line holding TEXT
# (lines that share an instant carry no time of their own: take the last one)
at_of() { awk -v t="$2" '/^T\+[0-9]+d / { split(substr($1, 3), a, "d"); d = a[1]; split($2, b, ":"); h = b[1] }
  index($0, t) { print d, h; exit }' "$tmp/$1.out"; }
hours() { set -- $1; echo $(( $1 * 24 + 10#$2 )); }
found=$(at_of expert 'DONE      find_entry')
allback=$(at_of expert 'All web services are back')
check "expert play: the way in takes the night to find (not before T+16h)" \
  test -n "$found" -a "$(hours "$found")" -ge 16
check "expert play: every web service back only after three days (the IMO: about a week)" \
  test -n "$allback" -a "$(hours "$allback")" -ge 72
meter_end() { sed -n "s/^  $2 *\([0-9]*\)\$/\1/p" "$tmp/$1.out"; }
check "expert play: member-state confidence ends within 5 of its start (70)" \
  test "$(meter_end expert 'Member-state confidence')" -le 75
check "expert play: public credibility ends within 6 of its start (65)" \
  test "$(meter_end expert 'Public credibility')" -le 71
check "expert play: staff are not fresher than when the alarm went (fatigue 10)" \
  test "$(meter_end expert 'Staff fatigue')" -ge 10

play restore_during_forensics <<'EOF'
0m      start isolate_web
0m      start call_unicc
4h30m   start find_entry
5h      start restore_maris
EOF
check "no restore over the servers the investigators are still reading" \
  eval '! ok_run restore_during_forensics && has restore_during_forensics "overwrite the evidence"'

# --- A second outage is what the ending says it is ---------------------------
play quiet_relapse <<'EOF'
0m      start restore_docs
10h     start isolate_web
EOF
play announced_relapse <<'EOF'
0m      start restore_maris
9h      start announce_return
10h05m  start isolate_web
EOF
check "one quiet relapse of something never announced costs meters, not the week" \
  eval 'has quiet_relapse "Restored, and compromised again" && ! has quiet_relapse "ENDING    second_outage"'
check "a relapse after its return was announced ends the week in second_outage" \
  eval 'has announced_relapse "went dark again after you had announced its return" && has announced_relapse "ENDING    second_outage"'

# --- Missing actors: the police, and the staff whose files were taken --------
play police <<'EOF'
0m      start report_police
EOF
check "reporting the crime brings the police in, half a day later" \
  test "$(at_of police 'The police have opened a case')" = "0 13"

play hr_told <<'EOF'
0m      start isolate_public
8h05m   choose hr_notice tell_now
10h     start isolate_web
EOF
play hr_waited <<'EOF'
0m      start isolate_public
10h     start isolate_web
EOF
check "stolen HR files open the question of telling staff" \
  eval 'ok_run hr_told && has hr_told "The HR share was copied out" && has hr_told "CHOSE     hr_notice -> tell_now"'
check "staff told the same day hang up on the fraudsters" has hr_told 'Most hung up'
check "staff left untold learn it from the fraudsters, and it costs" \
  has hr_waited 'learned from the fraudsters'

[ "$fails" -eq 0 ] || { echo "$fails regulator lesson check(s) failed"; exit 1; }
echo "all regulator lesson checks passed"
