#!/usr/bin/env bash
# Extract the UI's tr() strings into resources/translations/*.ts, then compile the .qm files.
#
# Source strings are Chinese (zh_CN, the default language: it needs no .qm). For each other
# language a .ts lists every string; translate the new ones (pyside6-linguist or any editor)
# and run this again. Strings that vanished from the code are dropped.
set -euo pipefail
cd "$(dirname "$0")/.."

LANGUAGES=(en)
OUT=resources/translations
mkdir -p "$OUT"
mapfile -t SOURCES < <(find ui -name '*.py' -not -path '*/__pycache__/*' | sort)

for lang in "${LANGUAGES[@]}"; do
  ts="$OUT/suining_desk_${lang}.ts"
  uv run pyside6-lupdate "${SOURCES[@]}" -source-language zh_CN -target-language "$lang" \
    -locations relative -no-obsolete -ts "$ts"
  uv run pyside6-lrelease "$ts" -qm "$OUT/suining_desk_${lang}.qm"
done
