// Many points on one canvas, for the situational-awareness map (awareness-map.js) and the live overdose map
// (overdose-map.js). Leaflet's own canvas renderer makes one object per marker (L.circleMarker): 50,000 of them take
// seconds to build and index. This layer keeps the points as the flat array the endpoint sends
// ([lat × 100000, lon × 100000, kind, …]), projects them itself (Web Mercator, as Leaflet's EPSG:3857) and draws each
// kind as one path, so 50,000 points draw in tens of milliseconds. It redraws after each move or zoom and is hidden
// while a zoom animates. Points are not interactive: the page's tables are the way to the events.

const SCALE = 100000;

/**
 * A Leaflet layer drawing the points of the given kinds.
 * @param L Leaflet
 * @param points flat array: latitude and longitude times 100000, then the kind, for each point
 * @param stride numbers per point (3)
 * @param kinds the kinds to draw (a Set), in drawing order
 * @param style kind → { fill, stroke, radius }
 */
export function pointsLayer(L, points, stride, kinds, style) {
  const Layer = L.Layer.extend({
    onAdd(map) {
      this._map = map;
      this._canvas = L.DomUtil.create('canvas', 'hw-points-canvas');
      this._canvas.setAttribute('aria-hidden', 'true');
      // A pane of its own above the overlays (areas, heatmap) and below markers and popups.
      let pane = map.getPane('hwPoints');
      if (!pane) {
        pane = map.createPane('hwPoints');
        pane.style.zIndex = '450';
        pane.style.pointerEvents = 'none';
      }
      pane.appendChild(this._canvas);
      map.on('moveend zoomend resize viewreset', this._draw, this);
      map.on('zoomstart', this._hide, this);
      this._draw();
    },

    onRemove(map) {
      map.off('moveend zoomend resize viewreset', this._draw, this);
      map.off('zoomstart', this._hide, this);
      this._canvas.remove();
    },

    _hide() {
      this._canvas.style.visibility = 'hidden';
    },

    _draw() {
      const map = this._map;
      const canvas = this._canvas;
      const size = map.getSize();
      const ratio = window.devicePixelRatio || 1;
      const topLeft = map.containerPointToLayerPoint([0, 0]);
      L.DomUtil.setPosition(canvas, topLeft);
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
      const context = canvas.getContext('2d');
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, size.x, size.y);
      const scale = 256 * 2 ** map.getZoom();
      const origin = map.getPixelOrigin();
      const left = origin.x + topLeft.x;
      const top = origin.y + topLeft.y;
      const paths = new Map();
      const radii = new Map();
      for (const kind of kinds) {
        paths.set(kind, new Path2D());
        radii.set(kind, style(kind).radius);
      }
      const degrees = Math.PI / 180;
      const quarter = 4 * Math.PI;
      for (let i = 0; i + 2 < points.length; i += stride) {
        const kind = points[i + 2];
        const path = paths.get(kind);
        if (!path) continue;
        const lon = points[i + 1] / SCALE;
        const sin = Math.sin((points[i] / SCALE) * degrees);
        const x = ((lon + 180) / 360) * scale - left;
        const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / quarter) * scale - top;
        if (x < -8 || y < -8 || x > size.x + 8 || y > size.y + 8) continue;
        const r = radii.get(kind);
        path.moveTo(x + r, y);
        path.arc(x, y, r, 0, 2 * Math.PI);
      }
      for (const [kind, path] of paths) {
        const look = style(kind);
        context.fillStyle = look.fill;
        context.fill(path);
        if (look.stroke) {
          context.lineWidth = 1;
          context.strokeStyle = look.stroke;
          context.stroke(path);
        }
      }
      canvas.style.visibility = 'visible';
    },
  });
  return new Layer();
}

/** How many points a flat array holds. */
export function count(points, stride, kinds) {
  let n = 0;
  for (let i = 0; i + 2 < points.length; i += stride) if (kinds.has(points[i + 2])) n++;
  return n;
}
