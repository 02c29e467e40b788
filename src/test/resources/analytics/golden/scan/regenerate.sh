#!/usr/bin/env bash
# Regenerates the space-time scan inputs with the peers' generator (numpy 1.24.2). Tests never run this.
#   PEERS=/work/shared/peers src/test/resources/analytics/golden/scan/regenerate.sh
set -euo pipefail
PEERS=${PEERS:-/work/shared/peers}
cd "$(dirname "$0")"
/usr/bin/python3 "$PEERS/gen_data.py" spacetime --locs 50 --days 90 --out st_50x90.csv
/usr/bin/python3 "$PEERS/gen_data.py" spacetime --locs 200 --days 365 --out st_200x365.csv
gzip -9 -n -f st_200x365.csv
