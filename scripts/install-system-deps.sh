#!/usr/bin/env bash
# Debian packages for the browser tests and the PDFs: Chromium (driven by Playwright), CJK fonts, pdftotext.
# `playwright install` cannot download browsers here, so Playwright drives Debian's chromium.
# `install-system-deps.sh fonts` installs only the CJK fonts, which the demo's charts and PDFs need (make run).
set -euo pipefail
need=()
if [ "${1:-}" != fonts ]; then
  command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# matplotlib keeps the fonts it found in a cache of its own: one written before the CJK fonts came would keep
# missing them (every chart then fails on its first Chinese glyph), so it is dropped and rebuilt on next use.
if [[ " ${need[*]} " == *" fonts-noto-cjk "* ]]; then
  rm -f "${MPLCONFIGDIR:-${XDG_CACHE_HOME:-$HOME/.cache}/matplotlib}"/fontlist-*.json
fi
