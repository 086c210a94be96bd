#!/usr/bin/env bash
# Every test: domain and API unit tests, integration tests (PGlite, or the PostgreSQL
# server of DATABASE_URL with a fresh database per test file) and the Playwright browser
# tests against the built app. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-tools.sh
ensure_pnpm
ensure_chromium
install_packages
rm -rf .test-results && mkdir -p .test-results

echo "› building"
pnpm exec turbo run build --output-logs=errors-only

status=0
echo "› unit and integration tests ($([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo PGlite))"
pnpm exec turbo run test --output-logs=full --concurrency=1 || status=1

echo "› browser tests"
if [ -n "${DATABASE_URL:-}" ]; then
  # The browser tests get a database of their own on the same server.
  e2e_database="$(pnpm --filter @tessera/api exec tsx scripts/create-database.ts "$DATABASE_URL")"
  DATABASE_URL="$e2e_database" pnpm --filter @tessera/web e2e || status=1
  pnpm --filter @tessera/api exec tsx scripts/create-database.ts --drop "$e2e_database" || true
else
  pnpm --filter @tessera/web e2e || status=1
fi

node scripts/summarize-tests.mjs .test-results || status=1
# The browser tests' screenshots of the main pages (e2e/zz-screenshots.spec.ts), for review.
[ -d .test-results/screenshots ] && echo "› screenshots: $(pwd)/.test-results/screenshots"
exit $status
