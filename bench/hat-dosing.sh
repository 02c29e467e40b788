#!/usr/bin/env bash
# The clinic session screen under 30 tablets at once (issue 16, "Performance"): starts the packaged app with demo data
# on a fresh durable embedded PostgreSQL, enrols CLIENTS clients with a prescription straight into the database (the
# data a long-running clinic would have), then 30 tablets each sign in as `clinic` and record doses back to back with
# the screen's own form post for SECONDS seconds. Target: a dose recorded in under 100 ms at 30 tablets. Prints the
# load average before and after. Never run by the test suite; results in docs/benchmarks.md, "Clinic dosing screen".
#
#   bench/hat-dosing.sh                         # builds target/harmwatch.jar if missing
#   SKIP_BUILD=1 TABLETS=30 SECONDS_MAX=30 bench/hat-dosing.sh
#   SKIP_BUILD=1 PACE_SECONDS=3 bench/hat-dosing.sh     # a real session's pace: each tablet a dose every 3 s
set -euo pipefail
. "$(dirname "$0")/lib.sh"
TABLETS="${TABLETS:-30}"
SECONDS_MAX="${SECONDS_MAX:-30}"
WARMUP_SECONDS="${WARMUP_SECONDS:-20}"
PACE_SECONDS="${PACE_SECONDS:-0}"       # each tablet records a dose every PACE_SECONDS (0: back to back, the stress case)
CLIENTS="${CLIENTS:-300}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
APP_PORT="${APP_PORT:-$(free_port)}"
DB_PORT="${DB_PORT:-$(free_port)}"
APP="http://localhost:$APP_PORT"
WORK=$(mktemp -d /tmp/harmwatch-hat-dosing.XXXXXX)
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

HARMWATCH_EMBEDDED_DB_DATA_DIRECTORY="$WORK/pgdata" HARMWATCH_EMBEDDED_DB_DURABLE=true HARMWATCH_EMBEDDED_DB_PORT="$DB_PORT" \
HARMWATCH_AUDIT_KEY_FILE="$WORK/audit.key" HARMWATCH_AUDIT_CHECKPOINT_FILE="$WORK/audit-checkpoints.log" \
PORT="$APP_PORT" "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -jar target/harmwatch.jar --spring.profiles.active=demo \
  >"$WORK/app.log" 2>&1 &
app_pid=$!
bench_await_app "$app_pid" "$APP" "$WORK/app.log"
PGPASSWORD=$(sed -n 's/^superuser.password=//p' "$WORK/pgdata/harmwatch-credentials.properties")
export PGPASSWORD PGOPTIONS='-c client_min_messages=warning'
sql() { psql -h localhost -p "$DB_PORT" -U postgres -d harmwatch -v ON_ERROR_STOP=1 -qtAX -c "$1"; }

echo "== $CLIENTS clients enrolled two years ago with a prescription of 60-200 mg"
sql "INSERT INTO hatclinic.licence (id, owner_agency, prescriber, licence_number, valid_from, valid_to, recorded_at, recorded_by)
     VALUES ('00000000-0000-0000-0000-00000000b001', 'BHM-OPC', 'prescriber', 'HO-BENCH', current_date - 800,
       current_date + 365, now(), 'bench')"
sql "WITH r AS (INSERT INTO hatclinic.referral (id, owner_agency, client_code, source, consent_on, referred_on,
       recorded_at, recorded_by, dependence_years, failed_oral_episodes, age, attends_twice_daily, decision,
       decision_reason, decided_at, decided_by)
     SELECT gen_random_uuid(), 'BHM-OPC', 'BENCH-' || lpad(n::text, 4, '0'), 'TREATMENT_SERVICE', current_date - 750,
       current_date - 750, now(), 'bench', 10, 3, 40, true, 'SUITABLE', 'bench', now(), 'bench'
     FROM generate_series(1, $CLIENTS) n RETURNING id, client_code),
   e AS (INSERT INTO hatclinic.enrolment (id, owner_agency, referral_id, client_code, district_code, enrolled_on,
       recorded_at, recorded_by)
     SELECT gen_random_uuid(), 'BHM-OPC', id, client_code, 'E08000025', current_date - 740, now(), 'bench' FROM r
     RETURNING id)
   INSERT INTO hatclinic.prescription (id, enrolment_id, drug, route, min_mg, max_mg, starts_on, prescriber,
       licence_id, recorded_at)
   SELECT gen_random_uuid(), id, 'DIAMORPHINE', 'INTRAVENOUS', 60, 200, current_date - 740, 'prescriber',
     '00000000-0000-0000-0000-00000000b001', now() FROM e"
sql "SELECT e.id FROM hatclinic.enrolment e WHERE e.client_code LIKE 'BENCH-%' ORDER BY e.client_code" >"$WORK/clients.txt"

echo "== warm-up: $TABLETS tablets, ${WARMUP_SECONDS}s (not counted)"
python3 bench/hat-dosing-load.py "$APP" "$TABLETS" "$WARMUP_SECONDS" "$WORK/clients.txt"
sql "DELETE FROM hatclinic.dose d USING hatclinic.enrolment e WHERE e.id = d.enrolment_id AND e.client_code LIKE 'BENCH-%'"
echo "== $TABLETS tablets recording doses (a dose every ${PACE_SECONDS}s each; 0: back to back), ${SECONDS_MAX}s"
LOAD_BEFORE=$(uptime | sed 's/.*load average: //')
# The app's CPU time (user + system, all its threads; PostgreSQL's is not in it) over the measured run.
cpu_ms() { awk -v tck="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / tck }' "/proc/$app_pid/stat"; }
CPU_BEFORE=$(cpu_ms)
python3 bench/hat-dosing-load.py "$APP" "$TABLETS" "$SECONDS_MAX" "$WORK/clients.txt" "$PACE_SECONDS"
CPU_AFTER=$(cpu_ms)
echo "== load average before the measured run: $LOAD_BEFORE; after: $(uptime | sed 's/.*load average: //')"
echo "== app CPU time in the measured run: $((CPU_AFTER - CPU_BEFORE)) ms over ${SECONDS_MAX}s"
echo "== doses stored: $(sql "SELECT count(*) FROM hatclinic.dose d JOIN hatclinic.enrolment e ON e.id = d.enrolment_id WHERE e.client_code LIKE 'BENCH-%'")"
