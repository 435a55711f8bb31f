#!/usr/bin/env bash
# Installs the Debian packages the test suite uses when they are missing: LibreOffice Calc
# (opens the generated workbooks headless), xmllint (manifest schema check), poppler-utils
# (PDF pages to PNG), Chromium (the task pane end to end). Needs root for apt-get; otherwise prints what to install.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "Для тестов нужны пакеты Debian: ${need[*]}. Установите: sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
  exit 1
fi
echo "== apt-get install ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
