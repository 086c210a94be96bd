#!/usr/bin/env bash
# Lets pg_basebackup (the replica tests) stream from the local PostgreSQL: appends a loopback
# replication line to its pg_hba.conf when missing and reloads. Idempotent.
set -euo pipefail
PSQL=(psql -h 127.0.0.1 -U postgres -d postgres -Atc)
hba=$("${PSQL[@]}" 'show hba_file')
line='host replication all 127.0.0.1/32 trust'
if ! grep -qxF "$line" "$hba"; then
  echo "$line" >>"$hba"
  "${PSQL[@]}" 'select pg_reload_conf()' >/dev/null
fi
