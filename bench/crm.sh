#!/usr/bin/env bash
# CRM core at scale: list, search, CSV import and custom fields on one big tenant (issue 3, section 10).
#
#   bench/crm.sh [PEOPLE] [COMPANIES] [IMPORT_ROWS] [RUNS]
#       defaults: 1000000 people, 100000 companies, IMPORT_ROWS = PEOPLE, 50 runs per list figure
#
# Seeds one tenant of a scratch database with realistic people and companies (set-based SQL), then reports,
# each next to a baseline measured in the same run where there is one:
#   list page 1 and page 1000 (filter + sort, keyset cursor) vs the same page by hand-written keyset SQL (<= 2x);
#   search p95 over names, a Russian name, typos, partial emails and phones in several formats (<= 50 ms);
#   CSV import of IMPORT_ROWS people into a fresh tenant vs a raw COPY of the same file (<= 3x), and its heap;
#   adding a custom field to the big person table (< 1 s, no table rewrite).
# The scratch database is dropped afterwards; results go to bench/results/crm-*.json.
#
# Needs PostgreSQL (CRM_BENCH_PG_HOST/PORT/USER, default localhost:5432 as postgres) and a built
# crm-cli/target/crm.jar (built here when missing; CRM_BENCH_JAR points at another build). The JVM heap is
# capped (CRM_BENCH_HEAP, default 256m) so the import proves its memory stays flat.
set -euo pipefail
cd "$(dirname "$0")/.."

PEOPLE="${1:-1000000}"
COMPANIES="${2:-100000}"
IMPORT_ROWS="${3:-$PEOPLE}"
RUNS="${4:-50}"
HOST="${CRM_BENCH_PG_HOST:-localhost}"
PORT="${CRM_BENCH_PG_PORT:-5432}"
PGUSER_="${CRM_BENCH_PG_USER:-postgres}"
HEAP="${CRM_BENCH_HEAP:-256m}"
DB="crm_bench_core_$$"
JAR="${CRM_BENCH_JAR:-crm-cli/target/crm.jar}"

[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package -pl crm-cli -am

cleanup() { psql -q -h "$HOST" -p "$PORT" -U "$PGUSER_" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true; }
trap cleanup EXIT

java -Xmx"$HEAP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$JAR" bench/CrmBench.java \
  "jdbc:postgresql://$HOST:$PORT/$DB" "$PGUSER_" "$PEOPLE" "$COMPANIES" "$IMPORT_ROWS" "$RUNS" bench/results
