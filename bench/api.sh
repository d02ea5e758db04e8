#!/usr/bin/env bash
# REST API throughput and latency benchmark (issue: crm-server, §8).
#
#   bench/api.sh [DURATION_SECONDS] [CONNECTIONS]      defaults: 30 s, 32 connections
#
# Starts crm-server on a scratch database, signs up a tenant, loads 10,000 companies, then drives with wrk:
#   1. GET /api/v1/companies/{id} (random ids of the tenant)
#   2. GET /api/v1/companies?filter=employees[gte]:N&order=name&limit=20 (a filtered list)
# and, in the same run on the same machine, `pgbench -S` (read-only primary-key selects) as the baseline.
# Reports requests/s, p50/p99 and the ratio to pgbench's tps, and the server's peak RSS under load.
# Targets (2 cores): GET by id >= 0.35 x pgbench -S tps; filtered list p99 < 50 ms; RSS < 512 MB.
# Results go to bench/results/api-*.json. Needs PostgreSQL (CRM_BENCH_PG_HOST/PORT/USER, default
# localhost:5432 as postgres), wrk and pgbench (installed with apt-get when missing and possible).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${1:-30}"
CONNECTIONS="${2:-32}"
THREADS="$(nproc)"
HOST="${CRM_BENCH_PG_HOST:-localhost}"
PORT="${CRM_BENCH_PG_PORT:-5432}"
PGUSER_="${CRM_BENCH_PG_USER:-postgres}"
DB="crm_bench_api_$$"
PGB_DB="crm_bench_pgbench_$$"
HTTP_PORT="${CRM_BENCH_HTTP_PORT:-18080}"
BASE="http://127.0.0.1:$HTTP_PORT"
JAR=crm-server/target/crm-server.jar
WORK="$(mktemp -d)"
SERVER_PID=""

need() {
  command -v "$1" >/dev/null 2>&1 && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
  else
    echo "ERROR: $1 is missing; install the Debian package $2" >&2
    exit 1
  fi
}
need wrk wrk
need pgbench postgresql-contrib
need python3 python3

psql_() { psql -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$PORT" -U "$PGUSER_" "$@"; }

cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  psql_ -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  psql_ -d postgres -c "DROP DATABASE IF EXISTS $PGB_DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package -pl crm-server -am

echo "== starting crm-server on a scratch database ($DB)"
CRM_DATABASE_URL="jdbc:postgresql://$HOST:$PORT/$DB" CRM_DATABASE_USER="$PGUSER_" \
  CRM_JWT_SECRET="bench-secret-bench-secret-bench-secret-0123" CRM_ACCESS_TOKEN_LIFETIME=2h \
  CRM_RATE_LIMIT_PER_MINUTE=0 CRM_STORAGE_URL="$WORK/storage" SERVER_PORT="$HTTP_PORT" \
  java -Xmx384m -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; echo "ERROR: the server did not start" >&2; exit 1; }
  sleep 1
done

echo "== signing up a tenant and loading 10,000 companies"
TOKEN="$(curl -fs -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench password 1","tenantName":"Bench"}' \
  "$BASE/api/v1/auth/signup" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"
for batch in $(seq 0 9); do
  python3 - "$batch" >"$WORK/batch.json" <<'PY'
import json, random, sys
b = int(sys.argv[1]); rnd = random.Random(b)
print(json.dumps({"records": [
    {"name": "Company %05d" % (b * 1000 + i), "domain": "c%05d.example" % (b * 1000 + i),
     "employees": rnd.randint(1, 10000)} for i in range(1000)]}))
PY
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data-binary @"$WORK/batch.json" "$BASE/api/v1/companies/bulk"
done
curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/companies?limit=200" \
  | python3 -c 'import json,sys; [print(r["id"]) for r in json.load(sys.stdin)["data"]]' >"$WORK/ids.txt"

cat >"$WORK/by-id.lua" <<LUA
local ids = {}
for line in io.lines("$WORK/ids.txt") do ids[#ids + 1] = line end
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function()
  return wrk.format("GET", "/api/v1/companies/" .. ids[math.random(#ids)])
end
LUA
cat >"$WORK/list.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function()
  return wrk.format("GET", "/api/v1/companies?filter=employees%5Bgte%5D%3A" .. math.random(1, 9990) .. "&order=name&limit=20")
end
LUA
cat >"$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
cat "$WORK/report.lua" >>"$WORK/by-id.lua"
cat "$WORK/report.lua" >>"$WORK/list.lua"

peak_rss=0
watch_rss() {
  while kill -0 "$SERVER_PID" 2>/dev/null; do
    awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null
    sleep 0.5
  done
}

run_wrk() { # name script -> "rps p50 p99 requests errors"
  echo "== wrk: $1 (${DURATION}s, $CONNECTIONS connections, $THREADS threads)" >&2
  wrk -t1 -c8 -d5s -s "$2" "$BASE" >/dev/null # warm-up (JIT, pools)
  watch_rss >"$WORK/rss-$1.txt" &
  local watcher=$!
  local out
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$2" "$BASE" | awk '/^RESULT/ {print $2, $3, $4, $5, $6}')"
  kill "$watcher" 2>/dev/null || true
  echo "$out"
}

BY_ID="$(run_wrk by-id "$WORK/by-id.lua")"
LIST="$(run_wrk list "$WORK/list.lua")"
RSS_KB="$(cat "$WORK"/rss-*.txt | sort -n | tail -1)"

echo "== pgbench -S baseline (scale 10, same connections and duration)"
psql_ -d postgres -c "CREATE DATABASE $PGB_DB" >/dev/null
pgbench -q -i -s 10 -h "$HOST" -p "$PORT" -U "$PGUSER_" "$PGB_DB" >/dev/null 2>&1
PGB_TPS="$(pgbench -S -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -h "$HOST" -p "$PORT" -U "$PGUSER_" "$PGB_DB" 2>/dev/null \
  | awk '/^tps/ {print $3; exit}')"

mkdir -p bench/results
RESULT="bench/results/api-$(date -u +%Y%m%dT%H%M%SZ).json"
python3 - "$BY_ID" "$LIST" "$PGB_TPS" "$RSS_KB" "$DURATION" "$CONNECTIONS" "$RESULT" <<'PY'
import json, sys
by_id, lst, pgb, rss_kb, duration, conns, path = sys.argv[1:]
def parse(s):
    rps, p50, p99, n, errors = s.split()
    return {"requestsPerSecond": float(rps), "p50Ms": float(p50), "p99Ms": float(p99),
            "requests": int(n), "errors": int(errors)}
pgb = float(pgb)
r = {"durationSeconds": int(duration), "connections": int(conns),
     "getById": parse(by_id), "filteredList": parse(lst), "pgbenchSelectTps": pgb,
     "peakRssMb": round(int(rss_kb) / 1024, 1)}
r["getById"]["ratioToPgbench"] = round(r["getById"]["requestsPerSecond"] / pgb, 3)
r["filteredList"]["ratioToPgbench"] = round(r["filteredList"]["requestsPerSecond"] / pgb, 3)
r["targets"] = {
    "getByIdRatio>=0.35": r["getById"]["ratioToPgbench"] >= 0.35,
    "filteredListP99<50ms": r["filteredList"]["p99Ms"] < 50,
    "peakRss<512MB": r["peakRssMb"] < 512}
json.dump(r, open(path, "w"), indent=2)
g, l = r["getById"], r["filteredList"]
print()
print("%-16s %10s %9s %9s %8s %7s" % ("", "req/s", "p50 ms", "p99 ms", "errors", "ratio"))
print("%-16s %10.0f %9.2f %9.2f %8d %7.3f" % ("GET by id", g["requestsPerSecond"], g["p50Ms"], g["p99Ms"], g["errors"], g["ratioToPgbench"]))
print("%-16s %10.0f %9.2f %9.2f %8d %7.3f" % ("filtered list", l["requestsPerSecond"], l["p50Ms"], l["p99Ms"], l["errors"], l["ratioToPgbench"]))
print("%-16s %10.0f" % ("pgbench -S tps", pgb))
print("peak RSS of the server under load: %.0f MB" % r["peakRssMb"])
for k, v in r["targets"].items():
    print("target %-22s %s" % (k, "met" if v else "MISSED"))
print("results:", path)
PY
