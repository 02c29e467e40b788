#!/usr/bin/env bash
# Temporal analytics benchmarks: generates the inputs with the peers' gen_data.py, runs the R peers (R surveillance
# earsC / algo.cusum / farringtonFlexible) and prints their compute_seconds, runs our JMH benchmarks on the same
# files, and prints the ratios. SaTScan is not installed here: the scan is compared with the peers' README figure.
#
#   bench/temporal.sh            full run (about 15 minutes on an idle 2-core machine)
#   bench/temporal.sh --quick    fewer JMH iterations, one scan measurement
#
# Environment: PEERS (default ../shared/peers beside the project), DATA (default $TMPDIR/harmwatch-bench-temporal).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
PEERS=${PEERS:-$(cd .. && pwd)/shared/peers}  # ../shared/peers beside the project
DATA=${DATA:-${TMPDIR:-/tmp}/harmwatch-bench-temporal}
PY=/usr/bin/python3 # Debian's interpreter: it has numpy
QUICK=${1:-}
mkdir -p "$DATA"

echo "== inputs in $DATA"
$PY "$PEERS/gen_data.py" daily --years 5 --out "$DATA/daily_5y.csv"
$PY "$PEERS/gen_data.py" spacetime --locs 200 --days 365 --out "$DATA/st_200x365.csv"

echo "== peers (R surveillance), compute_seconds"
: > "$DATA/peers.txt"
: > "$DATA/scan_cpu.txt"
peer() {
  local name=$1
  shift
  local secs
  secs=$("$@" | awk -F= '/^compute_seconds=/ { print $2 }')
  echo "$name $secs" >> "$DATA/peers.txt"
  printf '  %-28s %8s s\n' "$name" "$secs"
}
D="$DATA/daily_5y.csv"
O="$DATA/peer_out.csv"
peer ears_C1 Rscript "$PEERS/ears.R" --in "$D" --out "$O" --method C1
peer ears_C2 Rscript "$PEERS/ears.R" --in "$D" --out "$O" --method C2
peer ears_C3 Rscript "$PEERS/ears.R" --in "$D" --out "$O" --method C3
peer cusum Rscript "$PEERS/ears.R" --in "$D" --out "$O" --method CUSUM
NOUF="--noPeriods 10 --pastWeeksNotIncluded 26 --thresholdMethod muan"
peer farrington_weekly_b3 Rscript "$PEERS/farrington.R" --in "$D" --out "$O" --b 3
# shellcheck disable=SC2086
peer farrington_weekly_noufaily Rscript "$PEERS/farrington.R" --in "$D" --out "$O" --b 3 $NOUF
peer farrington_daily_b3_last365 Rscript "$PEERS/farrington.R" --in "$D" --out "$O" --unit day --b 3 --last 365
# shellcheck disable=SC2086
peer farrington_daily_noufaily_last365 Rscript "$PEERS/farrington.R" --in "$D" --out "$O" --unit day --b 3 $NOUF --last 365

echo "== ours (JMH)"
if [ "$QUICK" = "--quick" ]; then
  FAST=(-wi 2 -i 3 -w 1 -r 1)
  SCAN=(-wi 0 -i 1)
else
  FAST=()
  SCAN=()
fi
bench/jmh.sh 'analytics\.bench\.(Ears|Farrington)Benchmark' "${FAST[@]}" -prof gc \
  -jvmArgsAppend "-Dharmwatch.bench.data=$DATA" -rf json -rff "$DATA/jmh_temporal.json" | grep -E '^(Benchmark|[A-Z][A-Za-z]+Benchmark\.)' || true
bench/jmh.sh 'analytics\.bench\.ScanBenchmark' "${SCAN[@]}" -prof gc \
  -jvmArgsAppend "-Dharmwatch.bench.data=$DATA" -rf json -rff "$DATA/jmh_scan.json" | grep -E '^(Benchmark|[A-Z][A-Za-z]+Benchmark\.)' || true

echo "== scan CPU time (the cores are shared while measuring: CPU seconds / cores estimates an idle machine)"
SKIP_BUILD=1 bench_classpath   # jmh.sh above built it
RUNS=$([ "$QUICK" = "--quick" ] && echo 1 || echo 2)
for analysis in retrospective prospective; do
  "$JAVA_HOME/bin/java" -Dharmwatch.bench.data="$DATA" -cp "$BENCH_CP" org.harmwatch.analytics.bench.ScanCpuTime \
    st_200x365 999 $analysis "$RUNS" | grep -v 'run 0:' | tee -a "$DATA/scan_cpu.txt"
done

echo "== ratios (peer seconds / ours)"
$PY - "$DATA" <<'EOF'
import json, sys, os
data = sys.argv[1]
peers = dict(line.split() for line in open(os.path.join(data, "peers.txt")) if line.strip())
peers = {k: float(v) for k, v in peers.items()}
ours = {}
for f in ("jmh_temporal.json", "jmh_scan.json"):
    p = os.path.join(data, f)
    if not os.path.exists(p):
        continue
    for r in json.load(open(p)):
        name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
        params = r.get("params", {})
        order = ("data", "analysis", "replications", "setting")  # a fixed order, whatever JMH's
        if params:
            name += "[" + ",".join(str(params[k]) for k in order if k in params) + "]"
        unit = r["primaryMetric"]["scoreUnit"]
        scale = {"s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6}[unit]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        ours[name] = (r["primaryMetric"]["score"] * scale, alloc)

def row(label, peer_s, key, note=""):
    if key not in ours:
        print("%-46s peer %9.4f s   ours: not run" % (label, peer_s)); return
    o, alloc = ours[key]
    mem = "" if alloc is None else "  alloc %.1f MB/op" % (alloc / 1e6)
    print("%-46s peer %9.4f s   ours %10.6f s   ratio %8.1fx%s%s" % (label, peer_s, o, peer_s / o, mem, note))

ears = peers["ears_C1"] + peers["ears_C2"] + peers["ears_C3"]
row("EARS C1+C2+C3, one 5-year series", ears, "EarsBenchmark.c1c2c3OneSeries")
row("EARS C1-C3, 10,000 series (peer extrapolated)", ears * 10000, "EarsBenchmark.c1c2c3TenThousandSeries",
    "  target < 1 s")
row("EARS C1-C3, 10,000 series, one thread", ears * 10000, "EarsBenchmark.c1c2c3TenThousandSeriesOneThread")
row("CUSUM, one 5-year series", peers["cusum"], "EarsBenchmark.cusumOneSeries")
for setting, peer in (("weekly-b3", "farrington_weekly_b3"), ("weekly-noufaily", "farrington_weekly_noufaily"),
                      ("daily-b3-last365", "farrington_daily_b3_last365"),
                      ("daily-noufaily-last365", "farrington_daily_noufaily_last365")):
    row("Farrington " + setting, peers[peer], "FarringtonBenchmark.detect[%s]" % setting)
SATSCAN = 552.86  # peers/README.md: SaTScan 10.3.2, 200 x 365, 999 replications, one thread (not re-run here)
row("Scan 200x365 retrospective vs SaTScan (README)", SATSCAN, "ScanBenchmark.scan[st_200x365,retrospective,999]",
    "  target >= 5x")
if "ScanBenchmark.scan[st_200x365,prospective,999]" in ours:
    print("%-46s ours %10.3f s   target < 10 s" % ("Scan 200x365 prospective", ours["ScanBenchmark.scan[st_200x365,prospective,999]"][0]))
EOF
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
