#!/usr/bin/env bash
# The install layout (notes/layout-install.md): `cmake --install` the build
# that $1 belongs to into a temporary prefix, move that tree elsewhere so
# that any path compiled in would break, and play the tutorial from there
# with the working directory outside the checkout: headless (`run`, whose
# transcript must match the golden one) and the game itself under SDL's
# dummy driver (title screen, `play`, and resuming a session). Then no installed file may name
# the source folder, the build folder or the prefix it was installed to.
# Usage: bash tests/install.sh PATH_TO_BULKHEAD   (from the repository root)
set -u
bh="$1"
src=$(cd "$(dirname "$0")/.." && pwd -P)
build=$(cd "$(dirname "$bh")" && pwd -P)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }
show() { sed 's/^/    /' "$@" | head -20; }

if ! cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/log" 2>&1; then
  fail "cmake --install"; show "$tmp/log"
  exit 1
fi
pass "cmake --install"
mv "$tmp/prefix" "$tmp/moved"
root="$tmp/moved"

# What gets installed where. The module's folder follows GNUInstallDirs'
# LIBDIR (lib, or lib/<multiarch> for the prefix /usr).
for f in bin/bulkhead share/bulkhead/assets/themes/dark.theme \
         share/bulkhead/scenarios/tutorial.lua share/bulkhead/scenarios/tutorial_texts.lua \
         share/bulkhead/scenarios/README.md share/bulkhead/scenarios/api/bulkhead.lua \
         share/bulkhead/scenarios/.luacheckrc share/applications/bulkhead.desktop \
         share/icons/hicolor/scalable/apps/bulkhead.svg; do
  [ -f "$root/$f" ] && pass "installed $f" || fail "installed $f"
done
if ! command -v desktop-file-validate >/dev/null; then
  fail "desktop-file-validate is missing: run scripts/setup"
elif desktop-file-validate "$root/share/applications/bulkhead.desktop" >"$tmp/out" 2>&1; then
  pass "the .desktop entry is valid"
else
  fail "the .desktop entry is valid"; show "$tmp/out"
fi
module=$(cd "$root" && find . -path '*/bulkhead/libbhgame.so' -printf '%P\n')
case "$module" in
  lib*/bulkhead/libbhgame.so) pass "installed $module" ;;
  *) fail "the game module under lib*/bulkhead/ (found: '$module')" ;;
esac

# Everything runs from folders outside the checkout, with a home of our own.
mkdir -p "$tmp/home" "$tmp/work"
cp "$src/tests/plans/tutorial_expert.plan" "$tmp/work/"
export HOME="$tmp/home"
unset XDG_DATA_HOME

# Headless: the transcript names the scenario as given, so run from the
# installed data folder to match the golden one byte for byte.
if (cd "$root/share/bulkhead" &&
    ../../bin/bulkhead run scenarios/tutorial.lua --plan "$tmp/work/tutorial_expert.plan") \
    >"$tmp/transcript" 2>"$tmp/err"; then
  if cmp -s "$tmp/transcript" "$src/tests/plans/tutorial_expert.transcript"; then
    pass "installed run matches the golden transcript"
  else
    fail "installed run differs from the golden transcript"
    diff "$src/tests/plans/tutorial_expert.transcript" "$tmp/transcript" | show
  fi
else
  fail "installed run"; show "$tmp/err"
fi

# The game under the dummy driver, one frame. The title screen lists the
# player's folder, which it makes: under XDG_DATA_HOME, else ~/.local/share.
game=(env SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy BULKHEAD_QUIT_AFTER_FRAMES=1)
game_ok() { # NAME command...
  local name="$1"
  shift
  if (cd "$tmp/work" && timeout 20 "$@") >"$tmp/out" 2>&1; then pass "$name"; else
    fail "$name"; show "$tmp/out"
  fi
}
game_ok "installed game: title screen" \
  "${game[@]}" XDG_DATA_HOME="$tmp/xdg" "$root/bin/bulkhead" --data-dir "$tmp/data" --software
[ -d "$tmp/xdg/bulkhead/scenarios" ] && pass "the player's folder is made under XDG_DATA_HOME" ||
  fail "the player's folder is made under XDG_DATA_HOME"
game_ok "installed game: title screen, XDG_DATA_HOME unset" \
  "${game[@]}" "$root/bin/bulkhead" --data-dir "$tmp/data" --software
[ -d "$tmp/home/.local/share/bulkhead/scenarios" ] &&
  pass "the player's folder is made under ~/.local/share" ||
  fail "the player's folder is made under ~/.local/share"
game_ok "installed game: play the installed tutorial" \
  "${game[@]}" XDG_DATA_HOME="$tmp/xdg" "$root/bin/bulkhead" \
  play "$root/share/bulkhead/scenarios/tutorial.lua" --data-dir "$tmp/data" --software
# A session resumed in the installed game: it writes the clock file beside
# the journal only once it has loaded the scenario and replayed the journal.
if "$root/bin/bulkhead" run "$root/share/bulkhead/scenarios/tutorial.lua" \
     --plan "$tmp/work/tutorial_expert.plan" --journal "$tmp/work/s.journal" >/dev/null 2>"$tmp/err"; then
  game_ok "installed game: resume a session of the installed tutorial" \
    "${game[@]}" XDG_DATA_HOME="$tmp/xdg" "$root/bin/bulkhead" \
    play --resume "$tmp/work/s.journal" --data-dir "$tmp/data" --software
  [ -f "$tmp/work/s.journal.clock" ] && pass "the resumed session replayed" ||
    { fail "the resumed session replayed"; show "$tmp/out"; }
else
  fail "installed run --journal"; show "$tmp/err"
fi

# Without its module and data beside it, the installed executable says
# where it looked instead of crashing.
mkdir -p "$tmp/alone/bin"
cp "$root/bin/bulkhead" "$tmp/alone/bin/"
if (cd "$tmp/work" && "${game[@]}" "$tmp/alone/bin/bulkhead" --data-dir "$tmp/data") \
    >"$tmp/out" 2>&1; then
  fail "a lone executable fails"
elif grep -q "cannot find the game's files" "$tmp/out" &&
     grep -qF "$tmp/alone/bin/../share/bulkhead/scenarios" "$tmp/out"; then
  pass "a lone executable says where it looked"
else
  fail "a lone executable says where it looked"; show "$tmp/out"
fi

# No installed file names the folders it was built from or installed to.
# GCC's sanitizers write each source file's path into the binary for their
# reports, and -ffile-prefix-map does not reach those (a known gap, in
# clang too), so a sanitized build, which is never installed for real, is
# checked for the build folder and the prefix only.
paths=("$src" "$build" "$tmp/prefix")
if grep -qE '^BH_(SANITIZE|FUZZ):BOOL=ON' "$build/CMakeCache.txt"; then
  printf 'skip no installed file names %s (sanitizer build: source paths in its reports)\n' "$src"
  paths=("$build" "$tmp/prefix")
fi
for p in "${paths[@]}"; do
  hits=$(grep -rlF -- "$p" "$root")
  [ -z "$hits" ] && pass "no installed file names $p" ||
    { fail "installed files name $p"; echo "$hits" | show; }
done

if [ "$fails" -ne 0 ]; then
  echo "$fails install test(s) failed"
  exit 1
fi
echo "all install tests passed"
