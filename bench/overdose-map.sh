#!/usr/bin/env bash
# First render of the live overdose map with 50,000 incidents in real Chromium (bench/awareness-map-render.py), now and
# as it was before the canvas layer (the peer for the ratio). Needs chromium and chromedriver (apt) and Leaflet's webjar
# in ~/.m2. Never run by the tests.
#
#   bench/overdose-map.sh                   # 50,000 incidents, 7 runs each
#   POINTS=100000 RUNS=5 bench/overdose-map.sh
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== $(date -u +%FT%TZ) load: $(uptime | sed 's/.*load average: //')"
python3 bench/awareness-map-render.py overdose overdose-before --points "${POINTS:-50000}" --runs "${RUNS:-7}"
