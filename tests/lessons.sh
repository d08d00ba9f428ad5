#!/usr/bin/env bash
# The lessons the shipped scenarios teach, asserted (issue 15): golden
# diffs show a change but cannot fail on their own, so each lesson here is
# a run of the real `bulkhead` whose transcript must say it.
#   - No anachronism or known misattribution in any scenario text (the fact
#     sheet, ../shared/reference/maritime-incidents.md, says why each is one).
#   - The carrier: the notice to the data protection authority can start in
#     the first minutes, and its timing is judged; FMC relief can be asked
#     for on day 1; paying buys no drop in data exposure; a denial of the
#     breach is exposed whether or not the company paid.
#   - Endings name only the failures a session had (their findings): the
#     trust_lost plan said "IT issue" and was phished, and was never silent;
#     the breach plan never notified the CNIL and never let an FMC filing
#     fall due; the expert's good ending lists nothing.
# Usage: bash tests/lessons.sh PATH_TO_BULKHEAD   (from the repository root)
set -u
bh="$1" fails=0 tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }

# ---- Texts: each pattern, case-insensitive, must match no line of any
# scenario file. Format: extended regex <TAB> why it is wrong.
cat >"$tmp/banned" <<'EOF'
MU-000140|FBI flash|flash alert	the FBI's Ragnar Locker flash alert is from November 2020, after the 2020 scenarios
fbi_ragnar	the reference to the FBI's November 2020 flash alert
6\.16-1	33 CFR 6.16-1 dates from 2024 (EO 14116); in 2020 it was 33 CFR 101.305
cpomagazine	the source of Ragnar Locker's leak-if-you-call-the-police threat (September 2021)
police[^.]*(leak|price go up|put the files online)|(leak|price go up)[^.]*police	Ragnar Locker's threat against victims who call the police dates from September 2021
Toll[^.]*(twice|again|reinfect)	Toll Group's second 2020 attack was unrelated to its first: no example of a reinfection
NIS ?2	NIS2 postdates 2020
suspected a data breach three days	CMA CGM said so on 30 September, two days after it confirmed the attack
Lloyd's List[^.]*no phones	the dead phones in France were reported by LeMagIT
(hand|handed|hands) the chat to the police|except through law enforcement	the police do not take over a ransom chat: CISA advises consulting them
EOF
while IFS=$'\t' read -r re why; do
  if grep -inE "$re" scenarios/*.lua >"$tmp/hits"; then
    fail "scenario texts: $why"; sed 's/^/    /' "$tmp/hits" | head -5
  else
    pass "no scenario text matches /$re/"
  fi
done <"$tmp/banned"

# ---- The carrier's lessons, from transcripts of `bulkhead run`.
scn=scenarios/carrier_ransomware.lua
run() { # PLANFILE OUT: the transcript; warnings or errors fail the caller
  "$bh" run "$scn" --plan "$1" >"$2" 2>"$2.err" && [ ! -s "$2.err" ]
}
has() { grep -qF -- "$2" "$1"; }
# The transcript's lines at one instant (only the first carries the time).
at() { awk -v t="$2" '/^T\+/{on = (index($0, t " ") == 1)} on' "$1"; }

# The notice to the CNIL, two minutes in, judged on time.
printf 'seed 1\n2m start notify_dpa\n' >"$tmp/early.plan"
if run "$tmp/early.plan" "$tmp/early" &&
   at "$tmp/early" T+0d\ 00:02:00 | grep -qE 'START +notify_dpa:' &&
   has "$tmp/early" "First GDPR notice sent to the CNIL at T+6h, inside the 72 hours." &&
   grep -qE '^  met +notify_dpa:' "$tmp/early"
then pass "carrier: the notice to the CNIL starts in the first minutes, and is on time"
else fail "carrier: the notice to the CNIL could not start at T+2m, or was not judged on time"; head -3 "$tmp/early.err"; fi

# FMC relief on day 1: then no filing goes missing.
printf 'seed 1\n2m start fmc_relief\n' >"$tmp/fmc.plan"
if run "$tmp/fmc.plan" "$tmp/fmc" &&
   at "$tmp/fmc" T+0d\ 00:02:00 | grep -qE 'START +fmc_relief:' &&
   has "$tmp/fmc" "Asked the FMC for relief before any filing was late" &&
   ! has "$tmp/fmc" "FMC: filings missing"
then pass "carrier: FMC relief can be asked for on day 1, and then no filing goes missing"
else fail "carrier: FMC relief could not be asked for on day 1"; head -3 "$tmp/fmc.err"; fi

# Timing matters: sent on day 4 it is late, and the objective is not met.
printf 'seed 1\n3d1h start notify_dpa\n' >"$tmp/late.plan"
if run "$tmp/late.plan" "$tmp/late" && has "$tmp/late" "The CNIL writes" &&
   has "$tmp/late" "The GDPR notice reached the CNIL late" && grep -qE '^  not met +notify_dpa:' "$tmp/late"
then pass "carrier: a notice after the 72 hours is late, and the objective is not met"
else fail "carrier: a notice after the 72 hours was not judged late"; fi

# Paying lowers no exposure: the payment's own instant moves no exposure down.
printf 'seed 1\n1h05m choose ransom pay\n' >"$tmp/pay.plan"
if run "$tmp/pay.plan" "$tmp/pay" && has "$tmp/pay" "CHOSE     ransom -> pay" &&
   ! at "$tmp/pay" T+0d\ 01:05:00 |
     awk '/meter +Data exposure/ {split($0,a,"exposure "); split(a[2],b," -> "); if (b[2]+0 < b[1]+0) bad=1}
          END{exit !bad}'
then pass "carrier: paying does not lower data exposure"
else fail "carrier: paying lowered data exposure at once (or the plan did not run)"; fi

# A denial is exposed, paid or not (the shipped plans for the paid and
# breach endings both deny the breach; only the first pays).
for case in paid:1 breach:0; do
  name=${case%:*}; paid=${case#*:}
  plan=tests/plans/carrier_ransomware_$name.plan
  if ! run "$plan" "$tmp/$name"; then fail "carrier: $plan did not replay cleanly"; continue; fi
  if has "$tmp/$name" "Paid the attackers"; then did=1; else did=0; fi
  if [ "$did" != "$paid" ]; then fail "carrier: $plan should ${paid/0/not }pay"; continue; fi
  if has "$tmp/$name" "CHOSE     breach_notice -> deny" &&
     has "$tmp/$name" "\"Your statement said no customer data was affected\"" &&
     has "$tmp/$name" "Alcyon had said no customer data was affected."
  then pass "carrier: a denial is exposed when the company $([ "$paid" = 1 ] && echo paid || echo did not pay)"
  else fail "carrier: the denial was never exposed in $plan"; fi
done

# ---- Endings say what this session did, and nothing it did not.
findings() { sed -n '/^In this session:$/,/^$/p' "$1"; }
check_findings() { # NAME SCENARIO PLAN_KIND WANT... -- NOT_WANT...
  local name=$1 base=$2 kind=$3; shift 3
  local plan=tests/plans/${base}_$kind.plan scn=scenarios/$base.lua
  if ! run "$plan" "$tmp/f_$kind"; then fail "$name: $plan did not replay cleanly"; return; fi
  findings "$tmp/f_$kind" >"$tmp/f_$kind.list"
  local ok=1 want=1 line
  for line in "$@"; do
    if [ "$line" = "--" ]; then want=0; continue; fi
    if [ $want = 1 ] && ! has "$tmp/f_$kind.list" "$line"; then ok=0; echo "    missing: $line"; fi
    if [ $want = 0 ] && has "$tmp/f_$kind.list" "$line"; then ok=0; echo "    wrongly listed: $line"; fi
  done
  if [ $ok = 1 ]; then pass "$name"; else fail "$name"; sed 's/^/    /' "$tmp/f_$kind.list"; fi
}
check_findings "carrier: trust_lost names the \"IT issue\" and the unchecked channel, not silence" \
  carrier_ransomware trustlost "an internal IT infrastructure issue" "A channel was declared safe" \
  -- "was silence" "daily update did not come" "The breach was denied"
check_findings "carrier: breach_story names the missing notice and the denial, not the FMC" \
  carrier_ransomware breach "The CNIL never had a notice from you" "The breach was denied in public" \
  -- "without a request for relief" "after the 72 hours"
if run tests/plans/carrier_ransomware_expert.plan "$tmp/fx" && ! has "$tmp/fx" "In this session:"
then pass "carrier: the expert's good ending lists no failure"
else fail "carrier: the expert's ending lists findings"; fi
check_findings "regulator: discredited names the \"technical issues\" line, not a guess or silence" \
  regulator_attack discredited "technical issues" -- "before anyone had read a log" "was silence"

[ "$fails" -eq 0 ] || { echo "$fails lesson test(s) failed"; exit 1; }
echo "all lesson tests passed"
