#!/usr/bin/env bash
# Production dependencies against the npm advisory database: fails on any high or critical
# advisory. Where the advisory endpoint cannot be reached (some build machines' registry
# mirrors refuse it), says so and passes, unless AUDIT_REQUIRED=1.
set -uo pipefail
cd "$(dirname "$0")/.."
output="$(pnpm audit --prod --audit-level high 2>&1)"
status=$?
echo "$output"
if [ $status -ne 0 ] && grep -qE "ERR_PNPM_AUDIT_BAD_RESPONSE|ERR_PNPM_AUDIT_ENDPOINT|ENOTFOUND|ECONNREFUSED|ETIMEDOUT" <<<"$output"; then
  echo "› audit: the advisory database did not answer; dependencies NOT checked here"
  [ "${AUDIT_REQUIRED:-0}" = "1" ] && exit 1
  exit 0
fi
exit $status
