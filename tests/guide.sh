#!/usr/bin/env bash
# tests/guide.sh: every code block in the authoring guide (scenarios/README.md)
# works. Each fenced block is extracted and checked according to its info
# string (the words after the opening ```):
#
#   lua              a block containing `scenario {` is a complete scenario:
#                    `bulkhead check` must print nothing, a run with an
#                    empty plan must reach an ending with nothing on stderr,
#                    and luacheck (with scenarios/.luacheckrc) must be clean.
#                    A first line `-- NAME.lua` names the file (default
#                    scenario.lua); it becomes the "current scenario".
#   lua              a block without `scenario {` is a fragment: it must
#                    compile, and it is appended to a copy of
#                    tests/fixtures/guide/base.lua, which must then pass the
#                    same three checks. If the fragment declares its own
#                    `fallback = true`, base.lua's line marked
#                    "guide: fallback" is left out.
#                    With a first line `-- NAME.lua` and no `scenario {`, the
#                    block is a support file (texts for include): it must
#                    compile, and it is saved as NAME.lua for later blocks.
#   lua append       appended to the current scenario, in place (the
#                    tutorial grows one file); the result must pass the
#                    three checks.
#   lua effect       the body of an effect: wrapped in an inject at T+0 in
#                    base.lua, then checked and run as above.
#   lua condition    the body of a `when` condition: wrapped in an inject's
#                    `when` in base.lua, then checked and run as above.
#   lua error        must compile, then make `bulkhead check` or the empty
#                    run fail (as a complete scenario, or appended to
#                    base.lua); every `-- error: TEXT` comment in it must
#                    appear in the output.
#   lua fragment     only compiled (luac5.4 -p). Use it sparingly.
#   plan             run with `bulkhead run` against the file its `scenario`
#                    line names (else the current scenario): exit 0, nothing
#                    on stderr, and the ending its `# expect-ending: ID`
#                    line names, if it has one. A first line `# NAME.plan`
#                    names the plan file (default guide.plan).
#   plan error       as plan, but the run must fail, and every
#                    `# error: TEXT` line must appear in its output.
#   text transcript  must follow a plan (sh, json and text blocks may come
#                    between): each of its lines, except `...`, must appear
#                    in the transcript, in the same order.
#   text output      must follow an error block: the same, against its
#                    output.
#   sh               bash -n must accept it.
#   json             must parse (python3).
#   text             not checked: prose, layouts.
#
# Any other info string, or none, is a failure, so no block goes unchecked
# by accident. The test also checks that the guide names every declaration
# field (lh_decl.c) and every field and call of the world handle (lh_world.c).
#
# Usage: bash tests/guide.sh PATH_TO_BULKHEAD   (from the repository root)
# BH_GUIDE=FILE checks another copy of the guide (to see the test fail).
set -u
bh="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
root=$(pwd)
guide=${BH_GUIDE:-scenarios/README.md}
base="$root/tests/fixtures/guide/base.lua"
luacheckrc="$root/scenarios/.luacheckrc"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
work="$tmp/work"            # the scenarios' folder: blocks see each other here
mkdir -p "$work" "$tmp/blocks"
: >"$work/empty.plan"
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }
indent() { sed 's/^/    /' "$@" | head -40; }

have_luacheck=0
command -v luacheck >/dev/null && have_luacheck=1
[ $have_luacheck -eq 1 ] || echo "note: luacheck is not installed; lint checks skipped (scripts/setup installs it)"

compiles() {   # FILE: Lua 5.4 syntax
  if command -v luac5.4 >/dev/null; then luac5.4 -p "$1" 2>&1
  else lua5.4 -e 'assert(loadfile(arg[1]))' "$1" 2>&1; fi
}

# ---------------------------------------------------------------------------
# Extract the blocks: $tmp/blocks/NNN holds the text (fence indentation
# removed), $tmp/index one line per block: number, first line, info string.
# ---------------------------------------------------------------------------
if ! awk -v dir="$tmp/blocks" -v idx="$tmp/index" '
  !inb && match($0, /^ *```/) {
      ind = RLENGTH - 3; info = substr($0, RLENGTH + 1)
      gsub(/^[ \t]+|[ \t]+$/, "", info)
      n++; inb = 1; file = sprintf("%s/%03d", dir, n); printf "" > file
      printf "%03d\t%d\t%s\n", n, NR + 1, info > idx
      next
  }
  inb && /^ *```[ \t]*$/ { inb = 0; close(file); next }
  inb {
      line = $0
      if (ind > 0 && substr(line, 1, ind) ~ /^ *$/) line = substr(line, ind + 1)
      print line > file
  }
  END { if (inb) { print "unterminated code block" > "/dev/stderr"; exit 1 } }
' "$guide"; then
  fail "$guide: could not extract the code blocks"
  exit 1
fi
[ -s "$tmp/index" ] || { fail "$guide has no code blocks"; exit 1; }

# ---------------------------------------------------------------------------
# Checks shared by the kinds
# ---------------------------------------------------------------------------

# clean NAME WHERE: $work/NAME checks clean and plays to an ending with
# nobody acting; a copy is kept for one luacheck run over all of them at the
# end (one process instead of one per block). Returns 1 (after reporting)
# when it does not.
mkdir -p "$tmp/lint"
declare -A lintwhere
lints=0
clean() {
  local name=$1 where=$2
  if ! (cd "$work" && "$bh" check "$name") >"$tmp/out" 2>&1 || [ -s "$tmp/out" ]; then
    fail "$where: bulkhead check is not clean"; indent "$tmp/out"; return 1
  fi
  lints=$((lints + 1))
  local copy
  copy=$(printf '%03d_%s' "$lints" "$name")
  cp "$work/$name" "$tmp/lint/$copy"
  lintwhere[$copy]=$where
  if ! (cd "$work" && "$bh" run "$name" --plan empty.plan) >"$tmp/out" 2>"$tmp/err" ||
     [ -s "$tmp/err" ]; then
    fail "$where: playing it with nobody acting failed"; indent "$tmp/err"; return 1
  fi
  if ! grep -q ' ENDING ' "$tmp/out"; then
    fail "$where: playing it with nobody acting reached no ending"; return 1
  fi
  return 0
}

# on_base BLOCKFILE OUT: base.lua with the block appended, as $work/OUT.
on_base() {
  if grep -Eq 'fallback *= *true' "$1"; then
    grep -v 'guide: fallback' "$base" >"$work/$2"
  else
    cp "$base" "$work/$2"
  fi
  printf '\n' >>"$work/$2"
  cat "$1" >>"$work/$2"
}

# first_name BLOCKFILE EXT: NAME.EXT from a first line "-- NAME.EXT" or "# NAME.EXT".
first_name() {
  sed -n '1s/^\(--\|#\) *\([A-Za-z0-9_.-]*\.'"$2"'\) *$/\2/p' "$1"
}

# expected LIST ACTUAL WHERE: the lines of LIST (but "..." and blank lines)
# occur in ACTUAL in the same order.
expected() {
  awk -v want="$1" '
    BEGIN { while ((getline l < want) > 0) { sub(/[ \t]+$/, "", l)
              if (l != "..." && l != "") w[++n] = l } ; i = 1 }
    { sub(/[ \t]+$/, ""); if (i <= n && $0 == w[i]) i++ }
    END { if (i <= n) { print "missing (in order): " w[i]; exit 1 } }
  ' "$2"
}

# ---------------------------------------------------------------------------
# The blocks, in order
# ---------------------------------------------------------------------------
current=""        # the current scenario's file name in $work
last=""           # what the last block produced: plan | error
last_out="$tmp/last_out"
declare -A count broken
base_lines=$(wc -l <"$base")
frag=0
while IFS=$'\t' read -r num line info; do
  blk="$tmp/blocks/$num"
  where="$guide:$line ($info)"
  [ -n "$info" ] || info="(none)"
  prev=$last
  case "$info" in lua*|plan*) last="" ;; esac   # sh, json and text blocks in between keep it
  case "$info" in
  lua|"lua append"|"lua effect"|"lua condition"|"lua error"|"lua fragment")
    wrapped="$tmp/wrapped.lua"
    case "$info" in
      "lua effect") { echo "local function guide_hook(w)"; cat "$blk"; echo "end"; echo "return guide_hook"; } >"$wrapped" ;;
      "lua condition") { echo "local function guide_cond(w)"; cat "$blk"; echo "end"; echo "return guide_cond"; } >"$wrapped" ;;
      *) cp "$blk" "$wrapped" ;;
    esac
    if ! compiles "$wrapped" >"$tmp/out"; then
      fail "$where: does not compile"; indent "$tmp/out"; continue
    fi
    complete=0
    grep -Eq '^[[:space:]]*scenario[[:space:]]*\{' "$blk" && complete=1
    name=$(first_name "$blk" lua)
    case "$info" in
    lua)
      if [ $complete -eq 1 ]; then
        name=${name:-scenario.lua}
        cp "$blk" "$work/$name"
        current=$name
        unset "broken[$name]"
        if clean "$name" "$where"; then count[scenario]=$((${count[scenario]:-0} + 1))
        else broken[$name]=$where; fi
      elif [ -n "$name" ]; then
        cp "$blk" "$work/$name"            # a support file for include
        count[support]=$((${count[support]:-0} + 1))
      else
        frag=$((frag + 1))
        on_base "$blk" "fragment$frag.lua"
        clean "fragment$frag.lua" "$where [fragment$frag.lua:$((base_lines + 2)) is its first line]" &&
          count[fragment]=$((${count[fragment]:-0} + 1))
      fi ;;
    "lua append")
      if [ -z "$current" ]; then fail "$where: no complete scenario before it"; continue; fi
      first=$(($(wc -l <"$work/$current") + 2))
      printf '\n' >>"$work/$current"
      cat "$blk" >>"$work/$current"
      if [ -n "${broken[$current]:-}" ]; then
        fail "$where: not checked: $current is broken since ${broken[$current]}"; continue
      fi
      if clean "$current" "$where [appended: $current:$first is its first line]"; then count[append]=$((${count[append]:-0} + 1))
      else broken[$current]=$where; fi ;;
    "lua effect"|"lua condition")
      frag=$((frag + 1))
      if [ "$info" = "lua effect" ]; then
        { echo 'inject { id = "guide_effect", at = "0m", channel = "internal", title = "guide",'
          echo '         source = "fiction", effect = function(w)'
          cat "$blk"
          echo 'end }'; } >"$tmp/hook.lua"
      else
        { echo 'inject { id = "guide_condition", channel = "internal", title = "guide",'
          echo '         source = "fiction", when = function(w)'
          cat "$blk"
          echo 'end }'; } >"$tmp/hook.lua"
      fi
      on_base "$tmp/hook.lua" "fragment$frag.lua"
      clean "fragment$frag.lua" "$where [fragment$frag.lua:$((base_lines + 4)) is its first line]" && count[${info#lua }]=$((${count[${info#lua }]:-0} + 1)) ;;
    "lua error")
      if [ $complete -eq 1 ]; then
        name=${name:-broken.lua}
        cp "$blk" "$work/$name"
      else
        frag=$((frag + 1))
        name="fragment$frag.lua"
        on_base "$blk" "$name"
      fi
      (cd "$work" && "$bh" check "$name") >"$last_out" 2>&1
      rc=$?
      if [ $rc -eq 0 ]; then
        (cd "$work" && "$bh" run "$name" --plan empty.plan) >/dev/null 2>>"$last_out"
        rc=$?
      fi
      if [ $rc -eq 0 ]; then fail "$where: the broken example works"; continue; fi
      ok=1
      while IFS= read -r want; do
        [ -n "$want" ] || continue
        if ! grep -qF -- "$want" "$last_out"; then
          fail "$where: the output lacks \"$want\""; indent "$last_out"; ok=0
        fi
      done < <(sed -n 's/.*-- error: *\(.*[^ ]\) *$/\1/p' "$blk")
      [ $ok -eq 1 ] && count[error]=$((${count[error]:-0} + 1))
      last=error ;;
    "lua fragment")
      count[compiled]=$((${count[compiled]:-0} + 1)) ;;
    esac ;;
  plan|"plan error")
    pname=$(first_name "$blk" plan)
    pname=${pname:-guide.plan}
    cp "$blk" "$work/$pname"
    scn=$(sed -n 's/^scenario[[:space:]]\{1,\}\(.*[^[:space:]]\)[[:space:]]*$/\1/p' "$blk" | head -1)
    scn=${scn:-$current}
    if [ -z "$scn" ] || [ ! -f "$work/$scn" ]; then
      fail "$where: no scenario '${scn:-?}' from an earlier block to run it on"; continue
    fi
    if [ -n "${broken[$scn]:-}" ]; then
      fail "$where: not run: $scn is broken since ${broken[$scn]}"; continue
    fi
    (cd "$work" && "$bh" run "$scn" --plan "$pname") >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$info" = plan ]; then
      if [ $rc -ne 0 ] || [ -s "$tmp/err" ]; then
        fail "$where: bulkhead run $scn failed"; indent "$tmp/err"; continue
      fi
      want=$(sed -n 's/^# *expect-ending: *\([A-Za-z0-9_.-]*\).*/\1/p' "$blk" | head -1)
      got=$(sed -n 's/.* ENDING *\([A-Za-z0-9_.-]*\):.*/\1/p' "$tmp/out" | tail -1)
      if [ -n "$want" ] && [ "$got" != "$want" ]; then
        fail "$where: ended '$got', wanted '$want'"; continue
      fi
      cp "$tmp/out" "$last_out"
      last=plan
      count[plan]=$((${count[plan]:-0} + 1))
    else
      if [ $rc -eq 0 ]; then fail "$where: the plan was accepted"; continue; fi
      cat "$tmp/out" "$tmp/err" >"$last_out"
      ok=1
      while IFS= read -r want; do
        if ! grep -qF -- "$want" "$last_out"; then
          fail "$where: the output lacks \"$want\""; indent "$tmp/err"; ok=0
        fi
      done < <(sed -n 's/^# *error: *\(.*[^ ]\) *$/\1/p' "$blk")
      [ $ok -eq 1 ] && count[error]=$((${count[error]:-0} + 1))
      last=error
    fi ;;
  "text transcript"|"text output")
    need=plan
    [ "$info" = "text output" ] && need=error
    if [ "$prev" != "$need" ]; then
      fail "$where: must come right after a ${need/error/lua error or plan error} block"; continue
    fi
    if expected "$blk" "$last_out" >"$tmp/out"; then
      count[compared]=$((${count[compared]:-0} + 1))
    else
      fail "$where: not what the ${need/error/error block} printed"; indent "$tmp/out"
      echo "    actual:"; indent "$last_out"
    fi ;;
  sh)
    if bash -n "$blk" 2>"$tmp/out"; then count[sh]=$((${count[sh]:-0} + 1))
    else fail "$where: bash -n"; indent "$tmp/out"; fi ;;
  json)
    if python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$blk" 2>"$tmp/out"; then
      count[json]=$((${count[json]:-0} + 1))
    else fail "$where: not JSON"; indent "$tmp/out"; fi ;;
  text)
    count[text]=$((${count[text]:-0} + 1)) ;;
  *)
    fail "$where: unknown info string '$info' (see the list at the top of tests/guide.sh)" ;;
  esac
done <"$tmp/index"

# luacheck, once over every scenario state checked above
if [ $have_luacheck -eq 1 ] && [ $lints -gt 0 ]; then
  if (cd "$tmp/lint" && luacheck --config "$luacheckrc" --formatter plain --no-color -- *.lua) \
       >"$tmp/out" 2>&1; then
    pass "luacheck is clean on the $lints scenario states above"
  else
    : >"$tmp/seen"   # a finding in a tutorial step stays in every later step: report it once
    for copy in $(printf '%s\n' "${!lintwhere[@]}" | sort); do
      grep "^$copy:" "$tmp/out" | sed 's/^[0-9]*_//' | grep -vxFf "$tmp/seen" >"$tmp/fresh"
      if [ -s "$tmp/fresh" ]; then
        fail "${lintwhere[$copy]}: luacheck"; indent "$tmp/fresh"
        cat "$tmp/fresh" >>"$tmp/seen"
      fi
    done
    grep -q '^[0-9]*_' "$tmp/out" || { fail "luacheck did not run"; indent "$tmp/out"; }
  fi
fi

total=$(wc -l <"$tmp/index")
echo "     $total code blocks in $guide, by how they were checked:"
for k in scenario append fragment effect condition support error plan compared sh json compiled text; do
  printf '       %-10s %s\n' "$k" "${count[$k]:-0}"
done
for k in scenario append fragment effect plan; do
  [ "${count[$k]:-0}" -gt 0 ] || fail "no '$k' block passed: is the extraction broken?"
done

# ---------------------------------------------------------------------------
# The tutorial starts from `bulkhead new`: its skeleton checks clean.
# ---------------------------------------------------------------------------
mkdir "$tmp/new"
if (cd "$tmp/new" && "$bh" new ferry >/dev/null 2>&1 && "$bh" check ferry.lua) >"$tmp/out" 2>&1 &&
   [ ! -s "$tmp/out" ]; then pass "bulkhead new ferry checks clean, as the tutorial says"
else fail "bulkhead new ferry"; indent "$tmp/out"; fi

# ---------------------------------------------------------------------------
# The reference covers the engine: every declaration field and every w entry.
# ---------------------------------------------------------------------------
decl="$root/game/script/lh_decl.c"
world="$root/game/script/lh_world.c"
if [ -f "$decl" ] && [ -f "$world" ]; then
  missing=""
  for f in $(awk '/static const char \*const f\[\] *=/ { on = 1 }
                  on { while (match($0, /"[a-z_]+"/)) { print substr($0, RSTART + 1, RLENGTH - 2)
                                                         $0 = substr($0, RSTART + RLENGTH) } }
                  /NULL *}/ { on = 0 }' "$decl" | sort -u); do
    grep -qF "\`$f\`" "$guide" || missing="$missing $f"
  done
  for d in $(grep -o '{"[a-z]*", d_' "$decl" | sed 's/{"\([a-z]*\)".*/\1/') include; do
    grep -q "^### $d\$" "$guide" || missing="$missing ### $d"
  done
  for c in time meter system team flag random \
           $(grep -o '{"[a-z]*", w_' "$world" | sed 's/{"\([a-z]*\)".*/\1/'); do
    grep -qF "w.$c" "$guide" || missing="$missing w.$c"
  done
  if [ -z "$missing" ]; then pass "the guide names every declaration, field and w entry the engine has"
  else fail "the guide does not mention:$missing"; fi
else
  fail "cannot find $decl and $world to compare the reference with"
fi

[ "$fails" -eq 0 ] || { echo "$fails guide test(s) failed"; exit 1; }
echo "all guide tests passed"
