#!/usr/bin/env bash
# Space-time scan speed targets of issue 14, on the peers' generated data (gen_data.py spacetime --locs 200 --days 1095,
# seed 20240101): retrospective scan, windows up to 30 days, circles up to 50 % of the cases (SaTScan's default for
# the space-time permutation model; no limit on the share of locations), 999 replications, target under 60 s on 2
# cores; the prospective scan of the same data, target under 1 s. Prints wall-clock and process CPU seconds per run
# (org.harmwatch.analytics.bench.ScanCpuTime, src/test/java; run 0 warms the JIT up and is not counted) and the load
# average before and after: on a shared machine CPU seconds / cores estimates the wall clock of an idle one.
#
#   bench/scan.sh              two measured runs of each
#   RUNS=1 bench/scan.sh
#
# Environment: PEERS (default ../shared/peers beside the project), DATA (default $TMPDIR/harmwatch-bench-scan),
# PY (a python3 with numpy). Results and the figures measured: docs/benchmarks.md, "Space-time scan, 3 years".
# Never run by the test suite.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
PEERS=${PEERS:-$(cd .. && pwd)/shared/peers}
DATA=${DATA:-${TMPDIR:-/tmp}/harmwatch-bench-scan}
RUNS=${RUNS:-2}
PY=${PY:-python3}
if ! "$PY" -c 'import numpy' 2>/dev/null; then
  PY=/usr/bin/python3
fi
mkdir -p "$DATA"

echo "== input in $DATA"
[ -s "$DATA/st_200x1095.csv" ] || "$PY" "$PEERS/gen_data.py" spacetime --locs 200 --days 1095 --out "$DATA/st_200x1095.csv"

echo "== building test classes"
bench_classpath

for analysis in retrospective prospective; do
  echo
  echo "== $analysis, 999 replications, circles <= 50 % of cases, windows <= 30 days ($(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "\$ java -Xmx2g -Dharmwatch.bench.data=$DATA ... ScanCpuTime st_200x1095 999 $analysis $RUNS cases"
  java -Xmx2g -Dharmwatch.bench.data="$DATA" -cp "$BENCH_CP" org.harmwatch.analytics.bench.ScanCpuTime \
    st_200x1095 999 "$analysis" "$RUNS" cases
  echo "   (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
done
