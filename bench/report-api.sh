#!/usr/bin/env bash
# The partner report API against pgbench on the same durable database (issue 11, "Speed with durability"): starts the
# packaged app with demo data on a fresh embedded PostgreSQL (fsync, synchronous_commit and full_page_writes on),
# measures pgbench's single-row INSERT rate on that server, then the report API's closed-loop throughput and its
# latency at fixed offered rates, and prints both, their ratio and whether the targets are met (>= 1,000 reports/s,
# p99 < 50 ms at 500 reports/s offered, ratio >= 25 %). Checks that every acknowledged report is in
# earlywarning.report. Never run by the test suite; results in docs/benchmarks.md, "Partner report API with durability".
#
# Which client drives what: pgbench (C) drives the database; wrk (C, bench/report-load.lua) drives the report API's
# warm-up and closed loop, whose rate is the one set against pgbench's; bench/report-load.py (Python) drives the open
# loop (fixed offered rates, latency from the due time), and a second closed loop (PYTHON_CLOSED=1, the default) so
# that the figure of the Python client used until 2026-12-06 stays visible beside wrk's. The CPU of each client is
# measured too (getrusage of the finished process), as the clients share the machine's cores with the app and the
# database.
#
#   bench/report-api.sh                              # builds target/harmwatch.jar if missing, then everything
#   SKIP_BUILD=1 bench/report-api.sh                 # use the existing jar even if older than the sources
#   CLIENTS=32 SECONDS_MAX=30 RATES="100 250 500 1000" bench/report-api.sh
#   BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/report-api.jfr bench/report-api.sh   # with a profile
#   PYTHON_CLOSED=0 RATES=500 SECONDS_RATE=10 bench/report-api.sh   # shorter: no Python closed loop, one open-loop rate
#   PG_STATEMENTS=1 bench/report-api.sh   # diagnosis: the closed loop's statements per report (pg_stat_statements,
#                                         # which costs CPU itself, so its run's CPU figures are not comparable)
#
# Needs psql and pgbench (Debian: apt-get install postgresql-client postgresql-15, which has pgbench), wrk (Debian:
# apt-get install wrk) and Python 3. Thread dumps taken during the closed-loop run are kept in target/report-api-bench/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
CLIENTS="${CLIENTS:-16}"                 # closed-loop clients (connections) against the report API
SECONDS_MAX="${SECONDS_MAX:-20}"         # closed-loop run, and pgbench's
RATES="${RATES:-100 250 500}"            # open-loop offered rates, reports/s
SECONDS_RATE="${SECONDS_RATE:-15}"       # each open-loop run
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-8}"
WARMUP_SECONDS="${WARMUP_SECONDS:-30}"   # closed-loop warm-up, not counted: long enough for the JIT to finish
WRK_THREADS="${WRK_THREADS:-2}"
PYTHON_CLOSED="${PYTHON_CLOSED:-1}"      # also a closed loop driven by report-load.py, for comparison with wrk
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)"; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
APP_PORT="${APP_PORT:-$(free_port)}"
DB_PORT="${DB_PORT:-$(free_port)}"
APP="http://localhost:$APP_PORT"
OUT=target/report-api-bench
WORK=$(mktemp -d /tmp/harmwatch-report-api.XXXXXX)
app_pid=

cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true          # a graceful stop also stops the embedded PostgreSQL
    for _ in $(seq 1 60); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  if [ -f "$WORK/pgdata/postmaster.pid" ]; then   # the server outlives a killed JVM: stop the one we started
    pg_pid=$(head -n 1 "$WORK/pgdata/postmaster.pid")
    kill -INT "$pg_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f target/harmwatch.jar ] || { [ -z "${SKIP_BUILD:-}" ] && [ -n "$(find src pom.xml -newer target/harmwatch.jar -type f -print -quit)" ]; }; then
  echo "== building target/harmwatch.jar"
  mvn -q -B -ntp package -DskipTests
fi
mkdir -p "$OUT"
echo "== machine: $(nproc) cores; load before: $(uptime | sed 's/.*load average: //')"
LOAD_BEFORE=$(uptime | sed 's/.*load average: //')

echo "== Harmwatch on $APP, embedded PostgreSQL (durable) on port $DB_PORT in $WORK/pgdata"
start_app() {
  HARMWATCH_EMBEDDED_DB_DATA_DIRECTORY="$WORK/pgdata" HARMWATCH_EMBEDDED_DB_DURABLE=true HARMWATCH_EMBEDDED_DB_PORT="$DB_PORT" \
  HARMWATCH_AUDIT_KEY_FILE="$WORK/audit.key" HARMWATCH_AUDIT_CHECKPOINT_FILE="$WORK/audit-checkpoints.log" \
  PORT="$APP_PORT" "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -jar target/harmwatch.jar --spring.profiles.active=demo \
    >>"$WORK/app.log" 2>&1 &
  app_pid=$!
  bench_await_app "$app_pid" "$APP" "$WORK/app.log"
}
start_app
if [ -n "${PG_STATEMENTS:-}" ]; then
  # Statement by statement (diagnosis only: the extension costs some CPU itself): the server must load
  # pg_stat_statements at start, so stop the app (which stops its server), add it and start both again.
  echo "   PG_STATEMENTS: restarting with pg_stat_statements"
  kill "$app_pid"; wait "$app_pid" || true
  echo "shared_preload_libraries = 'pg_stat_statements'" >>"$WORK/pgdata/postgresql.auto.conf"
  echo "pg_stat_statements.track_planning = on" >>"$WORK/pgdata/postgresql.auto.conf"
  start_app
fi

PGPASSWORD=$(sed -n 's/^superuser.password=//p' "$WORK/pgdata/harmwatch-credentials.properties")
export PGPASSWORD
export PGOPTIONS='-c client_min_messages=warning'
sql() { psql -h localhost -p "$DB_PORT" -U postgres -d harmwatch -v ON_ERROR_STOP=1 -qtAX -c "$1"; }
echo "   fsync=$(sql 'SHOW fsync') synchronous_commit=$(sql 'SHOW synchronous_commit') full_page_writes=$(sql 'SHOW full_page_writes') (server $(sql 'SHOW server_version'))"
if [ "$(sql 'SHOW fsync')" != on ] || [ "$(sql 'SHOW synchronous_commit')" != on ]; then
  echo "the embedded database is not durable"; exit 1
fi

if [ -n "${PG_STATEMENTS:-}" ]; then sql "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"; fi

echo "== an API client of West Midlands Ambulance Service (WMAS) with EARLY_WARNING:WRITE"
# As AgencyManagement.issueApiClient does: hw_ + 32 random bytes in base64url; only the SHA-256 (hex) is stored.
read -r TOKEN HASH < <(python3 -c 'import base64, hashlib, secrets
t = "hw_" + base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode()
print(t, hashlib.sha256(t.encode()).hexdigest())')
sql "WITH c AS (INSERT INTO agency.api_client (id, name, agency, token_hash, token_prefix, created_by, created_at, version)
       SELECT gen_random_uuid(), 'WMAS CAD (benchmark)', id, '$HASH', '${TOKEN:0:7}', 'bench/report-api.sh', now(), 1
       FROM agency.agency WHERE code = 'WMAS' RETURNING id)
     INSERT INTO agency.api_client_grant (api_client, capability, action, purpose)
     SELECT id, 'EARLY_WARNING', 'WRITE', 'PUBLIC_HEALTH_INTELLIGENCE' FROM c"
probe=$(python3 bench/report-load.py closed "$APP/api/early-warning/reports" "$TOKEN" 1 0.5)
if [ "$(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print(r["ok"] > 0 and not r["errors"])' "$probe")" != True ]; then
  echo "a report was not accepted: $probe"
  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$APP/api/early-warning/reports" \
    -d '{"sourceType":"AMBULANCE"}'; echo
  exit 1
fi
echo "   accepted: $probe"

# Where the work goes: CPU of the JVM and of PostgreSQL's processes (clock ticks), and the server's counters. The
# server's CPU includes its children that have ended (pgbench's backends, autovacuum workers), which the kernel adds to
# the postmaster's cutime and cstime once it has reaped them.
cpu_ticks() {
  local pg jvm=0 db=0 p
  pg=$(head -n 1 "$WORK/pgdata/postmaster.pid")
  jvm=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
  db=$(awk '{print $16 + $17}' "/proc/$pg/stat")
  for p in $pg $(pgrep -P "$pg" || true); do
    db=$((db + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$jvm $db"
}
# Runs a command and writes its CPU (user + system, seconds; getrusage of the finished process) to a file.
cpu_of() {
  python3 -c 'import resource, subprocess, sys
r = subprocess.run(sys.argv[2:])
u = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write(str(u.ru_utime + u.ru_stime))
sys.exit(r.returncode)' "$@"
}

echo "== pgbench: single-row INSERT, $PGBENCH_CLIENTS clients, ${SECONDS_MAX}s, same server and settings"
sql "CREATE SCHEMA bench; CREATE TABLE bench.insert_rate (id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL DEFAULT now(), payload TEXT NOT NULL)"
echo "INSERT INTO bench.insert_rate (payload) VALUES ('one row, as a report is one row');" >"$WORK/insert.sql"
read -r _ DB_B0 < <(cpu_ticks)
cpu_of "$WORK/pgbench.cpu" pgbench -n -h localhost -p "$DB_PORT" -U postgres -c "$PGBENCH_CLIENTS" -j 2 -T "$SECONDS_MAX" \
  -f "$WORK/insert.sql" harmwatch >"$WORK/pgbench.log" 2>&1 || { cat "$WORK/pgbench.log"; exit 1; }
read -r _ DB_B1 < <(cpu_ticks)
grep -E "latency average|tps" "$WORK/pgbench.log" | sed 's/^/   /'
PGBENCH_TPS=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$WORK/pgbench.log")
PGBENCH_INSERTS=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$WORK/pgbench.log")
export PGBENCH_DB_MS=$(python3 -c "import sys; print(round(($DB_B1 - $DB_B0) * 1000 / $(getconf CLK_TCK) / $PGBENCH_INSERTS, 4))")
export PGBENCH_CLIENT_MS=$(python3 -c "import sys; print(round(float(open('$WORK/pgbench.cpu').read()) * 1000 / $PGBENCH_INSERTS, 4))")
echo "   CPU per insert: PostgreSQL $PGBENCH_DB_MS ms, pgbench (client) $PGBENCH_CLIENT_MS ms"
sql "DROP SCHEMA bench CASCADE"

db_counters() { # transactions, rows inserted, updated, deleted; then rows written per table
  sql "SELECT 'db', xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = 'harmwatch'
       UNION ALL SELECT schemaname || '.' || relname, 0, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables" | tr '|' ' '
}
sleep 11   # PostgreSQL 15 backends flush their counters at least every 10 s
read -r JVM0 DB0 < <(cpu_ticks)
db_counters >"$WORK/counters.before"
BEFORE=$(sql "SELECT count(*) FROM earlywarning.report")
results=()
# Runs a load client to its end and adds its own CPU (user + system, getrusage) to the JSON line it prints last.
with_cpu() {
  python3 - "$@" <<'PY'
import json, resource, subprocess, sys
out = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, text=True, check=True).stdout.strip().splitlines()
r = json.loads(out[-1])
u = resource.getrusage(resource.RUSAGE_CHILDREN)
r["client_cpu_s"] = round(u.ru_utime + u.ru_stime, 2)
r["client_cpu_ms_per_report"] = round(1000 * (u.ru_utime + u.ru_stime) / max(r["ok"], 1), 3)
print(json.dumps(r))
PY
}
run() { # label, then report-load.py arguments
  local label="$1"; shift
  local r
  r=$(with_cpu python3 bench/report-load.py "$@")
  echo "   $label: $r"
  results+=("$r")
}
run_wrk() { # label, seconds
  local r
  r=$(REPORT_TOKEN="$TOKEN" REPORT_CLIENTS="$CLIENTS" with_cpu wrk -t "$WRK_THREADS" -c "$CLIENTS" -d "${2}s" --timeout 30s \
    -s bench/report-load.lua "$APP/api/early-warning/reports")
  echo "   $1: $r"
  results+=("$r")
  WRK_RUNS=$((WRK_RUNS + 1))
}
WRK_RUNS=0
echo "== report API: warm-up, closed loop (wrk), $CLIENTS clients, ${WARMUP_SECONDS}s (not counted)"
run_wrk warm-up "$WARMUP_SECONDS"
echo "== report API: closed loop (maximum throughput, wrk), $CLIENTS clients, ${SECONDS_MAX}s"
( sleep $((SECONDS_MAX / 2)); for i in 1 2 3; do jcmd "$app_pid" Thread.print >"$OUT/threads-$i.txt" 2>&1 || true; sleep 1; done ) &
dumper=$!
if [ -n "${PG_STATEMENTS:-}" ]; then sql "SELECT pg_stat_statements_reset()" >/dev/null; fi
read -r JVM_C0 DB_C0 < <(cpu_ticks)
run_wrk closed "$SECONDS_MAX"
read -r JVM_C1 DB_C1 < <(cpu_ticks)
wait "$dumper" || true
CLOSED="${results[-1]}"
if [ -n "${PG_STATEMENTS:-}" ]; then
  ok=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["ok"])' "$CLOSED")
  echo "   statements in the closed loop, per report (of $ok): calls, plannings, rows, planning ms, execution ms"
  sql "SELECT to_char(calls::numeric / $ok, '990.999') || ' ' || to_char(plans::numeric / $ok, '990.999') || ' '
         || to_char(rows::numeric / $ok, '9990.99') || '  ' || to_char(total_plan_time / $ok, '0.9999') || ' '
         || to_char(total_exec_time / $ok, '0.9999') || '  ' || left(regexp_replace(query, '\s+', ' ', 'g'), 100)
       FROM pg_stat_statements WHERE calls > $ok / 100 ORDER BY total_plan_time + total_exec_time DESC LIMIT 15" | sed 's/^/     /'
fi
PY_CLOSED='null'
if [ "$PYTHON_CLOSED" = 1 ]; then
  echo "== report API: closed loop driven by report-load.py (Python, for comparison), $CLIENTS clients, ${SECONDS_MAX}s"
  read -r JVM_P0 DB_P0 < <(cpu_ticks)
  run closed-python closed "$APP/api/early-warning/reports" "$TOKEN" "$CLIENTS" "$SECONDS_MAX"
  read -r JVM_P1 DB_P1 < <(cpu_ticks)
  PY_CLOSED="${results[-1]}"
  export JVM_PY_TICKS=$((JVM_P1 - JVM_P0)) DB_PY_TICKS=$((DB_P1 - DB_P0))
fi
OPEN=()
for rate in $RATES; do
  echo "== report API: open loop, $rate reports/s offered, ${SECONDS_RATE}s"
  run "$rate/s" open "$APP/api/early-warning/reports" "$TOKEN" "$rate" "$SECONDS_RATE" 64
  OPEN+=("${results[-1]}")
done
AFTER=$(sql "SELECT count(*) FROM earlywarning.report")
read -r JVM1 DB1 < <(cpu_ticks)
sleep 11
db_counters >"$WORK/counters.after"
export WRK_RUNS CLIENTS JVM_TICKS=$((JVM1 - JVM0)) DB_TICKS=$((DB1 - DB0)) JVM_CLOSED_TICKS=$((JVM_C1 - JVM_C0)) DB_CLOSED_TICKS=$((DB_C1 - DB_C0)) HZ=$(getconf CLK_TCK) COUNTERS="$WORK/counters"
LOAD_AFTER=$(uptime | sed 's/.*load average: //')

python3 - "$PGBENCH_TPS" "$BEFORE" "$AFTER" "$LOAD_BEFORE" "$LOAD_AFTER" "$CLOSED" "$PY_CLOSED" "${results[@]}" -- "${OPEN[@]}" <<'EOF'
import json, os, sys
args = sys.argv[1:]
tps, before, after, load_before, load_after, closed = float(args[0]), int(args[1]), int(args[2]), args[3], args[4], json.loads(args[5])
py_closed = json.loads(args[6])
split = args.index("--")
every = [json.loads(a) for a in args[7:split]]
opened = [json.loads(a) for a in args[split + 1:]]
acknowledged = sum(r["ok"] for r in every)
rate = closed["reports_per_s"]
ratio = rate / tps
print()
print("== summary (durable: fsync, synchronous_commit, full_page_writes on)")
print(f"   load average before: {load_before}; after: {load_after}")
print(f"   pgbench single-row INSERT:        {tps:10.0f} inserts/s")
print(f"   report API, closed loop, wrk ({closed['clients']} clients): {rate:8.1f} reports/s   p50 {closed['p50_ms']} ms  p99 {closed['p99_ms']} ms  errors {closed['errors'] or 'none'}")
print(f"   ratio report API / pgbench:       {ratio * 100:10.1f} %")
if py_closed:
	print(f"   (closed loop driven by Python instead ({py_closed['clients']} clients): {py_closed['reports_per_s']:.1f} reports/s, "
		  f"p50 {py_closed['p50_ms']} ms  p99 {py_closed['p99_ms']} ms, ratio {py_closed['reports_per_s'] / tps * 100:.1f} %)")
print("   offered/s  achieved/s   p50 ms   p99 ms   max ms  errors")
for r in opened:
	print(f"   {r['offered_per_s']:9.0f}  {r['reports_per_s']:10.1f} {r['p50_ms']!s:>8} {r['p99_ms']!s:>8} {r['max_ms']!s:>8}  {r['errors'] or 'none'}")
landed = after - before
# wrk stops counting at its deadline with up to one request per connection still in flight; those are stored
# (and answered) without being counted as acknowledged, so up to CLIENTS per wrk run may land uncounted.
in_flight = int(os.environ["WRK_RUNS"]) * int(os.environ["CLIENTS"])
print(f"   reports in earlywarning.report: {before} before, {after} after: {landed} new; {acknowledged} acknowledged (2xx)"
	  + ("  OK" if acknowledged <= landed <= acknowledged + in_flight else "  MISMATCH")
	  + f" (every acknowledged one stored; up to {in_flight} more may be the wrk runs' last requests, cut off uncounted)")
at500 = next((r for r in opened if r["offered_per_s"] == 500), None)
def verdict(ok):
	return "MET" if ok else "NOT MET"
def counters(name):
	rows = {}
	for line in open(os.environ["COUNTERS"] + "." + name):
		if line.strip():
			k, *v = line.split()
			rows[k] = [int(x) for x in v]
	return rows
c0, c1 = counters("before"), counters("after")
d = {k: [b - a for a, b in zip(c0.get(k, [0, 0, 0, 0]), v)] for k, v in c1.items()}
n = max(acknowledged, 1)
hz = int(os.environ["HZ"])
print(f"   per report, over all {acknowledged} (warm-up, closed and open loop): "
	  f"JVM CPU {int(os.environ['JVM_TICKS']) * 1000 / hz / n:.1f} ms, PostgreSQL CPU {int(os.environ['DB_TICKS']) * 1000 / hz / n:.1f} ms, "
	  f"{d['db'][0] / n:.1f} transactions, {d['db'][1] / n:.1f} rows inserted, {d['db'][2] / n:.1f} updated, {d['db'][3] / n:.1f} deleted")
m = max(closed["ok"], 1)
print(f"   per report in the closed loop only (after the warm-up, so without most JIT compiling): "
	  f"JVM CPU {int(os.environ['JVM_CLOSED_TICKS']) * 1000 / hz / m:.3f} ms, PostgreSQL CPU {int(os.environ['DB_CLOSED_TICKS']) * 1000 / hz / m:.3f} ms, "
	  f"load generator (wrk) CPU {closed['client_cpu_ms_per_report']:.3f} ms")
if py_closed:
	mp = max(py_closed["ok"], 1)
	print(f"   per report in the Python-driven closed loop: JVM CPU {int(os.environ['JVM_PY_TICKS']) * 1000 / hz / mp:.3f} ms, "
		  f"PostgreSQL CPU {int(os.environ['DB_PY_TICKS']) * 1000 / hz / mp:.3f} ms, load generator (Python) CPU {py_closed['client_cpu_ms_per_report']:.3f} ms")
jvm_ms = int(os.environ['JVM_CLOSED_TICKS']) * 1000 / hz / m
db_ms = int(os.environ['DB_CLOSED_TICKS']) * 1000 / hz / m
gen_ms = closed['client_cpu_ms_per_report']
pg_ins_ms = float(os.environ['PGBENCH_DB_MS']) + float(os.environ['PGBENCH_CLIENT_MS'])
print(f"   CPU per report, all of it (JVM + PostgreSQL + wrk): {jvm_ms + db_ms + gen_ms:.3f} ms; per pgbench insert "
	  f"(PostgreSQL + pgbench): {pg_ins_ms:.3f} ms; their ratio {pg_ins_ms / (jvm_ms + db_ms + gen_ms) * 100:.1f} % "
	  f"(the API's ratio to pgbench if both were bound by CPU alone)")
written = sorted(((k, v) for k, v in d.items() if k != "db" and sum(v[1:]) > 0), key=lambda kv: -sum(kv[1][1:]))
print("   rows written per report, by table: " + ", ".join(
	f"{k} {v[1] / n:.2f} ins" + (f" {v[2] / n:.2f} upd" if v[2] else "") + (f" {v[3] / n:.2f} del" if v[3] else "") for k, v in written[:12]))
print(f"   target >= 1,000 reports/s:               {verdict(rate >= 1000)} ({rate:.0f})")
if at500:
	print(f"   target p99 < 50 ms at 500/s offered:     {verdict(at500['p99_ms'] is not None and at500['p99_ms'] < 50 and not at500['errors'])} (p99 {at500['p99_ms']} ms, {at500['reports_per_s']}/s achieved)")
print(f"   target ratio >= 25 %:                    {verdict(ratio >= 0.25)} ({ratio * 100:.1f} %)")
EOF
echo "   thread dumps from the closed-loop run: $OUT/threads-{1,2,3}.txt"
