#!/usr/bin/env bash
# The browser build's end-to-end test (scripts/test.sh runs it after the plain suite): builds
# build/web (scripts/build-web.sh), takes the test's driver from npm (puppeteer-core, pinned by
# tests/web/package-lock.json) and plays the journey in Debian's headless Chromium on a phone
# viewport (tests/web/e2e.mjs). Screenshots of each step go to build/web-shots/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ensure_packages chromium
# Node.js and npm: the machine's own when it has them (a newer Node from elsewhere is fine),
# else Debian's.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  ensure_packages nodejs npm
fi
started=$SECONDS
bash scripts/build-web.sh
echo "== web build ($((SECONDS - started)) s)"
(cd tests/web && npm ci --no-audit --no-fund --loglevel=error)
node tests/web/e2e.mjs build/web build/web-shots
echo "== web end-to-end test passed ($((SECONDS - started)) s)"
