#!/usr/bin/env bash
# Every test anguan has: typecheck, lint, unit + integration (vitest), then end to end in Chromium
# against the built app. Ends with one summary line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
results=test-results
rm -rf "$results" && mkdir -p "$results"

pnpm install --frozen-lockfile
bash scripts/ensure-chromium.sh
pnpm typecheck
pnpm lint
# Both suites run even when the first fails, so one run shows every failure; the summary decides the exit code.
unit=0
pnpm vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json" || unit=$?
pnpm build
e2e=0
PLAYWRIGHT_JSON_OUTPUT_FILE="$PWD/$results/playwright.json" \
  pnpm --filter @anguan/web exec playwright test --reporter=list,json || e2e=$?
node scripts/summarize-tests.mjs "$results/vitest.json" "$results/playwright.json"
[ "$unit" = 0 ] && [ "$e2e" = 0 ]
