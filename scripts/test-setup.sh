#!/usr/bin/env bash
# Installs the Debian packages the test suite uses when they are missing (README, «Проверка»):
#   libreoffice-calc    opens the generated workbooks headless (xlsx → PDF, resave tests)
#   libreoffice-writer  converts the generated documents (.docx → PDF)
#   libxml2-utils       xmllint: the manifests against the XSD
#   poppler-utils       pdftoppm / pdftotext: PDF pages to PNG and text
#   chromium            the task pane end to end and the old-webview check (playwright-core)
#   fonts-dejavu-core   Cyrillic glyphs for LibreOffice and Chromium
# Needs root for apt-get; otherwise prints what to install and fails.
set -euo pipefail

# A package is present when dpkg says so; without dpkg (not Debian), by its command.
installed() {
  local package="$1" probe="$2"
  if command -v dpkg-query >/dev/null 2>&1; then
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"
  else
    eval "$probe" >/dev/null 2>&1
  fi
}

need=()
installed libreoffice-calc "command -v soffice" || need+=(libreoffice-calc)
installed libreoffice-writer "command -v soffice" || need+=(libreoffice-writer)
installed libxml2-utils "command -v xmllint" || need+=(libxml2-utils)
installed poppler-utils "command -v pdftoppm" || need+=(poppler-utils)
installed chromium "test -x /usr/bin/chromium" || need+=(chromium)
installed fonts-dejavu-core "test -d /usr/share/fonts/truetype/dejavu" || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "Для тестов нужны пакеты Debian: ${need[*]}. Установите: sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
  exit 1
fi
echo "== apt-get install ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
