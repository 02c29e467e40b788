// Many points on one canvas, for the situational-awareness map (awareness-map.js) and the live overdose map
// (overdose-map.js). Leaflet's own canvas renderer makes one object per marker (L.circleMarker): 50,000 of them take
// seconds to build and index. This layer keeps the points as the flat array the endpoint sends
// ([lat × 100000, lon × 100000, kind, …]), projects them itself (Web Mercator, as Leaflet's EPSG:3857) and stamps each
// into one pixel buffer, so 50,000 points draw in tens of milliseconds. It redraws after each move or zoom and is hidden
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
      const scale = 256 * 2 ** map.getZoom();
      const origin = map.getPixelOrigin();
      const left = origin.x + topLeft.x;
      const top = origin.y + topLeft.y;
      // Each point is stamped into one pixel buffer (a disc of the kind's colour with an outline), kinds in
      // drawing order; one putImageData then paints them all. No path for the rasteriser to fill: 50,000 points
      // cost a few million integer writes.
      const width = canvas.width;
      const height = canvas.height;
      const image = context.createImageData(width, height);
      const pixels = new Uint32Array(image.data.buffer);
      const degrees = Math.PI / 180;
      const quarter = 4 * Math.PI;
      for (const kind of kinds) {
        const look = style(kind);
        const stamp = disc(look, ratio);
        for (let i = 0; i + 2 < points.length; i += stride) {
          if (points[i + 2] !== kind) continue;
          const lon = points[i + 1] / SCALE;
          const sin = Math.sin((points[i] / SCALE) * degrees);
          const x = Math.round((((lon + 180) / 360) * scale - left) * ratio);
          const y = Math.round(((0.5 - Math.log((1 + sin) / (1 - sin)) / quarter) * scale - top) * ratio);
          if (x < -stamp.r || y < -stamp.r || x >= width + stamp.r || y >= height + stamp.r) continue;
          for (let k = 0; k < stamp.dx.length; k++) {
            const px = x + stamp.dx[k];
            const py = y + stamp.dy[k];
            if (px >= 0 && py >= 0 && px < width && py < height) pixels[py * width + px] = stamp.colour[k];
          }
        }
      }
      context.putImageData(image, 0, 0);
      canvas.style.visibility = 'visible';
    },
  });
  return new Layer();
}

// The pixels of one point: offsets from its centre and their colours (as little-endian RGBA words), the outline a
// ring one device pixel wide around the fill.
function disc(look, ratio) {
  const r = Math.max(1, Math.round(look.radius * ratio));
  const fill = word(look.fill);
  const edge = look.stroke ? word(look.stroke) : fill;
  const dx = [];
  const dy = [];
  const colour = [];
  for (let y = -r; y <= r; y++) {
    for (let x = -r; x <= r; x++) {
      const d = x * x + y * y;
      if (d > r * r + r) continue;
      dx.push(x);
      dy.push(y);
      colour.push(d > (r - 1) * (r - 1) + (r - 1) ? edge : fill);
    }
  }
  return { r, dx: Int16Array.from(dx), dy: Int16Array.from(dy), colour: Uint32Array.from(colour) };
}

// '#rrggbb' as an opaque pixel of a Uint32Array over canvas ImageData (little-endian: ABGR).
function word(hex) {
  const n = parseInt(hex.slice(1), 16);
  return ((255 << 24) | ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff)) >>> 0;
}

/** How many points a flat array holds. */
export function count(points, stride, kinds) {
  let n = 0;
  for (let i = 0; i + 2 < points.length; i += stride) if (kinds.has(points[i + 2])) n++;
  return n;
}
