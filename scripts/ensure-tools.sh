# Sourced by the start and test scripts: puts the pinned pnpm on PATH (a fresh machine has
# only Node and npm) and, when asked, Debian's Chromium for the browser tests and PgBouncer.
PNPM_VERSION=12.4.2
export TURBO_TELEMETRY_DISABLED=1

ensure_pnpm() {
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    echo "› installing pnpm@$PNPM_VERSION with npm"
    npm install -g "pnpm@$PNPM_VERSION" >/dev/null
  fi
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  if [ "$(id -u)" != "0" ]; then
    echo "Chromium is missing: run 'sudo apt-get install -y chromium' once, then again." >&2
    exit 1
  fi
  echo "› installing Debian's chromium for the browser tests"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

ensure_pgbouncer() {
  if [ -x /usr/sbin/pgbouncer ]; then return; fi
  if [ "$(id -u)" != "0" ]; then
    echo "PgBouncer is missing: run 'sudo apt-get install -y pgbouncer' once, then again." >&2
    exit 1
  fi
  echo "› installing Debian's pgbouncer for the pass through the pooler"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null
  # Debian starts its own on 6432; ours run per test on free ports
  service pgbouncer stop >/dev/null 2>&1 || true
}

install_packages() {
  echo "› pnpm install"
  pnpm install --frozen-lockfile --reporter=append-only | tail -n 3
}
