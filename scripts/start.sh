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
# A first start seeds the showcase beside the core demo, so every screen has something in it.
export SEED_SHOWCASE="${SEED_SHOWCASE:-true}"
# apps/api's start script holds the product's V8 heap flags: run exactly that command, from
# here (DATA_DIR is relative to this directory).
read -ra start <<<"$(node -p 'require("./apps/api/package.json").scripts.start')"
exec "${start[@]/#dist\//apps/api/dist/}"
