#!/usr/bin/env bash
# Issue 14, "the daily surveillance run (spikes, EARS/CUSUM/Farrington for every district x class, Gi* by LSOA,
# prospective scan) over 5 years of 200,000 incidents: under 10 s". Boots Harmwatch (demo data, a throw-away embedded
# PostgreSQL) in one JVM, records INCIDENTS overdoses over the five years before today on the region's real LSOAs
# (one observation OVERDOSE carrying its substance classes, as the overdose module records them; with
# BENCH_OPTS=-Dbench.spread=true one per class as well, as rows recorded before were; an outbreak in Walsall
# yesterday), then runs the whole daily run RUNS times (run 0 warms the JIT up) and prints each run's wall time, CPU
# seconds of the JVM and of PostgreSQL, the load average, and the run's own phase times (read, series, Gi*, scan,
# record). The spike detector is told not to scan, so the run scans itself (the slower case); pass detector-scans to
# measure the default configuration, where the run reports the detector's clusters instead. Never run by the test
# suite; results in docs/benchmarks.md.
#
#   bench/surveillance-run.sh [INCIDENTS] [RUNS] [detector-scans]     # defaults 200000 4
#   JFR=1 bench/surveillance-run.sh                                   # also records target/surveillance-run.jfr
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_classpath
echo "== machine: $(nproc) cores; load before: $(uptime | sed 's/.*load average: //')"
jfr=()
if [ -n "${JFR:-}" ]; then jfr=("-XX:StartFlightRecording=filename=target/surveillance-run.jfr,settings=profile"); fi
exec "$JAVA_HOME/bin/java" ${BENCH_OPTS:-} -Xmx4g "${jfr[@]}" -cp "$BENCH_CP" \
  -Dlogging.level.root=WARN org.harmwatch.analytics.bench.SurveillanceBench "$@"
