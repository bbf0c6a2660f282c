#!/bin/bash
# The official postgres image's entrypoint, reduced to what orderflow uses: initdb on an empty PGDATA with
# POSTGRES_USER/POSTGRES_PASSWORD, the init scripts run against a temporary server, then the real server.
set -euo pipefail
[[ "${1:-postgres}" == "postgres" ]] || exec "$@"
shift || true
user="${POSTGRES_USER:-postgres}"
if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  mkdir -p "$PGDATA"; chmod 700 "$PGDATA"
  initdb -D "$PGDATA" -U "$user" --pwfile=<(printf '%s\n' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}") \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  printf 'host all all all scram-sha-256\n' >> "$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -k /var/run/postgresql" -w start
  if [[ -n "${POSTGRES_DB:-}" && "$POSTGRES_DB" != "$user" ]]; then
    psql -h /var/run/postgresql -U "$user" -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$POSTGRES_DB\"" >/dev/null
  fi
  psql -h /var/run/postgresql -U "$user" -d postgres -v ON_ERROR_STOP=1 -c "SELECT 1" >/dev/null
  for f in /docker-entrypoint-initdb.d/*.sql; do
    [[ -f "$f" ]] && psql -h /var/run/postgresql -U "$user" -d postgres -v ON_ERROR_STOP=1 -f "$f"
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -k /var/run/postgresql "$@"
