#!/usr/bin/env bash
# Tenant backup and restore vs pg_dump / pg_restore (issue: backups, benchmark).
#
#   bench/backup.sh [SIZE_MB]      default 1024; env RUNS (default 3) runs per figure, median reported
#
# Fills one tenant of a scratch database with realistic CRM data (bench/backup-seed.sql: companies, people,
# opportunities, tasks, notes, their links and timeline events; triggers on, so search_doc is real) until the
# tenant schema (tables + indexes) holds SIZE_MB, then times, in this order and in the same run:
#   pg_dump -Fc -n <schema> to a file                              (baseline for backup)
#   crm backup create to a fresh file repository                   (target <= 1.0x pg_dump)
#   crm backup create to a fresh prefix of an S3-compatible store  (target <= 1.0x pg_dump)
#   pg_restore of that dump into a fresh database                  (baseline for restore; the database is a copy of
#                                                                   one migrated by crm, so pg_trgm is there)
#   crm restore <id> --force from the file repository              (target <= 1.0x pg_restore)
#   crm restore <id> --force from the S3 store                     (target <= 1.0x pg_restore)
# Wall times include process start (a JVM for crm). MB/s is the tenant's data size (heap + TOAST of its tables)
# over the median time. The S3 store is S3Proxy over a filesystem directory (bench/S3ProxyLauncher.java, run on
# crm-core's test class path), started here and stopped on exit. Scratch databases and files are removed on exit;
# results go to bench/results/backup-*.json.
#
# Needs PostgreSQL (CRM_BENCH_PG_HOST/PORT/USER, default localhost:5432 as postgres), pg_dump/pg_restore of the
# server's major version, python3, and a built crm-cli/target/crm.jar (built here when missing; CRM_BENCH_JAR
# points at another build). CRM_BENCH_TMP chooses where dumps and repositories go (default: mktemp -d).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB="${1:-1024}"
RUNS="${RUNS:-3}"
HOST="${CRM_BENCH_PG_HOST:-localhost}"
PORT="${CRM_BENCH_PG_PORT:-5432}"
PGUSER_="${CRM_BENCH_PG_USER:-postgres}"
DB="crm_bench_backup_$$"
TEMPLATE_DB="${DB}_template"
RESTORE_DB="${DB}_pgrestore"
SLUG="bench-backup"
JAR="${CRM_BENCH_JAR:-crm-cli/target/crm.jar}"
WORK="$(mktemp -d "${CRM_BENCH_TMP:-${TMPDIR:-/tmp}}/crm-bench-backup.XXXXXX")"
S3_BUCKET="crm-bench"
S3_KEY="bench-access"
S3_SECRET="bench-secret"
S3_PID=""

psql_() { psql -q -X -v ON_ERROR_STOP=1 -h "$HOST" -p "$PORT" -U "$PGUSER_" "$@"; }
drop_db() { psql_ -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null 2>&1 || true; }

cleanup() {
  if [ -n "$S3_PID" ]; then kill "$S3_PID" 2>/dev/null && wait "$S3_PID" 2>/dev/null || true; fi
  drop_db "$DB"
  drop_db "$RESTORE_DB"
  psql_ -d postgres -c "ALTER DATABASE $TEMPLATE_DB IS_TEMPLATE false" >/dev/null 2>&1 || true
  drop_db "$TEMPLATE_DB"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap "exit 130" INT TERM

for tool in pg_dump pg_restore psql python3; do
  command -v "$tool" >/dev/null || { echo "ERROR: $tool is missing" >&2; exit 1; }
done
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package -pl crm-cli -am

crm() { # runs the CLI against the bench database
  CRM_DATABASE_URL="jdbc:postgresql://$HOST:$PORT/${CRM_DB:-$DB}" CRM_DATABASE_USER="$PGUSER_" \
    java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$JAR" "$@"
}
now_ns() { date +%s%N; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# ----------------------------------------------------------------------------------------------------------------
echo "== scratch database $DB, tenant $SLUG"
drop_db "$DB"
crm tenant create "$SLUG" -o json >"$WORK/tenant.json"
SCHEMA="$(crm tenant show "$SLUG" -o json | json 'd["schema"]')"
# an empty database as crm migrates it (control schema, pg_trgm): what pg_restore restores into
CRM_DB="$TEMPLATE_DB" crm migrate up -o json >/dev/null
psql_ -d postgres -c "ALTER DATABASE $TEMPLATE_DB IS_TEMPLATE true" >/dev/null

echo "== filling schema $SCHEMA to ${SIZE_MB} MB (tables + indexes)"
SIZE_SQL="select coalesce(sum(pg_total_relation_size(oid)), 0) from pg_class
           where relnamespace = '\"$SCHEMA\"'::regnamespace and relkind = 'r'"
target=$((SIZE_MB * 1024 * 1024))
first=1
units=200 # the first batch measures the bytes per unit; later ones aim at the target, at most ~100 MB each
fill_start=$(now_ns)
while :; do
  PGOPTIONS="-c search_path=\"$SCHEMA\",public" psql_ -d "$DB" -v first="$first" -v units="$units" \
    -f bench/backup-seed.sql >/dev/null
  first=$((first + units))
  size=$(psql_ -d "$DB" -tAc "$SIZE_SQL")
  printf '   %6d units, %6d MB\n' $((first - 1)) $((size >> 20))
  [ "$size" -ge "$target" ] && break
  per_unit=$((size / (first - 1)))
  units=$(((target - size) / per_unit + 1))
  [ "$units" -gt 2000 ] && units=2000
  [ "$units" -lt 10 ] && units=10
done
psql_ -d "$DB" -c "VACUUM (ANALYZE)" >/dev/null
fill_ms=$((($(now_ns) - fill_start) / 1000000))
psql_ -d "$DB" -tA -F ' ' -c "select relname, n_live_tup, pg_table_size(relid), pg_indexes_size(relid)
    from pg_stat_user_tables where schemaname = '$SCHEMA' order by pg_total_relation_size(relid) desc" \
  >"$WORK/tables.txt"
TOTAL_BYTES=$(psql_ -d "$DB" -tAc "$SIZE_SQL")
DATA_BYTES=$(psql_ -d "$DB" -tAc "select sum(pg_table_size(oid)) from pg_class
           where relnamespace = '\"$SCHEMA\"'::regnamespace and relkind = 'r'")
echo "   schema $((TOTAL_BYTES >> 20)) MB (tables + indexes), data $((DATA_BYTES >> 20)) MB (heap + TOAST), filled in $((fill_ms / 1000)) s"

# ----------------------------------------------------------------------------------------------------------------
echo "== starting S3Proxy (filesystem store)"
CP_FILE="$WORK/s3proxy.classpath"
./mvnw -B -q -o dependency:build-classpath -pl crm-core -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" \
  >/dev/null 2>&1 || ./mvnw -B -q dependency:build-classpath -pl crm-core -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE" >/dev/null
java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(cat "$CP_FILE")" bench/S3ProxyLauncher.java \
  "$WORK/s3" "$S3_BUCKET" "$S3_KEY" "$S3_SECRET" >"$WORK/s3proxy.log" 2>&1 &
S3_PID=$!
for _ in $(seq 1 120); do
  grep -qs "^S3PROXY_PORT " "$WORK/s3proxy.log" && break
  kill -0 "$S3_PID" 2>/dev/null || { cat "$WORK/s3proxy.log"; echo "ERROR: S3Proxy did not start" >&2; exit 1; }
  sleep 0.5
done
S3_PORT="$(awk '/^S3PROXY_PORT / {print $2}' "$WORK/s3proxy.log")"
[ -n "$S3_PORT" ] || { echo "ERROR: S3Proxy did not report its port" >&2; exit 1; }
export CRM_BACKUP_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" CRM_BACKUP_S3_REGION=us-east-1 \
  CRM_BACKUP_S3_PATH_STYLE=true CRM_BACKUP_S3_ACCESS_KEY="$S3_KEY" CRM_BACKUP_S3_SECRET_KEY="$S3_SECRET" \
  CRM_BACKUP_S3_CHECKSUM_WHEN_REQUIRED=true

# ----------------------------------------------------------------------------------------------------------------
# Each measured command appends its wall time in ms to $WORK/<figure>.ms
timed() { # figure command... ; the command's stdout goes to $WORK/<figure>.out
  local figure=$1 t0 t1
  shift
  t0=$(now_ns)
  "$@" >"$WORK/$figure.out"
  t1=$(now_ns)
  echo $(((t1 - t0) / 1000000)) >>"$WORK/$figure.ms"
  awk -v f="$figure" -v n="$(wc -l <"$WORK/$figure.ms")" -v ms=$(((t1 - t0) / 1000000)) \
    'BEGIN { printf "   %-14s run %d: %8.2f s\n", f, n, ms / 1000 }'
}
repo_bytes() { du -sb "$1" | cut -f1; }

echo "== crm --version: the JVM start every crm figure includes; $RUNS runs"
for i in $(seq 1 "$RUNS"); do timed crm-start crm --version; done

echo "== backup: pg_dump -Fc -n $SCHEMA, crm backup create (file, S3); $RUNS runs each"
for i in $(seq 1 "$RUNS"); do
  rm -f "$WORK/dump.pgdump"
  timed pg_dump pg_dump -Fc -n "$SCHEMA" -h "$HOST" -p "$PORT" -U "$PGUSER_" -d "$DB" -f "$WORK/dump.pgdump"
done
for i in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/repo"
  timed backup-file crm backup create --tenant "$SLUG" --repo "file://$WORK/repo" -o json
done
for i in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/s3/$S3_BUCKET/run-$((i - 1))" # the previous run's prefix: a fresh prefix per run
  timed backup-s3 crm backup create --tenant "$SLUG" --repo "s3://$S3_BUCKET/run-$i" -o json
done
FILE_ID="$(json 'd[0]["backupId"]' <"$WORK/backup-file.out")"
S3_ID="$(json 'd[0]["backupId"]' <"$WORK/backup-s3.out")"
S3_PREFIX="s3://$S3_BUCKET/run-$RUNS"
DUMP_BYTES=$(stat -c %s "$WORK/dump.pgdump")
REPO_BYTES=$(repo_bytes "$WORK/repo")

echo "== restore: pg_restore into a fresh database, crm restore --force (file, S3); $RUNS runs each"
for i in $(seq 1 "$RUNS"); do
  drop_db "$RESTORE_DB"
  psql_ -d postgres -c "CREATE DATABASE $RESTORE_DB TEMPLATE $TEMPLATE_DB" >/dev/null
  timed pg_restore pg_restore -h "$HOST" -p "$PORT" -U "$PGUSER_" -d "$RESTORE_DB" --exit-on-error "$WORK/dump.pgdump"
done
RESTORED_ROWS=$(psql_ -d "$RESTORE_DB" -tAc "select sum((xpath('/row/c/text()', query_to_xml(format(
    'select count(*) as c from %I.%I', schemaname, tablename), false, true, '')))[1]::text::bigint)
    from pg_tables where schemaname = '$SCHEMA'")
drop_db "$RESTORE_DB"
for i in $(seq 1 "$RUNS"); do
  timed restore-file crm restore "$FILE_ID" --force --repo "file://$WORK/repo" -o json
done
for i in $(seq 1 "$RUNS"); do
  timed restore-s3 crm restore "$S3_ID" --force --repo "$S3_PREFIX" -o json
done

# ----------------------------------------------------------------------------------------------------------------
mkdir -p bench/results
RESULT="bench/results/backup-$(date -u +%Y%m%dT%H%M%SZ).json"
python3 - "$WORK" "$RESULT" "$SIZE_MB" "$RUNS" "$SCHEMA" "$TOTAL_BYTES" "$DATA_BYTES" "$DUMP_BYTES" "$REPO_BYTES" \
  "$fill_ms" "$RESTORED_ROWS" <<'PY'
import json, statistics, sys
work, path, size_mb, runs, schema, total, data, dump, repo, fill_ms, restored_rows = sys.argv[1:]
total, data, dump, repo = int(total), int(data), int(dump), int(repo)
MB = 1024 * 1024

def times(figure):
    return [int(x) for x in open(f"{work}/{figure}.ms").read().split()]

def figure(name):
    ms = times(name)
    median = statistics.median(ms)
    return {"runsMs": ms, "medianMs": median, "mbPerSecond": round(data / MB / (median / 1000), 1)}

tables = []
for line in open(f"{work}/tables.txt"):
    name, rows, tbl, idx = line.split()
    tables.append({"name": name, "rows": int(rows), "tableBytes": int(tbl), "indexBytes": int(idx)})
manifest = json.load(open(f"{work}/backup-file.out"))[0]
restore = json.load(open(f"{work}/restore-file.out"))
f = {k: figure(k) for k in ["crm-start", "pg_dump", "backup-file", "backup-s3", "pg_restore", "restore-file", "restore-s3"]}
for k in ["backup-file", "backup-s3"]:
    f[k]["ratioToPgDump"] = round(f[k]["medianMs"] / f["pg_dump"]["medianMs"], 3)
for k in ["restore-file", "restore-s3"]:
    f[k]["ratioToPgRestore"] = round(f[k]["medianMs"] / f["pg_restore"]["medianMs"], 3)
copy_bytes = sum(t["bytes"] for t in manifest["tables"])
compressed = sum(t["compressedBytes"] for t in manifest["tables"])
r = {
    "sizeMbRequested": int(size_mb), "runs": int(runs), "schema": schema,
    "schemaBytes": total, "dataBytes": data, "fillSeconds": round(int(fill_ms) / 1000, 1), "tables": tables,
    "rows": sum(t["rows"] for t in manifest["tables"]), "rowsRestoredByPgRestore": int(restored_rows or 0),
    "pgDumpFileBytes": dump, "backupCopyBytes": copy_bytes, "backupCompressedBytes": compressed,
    "backupRepoBytes": repo,
    "compressionRatio": {"ours": round(copy_bytes / compressed, 2), "pgDumpVsData": round(data / dump, 2),
                         "oursVsData": round(data / compressed, 2)},
    "restoreReported": {"rows": restore.get("rows"), "bytes": restore.get("bytes"),
                        "durationMillis": restore.get("durationMillis")},
    "figures": f,
    "method": "wall time of each command incl. process start, median of runs; MB/s = dataBytes (heap + TOAST "
              "of the tenant's tables) / median; pg_dump -Fc (default zlib), single job; pg_restore single job into "
              "a fresh database copied from one migrated by crm; crm restore --force replaces the live tenant",
}
r["targets"] = {
    "backupFile<=1.0xPgDump": f["backup-file"]["ratioToPgDump"] <= 1.0,
    "backupS3<=1.0xPgDump": f["backup-s3"]["ratioToPgDump"] <= 1.0,
    "restoreFile<=1.0xPgRestore": f["restore-file"]["ratioToPgRestore"] <= 1.0,
    "restoreS3<=1.0xPgRestore": f["restore-s3"]["ratioToPgRestore"] <= 1.0,
}
json.dump(r, open(path, "w"), indent=2)

print()
print("tenant schema %d MB (tables + indexes), data %d MB (heap + TOAST), %d rows; median of %s runs"
      % (total // MB, data // MB, r["rows"], runs))
print("stored: pg_dump -Fc file %.1f MB (%.1fx of data), our repository %.1f MB (%.1fx of data, %.1fx of COPY bytes)"
      % (dump / MB, data / dump, repo / MB, data / compressed, copy_bytes / compressed))
print()
print("%-30s %10s %9s %8s %8s" % ("", "median s", "MB/s", "ratio", "target"))
rows = [("pg_dump -Fc -n", "pg_dump", None), ("crm backup create (file)", "backup-file", "ratioToPgDump"),
        ("crm backup create (S3)", "backup-s3", "ratioToPgDump"), ("pg_restore", "pg_restore", None),
        ("crm restore --force (file)", "restore-file", "ratioToPgRestore"),
        ("crm restore --force (S3)", "restore-s3", "ratioToPgRestore")]
for label, key, ratio in rows:
    x = f[key]
    if ratio:
        print("%-30s %10.2f %9.1f %7.3fx %8s" % (label, x["medianMs"] / 1000, x["mbPerSecond"], x[ratio],
                                                "met" if x[ratio] <= 1.0 else "MISSED"))
    else:
        print("%-30s %10.2f %9.1f %8s %8s" % (label, x["medianMs"] / 1000, x["mbPerSecond"], "1x", "<= 1.0x"))
print("%-30s %10.2f   (included in every crm figure)" % ("crm --version (JVM start)", f["crm-start"]["medianMs"] / 1000))
if r["rowsRestoredByPgRestore"] != r["rows"]:
    print("WARNING: pg_restore restored %d rows, the backup holds %d" % (r["rowsRestoredByPgRestore"], r["rows"]))
if restore.get("rows") != r["rows"]:
    print("WARNING: crm restore reported %s rows, the backup holds %d" % (restore.get("rows"), r["rows"]))
print("results:", path)
PY
