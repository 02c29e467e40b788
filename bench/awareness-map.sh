#!/usr/bin/env bash
# First render of the situational-awareness map with 50,000 events in real Chromium (bench/awareness-map-render.py).
# Needs chromium and chromedriver (apt) and Leaflet's webjar in ~/.m2 (any build fetches it). Never run by the tests.
#
#   bench/awareness-map.sh                  # 50,000 events, 7 runs
#   POINTS=100000 RUNS=5 bench/awareness-map.sh
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== $(date -u +%FT%TZ) load: $(uptime | sed 's/.*load average: //')"
python3 bench/awareness-map-render.py awareness --points "${POINTS:-50000}" --runs "${RUNS:-7}"
