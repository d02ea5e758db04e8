#!/usr/bin/env bash
# Tenant provisioning and migration fan-out benchmark (issue: foundation, §8).
#
#   bench/tenants.sh [TENANTS] [PARALLELISM]      defaults: 500 tenants, parallelism = CPU count
#
# Provisions TENANTS tenants one after another in a scratch database, then fans one extra trivial
# tenant migration (bench/migrations/tenants) out across all of them. Each figure is printed next to
# a baseline measured in the same run (the same DDL sent straight over JDBC). The scratch database
# is dropped afterwards; results go to bench/results/tenants-*.json.
#
# Needs PostgreSQL (CRM_BENCH_PG_HOST/PORT/USER, default localhost:5432 as postgres) and a built
# crm-cli/target/crm.jar (built here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

TENANTS="${1:-500}"
PARALLEL="${2:-$(nproc)}"
HOST="${CRM_BENCH_PG_HOST:-localhost}"
PORT="${CRM_BENCH_PG_PORT:-5432}"
PGUSER_="${CRM_BENCH_PG_USER:-postgres}"
DB="crm_bench_tenants_$$"
JAR=crm-cli/target/crm.jar

[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package -pl crm-cli -am

cleanup() { psql -q -h "$HOST" -p "$PORT" -U "$PGUSER_" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true; }
trap cleanup EXIT

java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$JAR" bench/TenantBench.java \
  "jdbc:postgresql://$HOST:$PORT/$DB" "$PGUSER_" "$TENANTS" "$PARALLEL" bench/results bench/migrations/tenants
