#!/usr/bin/env bash
# Issue 14, "CSV import of 1,000,000 incidents through the import facility: >= 50,000 rows/s with progress shown, all
# or nothing". Boots Harmwatch (demo data, a throw-away embedded PostgreSQL) in one JVM, generates ROWS incidents in
# the Allegheny County layout the tests use (BOM, ISO times, ten substance columns, the place in incident_zip: here
# the region's LSOA codes, so that every row is placed and observed), uploads it as the demo paramedic, starts the
# real import job and prints its progress as the job's page shows it, rows/s, wall-clock and CPU seconds (JVM and
# PostgreSQL) and the load average. `bench/overdose-import.sh 100000 bad` ends the file with one bad row: the job
# must fail and store nothing. Never run by the test suite; results in docs/benchmarks.md.
#
#   bench/overdose-import.sh [ROWS] [bad]          # ROWS defaults to 1000000
#   JFR=1 bench/overdose-import.sh 200000          # also records target/overdose-import.jfr
#   bench/overdose-import.sh 1000000 chronological # rows in time order (default: random, the worst case)
#   SKIP_BUILD=1 BENCH_OPTS="-Dx=y" bench/...      # no build first; extra JVM options
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_classpath
echo "== machine: $(nproc) cores; load before: $(uptime | sed 's/.*load average: //')"
jfr=()
if [ -n "${JFR:-}" ]; then jfr=("-XX:StartFlightRecording=filename=target/overdose-import.jfr,settings=profile"); fi
exec "$JAVA_HOME/bin/java" ${BENCH_OPTS:-} -Xmx6g "${jfr[@]}" -cp "$BENCH_CP" \
  -Dlogging.level.root=WARN org.harmwatch.overdose.bench.ImportBench "$@"
