#!/usr/bin/env bash
# The browser tests drive Debian's chromium through playwright-core (no browser download).
# Install it when it is missing and we may (root, apt-get present); otherwise say how.
set -u
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installerar Debians chromium för webbläsartesterna …" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) && exit 0
fi
echo "chromium saknas: installera det med 'apt-get install chromium' (webbläsartesterna behöver /usr/bin/chromium)." >&2
exit 0
