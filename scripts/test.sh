#!/usr/bin/env bash
# npm test: typecheck, lint, Vitest (PGlite; also PostgreSQL when TEST_DATABASE_URL is set), then Playwright e2e
# in Debian Chromium against a production build. Per-suite JSON results land in .test-summary/.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "Chromium not found at $chromium: run 'apt-get install -y chromium' (Debian) or set CHROMIUM_PATH." >&2
  exit 1
fi

if ! command -v oathtool >/dev/null 2>&1; then
  echo "oathtool not found: run 'apt-get install -y oathtool' (Debian). The TOTP tests check our codes against it." >&2
  exit 1
fi

summary=.test-summary
mkdir -p "$summary"
label="${TEST_LABEL:-pglite}"

echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint . --max-warnings=0
echo "== vitest ($label)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$summary/vitest-$label.json"

echo "== build"
if [ -z "${SKIP_BUILD:-}" ]; then NEXT_TELEMETRY_DISABLED=1 npx next build >/tmp/stepwise-build.log 2>&1 || { cat /tmp/stepwise-build.log; exit 1; }; fi

echo "== e2e ($label)"
export E2E_PORT="${E2E_PORT:-$(node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')}"
PLAYWRIGHT_JSON_OUTPUT_NAME="$summary/e2e-$label.json" npx playwright test
node scripts/sum-results.mjs "$summary" | sed "s/^/Summary: /"
