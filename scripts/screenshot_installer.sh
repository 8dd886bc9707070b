#!/usr/bin/env bash
# The README's picture of the installer: dist/…-setup.exe under Wine on Xvfb, its second page
# (the per-user install folder), saved as docs/screenshots/installer.png.
# Needs: scripts/build-windows first; apt-get install wine wine64 wine32:i386 xvfb xdotool
set -euo pipefail
cd "$(dirname "$0")/.."
setup=$(ls dist/SuiningDesk-*-win64-setup.exe | tail -1)
work=$(mktemp -d)
export WINEPREFIX="$work/prefix" HOME="$work" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" DISPLAY=:78
Xvfb :78 -screen 0 800x600x24 >/dev/null 2>&1 &
xvfb=$!
trap 'wineserver -k 2>/dev/null || true; kill "$xvfb"; rm -rf "$work"' EXIT
wineboot -i >/dev/null 2>&1
# Wine's dialog fonts have no Chinese: let the WenQuanYi font (fonts-wqy-microhei) stand in.
for font in "MS Shell Dlg" "MS Shell Dlg 2" "Tahoma" "SimSun" "Microsoft YaHei"; do
  wine reg add 'HKCU\Software\Wine\Fonts\Replacements' /v "$font" /t REG_SZ /d "WenQuanYi Micro Hei" /f \
    </dev/null >/dev/null 2>&1
done
wineserver -w
LANG=zh_CN.UTF-8 wine "$setup" </dev/null >/dev/null 2>&1 &
sleep 20
xdotool key Return   # 下一步: the install-folder page
sleep 5
uv run --frozen python -c "
from PIL import ImageGrab
shot = ImageGrab.grab(xdisplay='$DISPLAY')
box = shot.convert('L').point(lambda v: 255 if v > 10 else 0).getbbox()  # the dialog on the black screen
shot.crop(box).save('docs/screenshots/installer.png', optimize=True)
print('saved docs/screenshots/installer.png', box)
"
