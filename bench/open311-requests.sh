#!/usr/bin/env bash
# Open311 `GET requests` for a council with 100,000 reports, filtered by status and date (issue 16, "Performance";
# target under 200 ms). Starts the packaged app with demo data on a fresh embedded PostgreSQL, inserts REPORTS needle
# reports for Coventry's council (COV-ENV, E08000026) spread over the last two years straight into the database (the
# data a council would have after years of FixMyStreet), then asks GET /open311/v2/requests.json with each filter RUNS
# times after a warm-up and prints the median and 95th percentile wall time (curl, localhost) and the app's CPU
# milliseconds per request (the machine is shared: CPU time says more than wall time). Prints the plan of each query
# and the load average. Never run by the test suite; results in docs/benchmarks.md, "Open311 GET requests".
#
#   bench/open311-requests.sh                   # builds target/harmwatch.jar if missing or older than the sources
#   SKIP_BUILD=1 REPORTS=100000 RUNS=50 bench/open311-requests.sh
set -euo pipefail
. "$(dirname "$0")/lib.sh"
REPORTS="${REPORTS:-100000}"
RUNS="${RUNS:-50}"
WARMUP="${WARMUP:-30}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
APP_PORT="${APP_PORT:-$(free_port)}"
DB_PORT="${DB_PORT:-$(free_port)}"
APP="http://localhost:$APP_PORT"
WORK=$(mktemp -d /tmp/harmwatch-open311.XXXXXX)
app_pid=

cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  if [ -f "$WORK/pgdata/postmaster.pid" ]; then
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
echo "== machine: $(nproc) cores; load before: $(uptime | sed 's/.*load average: //')"

HARMWATCH_EMBEDDED_DB_DATA_DIRECTORY="$WORK/pgdata" HARMWATCH_EMBEDDED_DB_PORT="$DB_PORT" \
HARMWATCH_AUDIT_KEY_FILE="$WORK/audit.key" HARMWATCH_AUDIT_CHECKPOINT_FILE="$WORK/audit-checkpoints.log" \
PORT="$APP_PORT" "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -jar target/harmwatch.jar --spring.profiles.active=demo \
  >"$WORK/app.log" 2>&1 &
app_pid=$!
bench_await_app "$app_pid" "$APP" "$WORK/app.log"
PGPASSWORD=$(sed -n 's/^superuser.password=//p' "$WORK/pgdata/harmwatch-credentials.properties")
export PGPASSWORD PGOPTIONS='-c client_min_messages=warning'
sql() { psql -h localhost -p "$DB_PORT" -U postgres -d harmwatch -v ON_ERROR_STOP=1 -qtAX -c "$1"; }

echo "== $REPORTS reports for COV-ENV over the last two years: 20 % open, 70 % collected, 10 % not found"
sql "INSERT INTO consumptionrooms.needle_report (id, owner_agency, channel, lat, lon, lad_code, description, status,
       status_notes, reported_at, due_at, closed_at, updated_at, needles)
     SELECT gen_random_uuid(), 'COV-ENV', CASE WHEN n % 3 = 0 THEN 'WEB' ELSE 'OPEN311' END,
       52.38 + random() * 0.06, -1.56 + random() * 0.09, 'E08000026', 'Bench report ' || n,
       s.status, CASE s.status WHEN 'OPEN' THEN NULL ELSE 'Swept' END, t.at, t.at + interval '48 hours',
       CASE s.status WHEN 'OPEN' THEN NULL ELSE t.at + interval '20 hours' END, t.at, 1
     FROM generate_series(1, $REPORTS) n,
       LATERAL (SELECT now() - (random() + n * 0) * interval '730 days' AS at) t,  -- n: one draw per row
       LATERAL (SELECT CASE WHEN n % 10 < 2 THEN 'OPEN' WHEN n % 10 < 9 THEN 'COLLECTED' ELSE 'NOT_FOUND' END AS status) s"
sql "ANALYZE consumptionrooms.needle_report"
echo "== reports stored: $(sql "SELECT count(*) FROM consumptionrooms.needle_report WHERE owner_agency = 'COV-ENV'")"

since() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
CASES=(
  "open, last 90 days|status=open&start_date=$(since '90 days ago')&end_date=$NOW"
  "closed, last 90 days|status=closed&start_date=$(since '90 days ago')&end_date=$NOW"
  "open, a year a year ago|status=open&start_date=$(since '730 days ago')&end_date=$(since '365 days ago')"
  "open and closed, last 30 days|status=open,closed&start_date=$(since '30 days ago')&end_date=$NOW"
  "open, all two years (1,000 answered)|status=open&start_date=$(since '800 days ago')&end_date=$NOW"
)
cpu_ms() { awk '{ print ($14 + $15) * 10 }' "/proc/$app_pid/stat"; }  # utime + stime in clock ticks (100 Hz)

echo "== query plans (the SQL NeedleRepository.open311 sends)"
for status_set in "'OPEN'" "'COLLECTED', 'NOT_FOUND'"; do
  sql "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, reference FROM consumptionrooms.needle_report
       WHERE true AND status IN ($status_set) AND reported_at >= now() - interval '90 days' AND reported_at <= now()
       ORDER BY reported_at DESC, reference DESC LIMIT 1000" | sed 's/^/   /'
done

LOAD_BEFORE=$(uptime | sed 's/.*load average: //')
printf '\n%-40s %8s %10s %10s %12s\n' "filter" "items" "median ms" "p95 ms" "CPU ms/req"
for entry in "${CASES[@]}"; do
  label="${entry%%|*}"
  query="${entry#*|}"
  url="$APP/open311/v2/requests.json?$query"
  for _ in $(seq 1 "$WARMUP"); do curl -sf -o /dev/null "$url"; done
  items=$(curl -sf "$url" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
  before=$(cpu_ms)
  times=()
  for _ in $(seq 1 "$RUNS"); do
    times+=("$(curl -sf -o /dev/null -w '%{time_total}' "$url")")
  done
  after=$(cpu_ms)
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v items="$items" -v cpu="$((after - before))" -v runs="$RUNS" '
    { t[NR] = $1 * 1000 }
    END { printf "%-40s %8d %10.1f %10.1f %12.1f\n", label, items, t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.5)], cpu / runs }'
done
echo
echo "== load average before the measured runs: $LOAD_BEFORE; after: $(uptime | sed 's/.*load average: //')"
