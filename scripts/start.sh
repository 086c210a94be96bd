#!/usr/bin/env bash
# One command on a fresh machine: install, build, migrate, seed demo data (first start
# only) and serve the product. PGlite under ./.data unless DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-tools.sh
ensure_pnpm
install_packages
echo "› building"
pnpm exec turbo run build --output-logs=errors-only
exec node apps/api/dist/main.js
