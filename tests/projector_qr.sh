#!/usr/bin/env bash
# The projector's join screen: a phone can scan it. Renders the page
# before play (ui_shots ... projector, which passes a join URL and a room
# code through rv_source) at 1280x720 and 1920x1080, 100% and 200% text,
# in every theme, and reads the QR code back from the picture with zbarimg:
# it must decode to the URL exactly. In the dark theme (the only pure white
# there is the code's own ground) it also measures the code: with its
# quiet zone it must be a square at least 40% of the screen's height, to
# scan from the back of a room.
# Usage: bash tests/projector_qr.sh PATH_TO_BULKHEAD   (from the repository root)
set -u
bh="$1"
shots="$(dirname "$bh")/ui_shots"
url="http://192.168.1.20:8417/?c=KQXT"   # what scripts/shots/ui_shots_proj.c passes
if ! command -v zbarimg >/dev/null || ! command -v convert >/dev/null; then
  echo "SKIP projector_qr: needs zbarimg (zbar-tools) and convert (imagemagick); scripts/setup installs them"
  exit 0
fi
if [ ! -x "$shots" ]; then echo "FAIL projector_qr: no $shots (build the ui_shots target)"; exit 1; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
for theme in dark light high_contrast; do
  for size in 1280x720 1920x1080; do
    for scale in 100 200; do
      what="$size $theme $scale%"
      if ! "$shots" "$tmp" "$size" "$theme" "$scale" projector >"$tmp/log" 2>&1; then
        fail "$what: ui_shots failed"; sed 's/^/    /' "$tmp/log" | head -5; continue
      fi
      bmp="$tmp/proj_before-$size-$theme-$scale.bmp"
      got=$(zbarimg -q --raw "$bmp" 2>/dev/null)
      if [ "$got" = "$url" ]; then pass "$what: the QR code reads back as $url"
      else fail "$what: the QR code reads back as '$got', not $url"; fi
      if [ "$theme" = dark ]; then
        read -r w h < <(convert "$bmp" -fill black +opaque "#ffffff" -trim -format "%w %h\n" info:)
        sh=${size#*x}
        if [ "$w" = "$h" ] && [ $((h * 100)) -ge $((sh * 40)) ]; then
          pass "$what: the code is ${w}x${h} px, $((h * 100 / sh))% of the height"
        else fail "$what: the code is ${w}x${h} px on a screen $sh high (needs a square of 40%)"; fi
      fi
      rm -f "$tmp"/*.bmp
    done
  done
done
[ "$fails" -eq 0 ] && echo "all passed" || echo "$fails failed"
[ "$fails" -eq 0 ]
