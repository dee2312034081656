#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (browser downloads are not possible here).
# Installs it when missing and we may (root with apt-get); otherwise says how.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests (apt-get install chromium)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium: sudo apt-get install -y chromium" >&2
exit 1
