#!/usr/bin/env bash
# Installs what the tests need from Debian and not from npm: Chromium (browser tests; Playwright cannot
# download its own browser here), WebKitGTK's WebDriver with MiniBrowser and Xvfb (the WebKit tests, the
# engine of Safari on iPad and iPhone), the en_US and es_MX UTF-8 locales they run under, and PyTorch (the
# training smoke test). Does nothing when all are there.
set -euo pipefail

LOCALES=(en_US.UTF-8 es_MX.UTF-8)

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
[ -x /usr/bin/Xvfb ] || missing+=(xvfb)
command -v locale-gen >/dev/null || missing+=(locales)
/usr/bin/python3 -c 'import torch' 2>/dev/null || missing+=(python3-torch)

missing_locales=()
for l in "${LOCALES[@]}"; do
  locale -a 2>/dev/null | grep -qix "${l/UTF-8/utf8}" || missing_locales+=("$l")
done
[ ${#missing[@]} -eq 0 ] && [ ${#missing_locales[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages or locales: ${missing[*]} ${missing_locales[*]}" >&2
  echo "Install them as root, then run the tests again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]} locales" >&2
  echo "  and enable ${LOCALES[*]} in /etc/locale.gen, then: sudo locale-gen" >&2
  exit 1
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ${#missing_locales[@]} -gt 0 ]; then
  echo "Generating locales: ${missing_locales[*]}"
  for l in "${missing_locales[@]}"; do
    grep -q "^$l UTF-8" /etc/locale.gen || sed -i -E "s/^# ?($l UTF-8)/\1/" /etc/locale.gen
    grep -q "^$l UTF-8" /etc/locale.gen || echo "$l UTF-8" >>/etc/locale.gen
  done
  locale-gen >/dev/null
fi
