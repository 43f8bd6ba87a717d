#!/usr/bin/env bash
# Every test: unit (Node), components (Chromium), build (dist/) and end-to-end (the served app in Chromium).
# Extra arguments go to vitest, e.g. `npm test -- --project unit`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run build
mkdir -p test-results
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@"
