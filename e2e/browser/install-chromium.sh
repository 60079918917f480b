#!/usr/bin/env bash
# The console's browser tests drive Debian's Chromium through its ChromeDriver. The build runs this before
# them: it installs both, and a font with Chinese glyphs for the zh pages, where they are missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-zenhei)
if [ ${#need[@]} -eq 0 ]; then
  echo "browser tests: $(chromium --version 2>/dev/null | head -1), $(chromedriver --version 2>/dev/null | head -1)"
  exit 0
fi
echo "browser tests: installing ${need[*]} from Debian's packages"
as_root=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "installing ${need[*]} needs root (or sudo): apt-get install ${need[*]}"; exit 1; }
  as_root=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${need[@]}"
chromium --version
chromedriver --version
