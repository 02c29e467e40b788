#!/usr/bin/env bash
# Regenerates the temporal golden fixtures from the reference peers (R surveillance 1.20.3, numpy 1.24.2).
# Needs R with surveillance and Debian's python3 numpy (see the peers' README). Tests never run this.
#   PEERS=/work/shared/peers src/test/resources/analytics/golden/temporal/regenerate.sh
set -euo pipefail
PEERS=${PEERS:-/work/shared/peers}
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE"
PY=/usr/bin/python3

$PY "$PEERS/gen_data.py" daily --years 5 --out daily_5y.csv
$PY "$PEERS/gen_data.py" daily --years 5 --rate 1.5 --seed 7 --out daily_low.csv

for s in 5y low; do
  for m in C1 C2 C3; do
    Rscript "$PEERS/ears.R" --in daily_$s.csv --out ears_${m}_$s.csv --method $m | tail -n 1
  done
  Rscript "$PEERS/ears.R" --in daily_$s.csv --out cusum_$s.csv --method CUSUM | tail -n 1
done
Rscript cusum_reset.R --in daily_5y.csv --out cusum_reset_5y.csv

F="Rscript $PEERS/farrington.R"
NOUF="--noPeriods 10 --pastWeeksNotIncluded 26 --thresholdMethod muan"
$F --in daily_5y.csv --out farrington_week_b3.csv --b 3 | tail -n 1
$F --in daily_5y.csv --out farrington_week_noufaily.csv --b 3 $NOUF | tail -n 1
$F --in daily_5y.csv --out farrington_week_nbplugin.csv --b 3 --noPeriods 10 --pastWeeksNotIncluded 26 --thresholdMethod nbPlugin | tail -n 1
$F --in daily_5y.csv --out farrington_day_b3_last365.csv --unit day --b 3 --last 365 | tail -n 1
$F --in daily_low.csv --out farrington_low_week_noufaily.csv --b 3 $NOUF | tail -n 1
$F --in daily_low.csv --out farrington_low_day_noufaily_last365.csv --unit day --b 3 $NOUF --last 365 | tail -n 1
Rscript distributions.R > distributions.csv
