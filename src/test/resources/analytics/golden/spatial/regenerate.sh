#!/usr/bin/env bash
# Regenerates the golden fixtures of the spatial analytics tests (Gi*, Benjamini-Hochberg, kernel density) with the reference
# peers in /work/shared/peers (R spdep, spatstat, scikit-learn). See README.md here for what each file is.
#
#   src/test/resources/analytics/golden/spatial/regenerate.sh            # peers from /work/shared/peers
#   PEERS=/path/to/peers src/test/resources/analytics/golden/spatial/regenerate.sh
#
# Needs Debian's python3 with numpy/scipy/sklearn and R with spdep, sf, spatstat (peers/README.md, "Install").
# Same seed + numpy version => byte-identical inputs; the peer outputs are deterministic (spdep's permutations are
# seeded with --seed 1).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PEERS="${PEERS:-/work/shared/peers}"
WARDS="${WARDS:-/work/shared/data/geography/wm_wards_2013.geojson}"
PY=/usr/bin/python3
cd "$HERE"
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
gz() { gzip -9 -n -c "$1" > "$2"; }

# ---- inputs -------------------------------------------------------------------------------------------------------
$PY "$PEERS/gen_data.py" areas 2000 --out areas_2000.csv
$PY "$PEERS/gen_data.py" grid 20 20 --out grid_20x20.csv
$PY "$PEERS/gen_data.py" points 2000 --out points_2000.csv
cat "$WARDS" > "$SCRATCH/wm_wards_2013.geojson"

# 20 x 20 square polygons (cell 100) around the grid_20x20 centres, same ids
$PY - "$SCRATCH" <<'PY'
import csv, json, sys
feats = []
for row in csv.DictReader(open("grid_20x20.csv")):
    x, y = float(row["x"]), float(row["y"])
    ring = [[x - 50, y - 50], [x + 50, y - 50], [x + 50, y + 50], [x - 50, y + 50], [x - 50, y - 50]]
    feats.append({"type": "Feature", "properties": {"id": int(row["id"])},
                  "geometry": {"type": "Polygon", "coordinates": [ring]}})
json.dump({"type": "FeatureCollection", "features": feats}, open(sys.argv[1] + "/grid_20x20.geojson", "w"), separators=(",", ":"))
PY

# ward values: Poisson counts, higher towards central Birmingham (seed 20240101); x,y = mean of the outer ring
$PY - "$SCRATCH" <<'PY'
import json, sys
import numpy as np
rng = np.random.default_rng(20240101)
g = json.load(open(sys.argv[1] + "/wm_wards_2013.geojson"))
with open("wards.csv", "w") as fh:
    fh.write("id,x,y,value\n")
    for f in g["features"]:
        ring = np.array(f["geometry"]["coordinates"][0] if f["geometry"]["type"] == "Polygon"
                        else f["geometry"]["coordinates"][0][0])
        x, y = ring[:-1, 0].mean(), ring[:-1, 1].mean()
        lam = 4.0 * (1.0 + 4.0 * np.exp(-((x + 1.89) ** 2 + (y - 52.48) ** 2) / (2 * 0.04 ** 2)))
        fh.write("%s,%.6f,%.6f,%d\n" % (f["properties"]["WD13CD"], x, y, rng.poisson(lam)))
PY

# a weighted neighbour list for areas_2000: the 4 nearest other areas, weight 100 / distance (6 significant digits)
$PY - "$SCRATCH" <<'PY'
import sys
import numpy as np
from scipy.spatial import cKDTree
a = np.genfromtxt("areas_2000.csv", delimiter=",", names=True)
xy = np.column_stack([a["x"], a["y"]])
d, j = cKDTree(xy).query(xy, k=5)
with open(sys.argv[1] + "/edges_knn4_invdist.csv", "w") as fh:
    fh.write("from,to,weight\n")
    for i in range(len(xy)):
        for dd, jj in zip(d[i][1:], j[i][1:]):
            fh.write("%d,%d,%.6g\n" % (a["id"][i], a["id"][jj], 100.0 / dd))
PY

# ---- Gi* (spdep::localG, R gistar.R) -----------------------------------------------------------------------------
R() { Rscript "$PEERS/gistar.R" "$@" | tail -n 1; }
R --in areas_2000.csv --out "$SCRATCH/gi_knn8_perm999.csv" --weights knn --k 8 --perm 999 --seed 1
R --in areas_2000.csv --out "$SCRATCH/gi_knn8_symmetric.csv" --weights knn --k 8 --symmetric
R --in areas_2000.csv --out "$SCRATCH/gi_dist250.csv" --weights dist --d 250
R --in areas_2000.csv --out "$SCRATCH/gi_edges_knn4_invdist.csv" --weights edges --edges "$SCRATCH/edges_knn4_invdist.csv"
R --in grid_20x20.csv --out gi_grid_queen.csv --weights queen --geom "$SCRATCH/grid_20x20.geojson" --geom-id id
R --in grid_20x20.csv --out gi_grid_rook.csv --weights rook --geom "$SCRATCH/grid_20x20.geojson" --geom-id id
R --in wards.csv --out gi_wards_queen.csv --weights queen --geom "$SCRATCH/wm_wards_2013.geojson" --geom-id WD13CD
R --in wards.csv --out gi_wards_rook.csv --weights rook --geom "$SCRATCH/wm_wards_2013.geojson" --geom-id WD13CD
for f in grid_20x20.geojson wm_wards_2013.geojson edges_knn4_invdist.csv; do gz "$SCRATCH/$f" "$f.gz"; done
for f in gi_knn8_perm999 gi_knn8_symmetric gi_dist250 gi_edges_knn4_invdist; do gz "$SCRATCH/$f.csv" "$f.csv.gz"; done

# ---- Benjamini-Hochberg (R p.adjust) -----------------------------------------------------------------------------
Rscript -e 'g <- read.csv(commandArgs(TRUE)[1]);
  write.csv(data.frame(id = g$id, p = g$p_value, q = p.adjust(g$p_value, method = "BH")), commandArgs(TRUE)[2],
            row.names = FALSE, quote = FALSE)' "$SCRATCH/gi_knn8_perm999.csv" "$SCRATCH/bh_knn8.csv"
gz "$SCRATCH/bh_knn8.csv" bh_knn8.csv.gz
Rscript -e 'p <- c(0.01, 0.04, 0.04, 0.03, NA, 0.5, 0.0001, 1, 0.04, 0.2, 0, 0.049);
  write.csv(data.frame(p = p, q = p.adjust(p, method = "BH")), "bh_ties.csv", row.names = FALSE, quote = FALSE)'

# ---- kernel density (kde.py: sklearn / tree engine; kde.R: spatstat densityfun, exact) ---------------------------
GRID="--xmin 0 --xmax 10000 --ymin 0 --ymax 10000 --nx 50 --ny 50"
K() { "$PY" "$PEERS/kde.py" "$@" | tail -n 1; }
S() { Rscript "$PEERS/kde.R" "$@" | tail -n 1; }
K --in points_2000.csv --out "$SCRATCH/kde_py_quartic.csv" --bandwidth 600 --kernel quartic $GRID
K --in points_2000.csv --out "$SCRATCH/kde_py_epanechnikov.csv" --bandwidth 600 --kernel epanechnikov $GRID
K --in points_2000.csv --out "$SCRATCH/kde_py_gaussian.csv" --bandwidth 600 --kernel gaussian $GRID
S --in points_2000.csv --out "$SCRATCH/kde_R_quartic.csv" --bandwidth 600 --kernel quartic $GRID --method exact
S --in points_2000.csv --out "$SCRATCH/kde_R_epanechnikov.csv" --bandwidth 600 --kernel epanechnikov $GRID --method exact
S --in points_2000.csv --out "$SCRATCH/kde_R_gaussian.csv" --bandwidth 600 --kernel gaussian $GRID --method exact
# square cells over part of the extent: the cell-size convention, and points outside the grid that still count
CELLS="--xmin 1500 --xmax 8500 --ymin 1000 --ymax 9000 --cell 230"
K --in points_2000.csv --out "$SCRATCH/kde_py_quartic_cells.csv" --bandwidth 450 --kernel quartic $CELLS
S --in points_2000.csv --out "$SCRATCH/kde_R_quartic_cells.csv" --bandwidth 450 --kernel quartic $CELLS --method exact
for f in "$SCRATCH"/kde_*.csv; do gz "$f" "$(basename "$f").gz"; done
echo "golden fixtures regenerated in $HERE"
