// The situational-awareness map (templates/awareness/map.html). Leaflet is loaded before this module as the global L.
// Settings and texts come from data-* attributes on #map and on the panel around it (templates/fragments/map.html;
// the content security policy allows no inline script).
// Events are drawn on canvases (awareness-points.js), one layer per kind; the analytics engine's heatmap is an image
// overlay and its Gi* hotspots are the hot and cold areas over the boundaries of /api/areas/{level}, fetched after the
// points are drawn so that they never delay them. The tables under the map hold the same events as text.

import { count, pointsLayer } from './awareness-points.js';

const container = document.getElementById('map');
const status = document.getElementById('map-status');
const COLOURS = ['#d55e00', '#0072b2', '#cc79a7', '#009e73', '#e69f00', '#000000'];

if (container && window.L) {
  const L = window.L;
  const data = { ...container.parentElement.dataset, ...container.dataset };
  const started = performance.now();
  const map = L.map(container, { zoomSnap: 0.25, minZoom: 7, maxZoom: 18 });
  map.attributionControl.setPrefix(false);
  if (data.sourcesLabel) map.attributionControl.addAttribution(`<a href="#sources">${escapeHtml(data.sourcesLabel)}</a>`);
  const bounds = (data.bounds || '').split(',').map(Number);
  if (bounds.length === 4 && bounds.every(Number.isFinite)) {
    map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]);
  } else {
    map.setView([52.48, -1.9], 10);
  }
  if (data.tileUrl) {
    L.tileLayer(data.tileUrl, { attribution: data.tileAttribution || '', maxZoom: 19 }).addTo(map);
  }
  L.control.scale({ imperial: false }).addTo(map);
  const labels = (data.kindLabels || '').split('|');
  say(data.statusLoading);
  container.setAttribute('aria-busy', 'true');

  fetch(data.api, { headers: { Accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then((picture) => {
      const overlays = {};
      if (picture.heatmap) {
        const heat = heatLayer(picture.heatmap).addTo(map);
        overlays[data.labelHeatmap] = heat;
      }
      let drawn = 0;
      // Overdoses first (underneath), then the rarer kinds on top of them.
      picture.kinds.forEach((name, kind) => {
        const kinds = new Set([kind]);
        const n = count(picture.points, 3, kinds);
        if (n === 0) return;
        const layer = pointsLayer(L, picture.points, 3, kinds, (k) => ({
          fill: COLOURS[k % COLOURS.length],
          stroke: k === 0 ? null : '#ffffff',
          radius: k === 0 ? 3 : 6,
        })).addTo(map);
        overlays[`${labels[kind] || name} (${n.toLocaleString()})`] = layer;
        drawn += n;
      });
      const took = Math.round(performance.now() - started);
      container.setAttribute('data-rendered', `${drawn} ${took} ${Math.round(performance.now())}`);
      say(data.statusLoaded, drawn.toLocaleString());
      const control = L.control.layers(null, overlays, { collapsed: false }).addTo(map);
      if (picture.hotspots.length > 0) {
        hotspotLayer(picture.hotspots).then((layer) => {
          control.addOverlay(layer.addTo(map), data.labelHotspots);
          container.setAttribute('data-hotspots', String(picture.hotspots.length));
        }).catch(() => {});
      }
    })
    .catch(() => say(data.statusFailed))
    .finally(() => container.removeAttribute('aria-busy'));

  // The heatmap grid as an image: transparent where nothing, yellow to dark red with the share of the highest cell.
  function heatLayer(heat) {
    const canvas = document.createElement('canvas');
    canvas.width = heat.columns;
    canvas.height = heat.rows;
    const context = canvas.getContext('2d');
    const image = context.createImageData(heat.columns, heat.rows);
    for (let row = 0; row < heat.rows; row++) {
      for (let column = 0; column < heat.columns; column++) {
        const value = heat.values[row * heat.columns + column];
        if (value === 0) continue;
        const at = ((heat.rows - 1 - row) * heat.columns + column) * 4;
        const share = value / 255;
        image.data[at] = 255;
        image.data[at + 1] = Math.round(230 * (1 - share));
        image.data[at + 2] = 0;
        image.data[at + 3] = Math.round(60 + 160 * share);
      }
    }
    context.putImageData(image, 0, 0);
    return L.imageOverlay(canvas.toDataURL(), [[heat.south, heat.west], [heat.north, heat.east]], {
      opacity: 0.7, className: 'hw-heat-canvas', alt: '',
    });
  }

  function hotspotLayer(hotspots) {
    const byCode = new Map(hotspots.map((h) => [h.code, h]));
    return fetch(data.areas, { headers: { Accept: 'application/geo+json' } })
      .then((response) => {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then((areas) => L.geoJSON(areas, {
        filter: (feature) => byCode.has(feature.properties.code),
        style: (feature) => {
          const hot = byCode.get(feature.properties.code).kind === 'HOT';
          return {
            color: hot ? '#942514' : '#003078', weight: 2, fill: true,
            fillColor: hot ? '#d4351c' : '#1d70b8', fillOpacity: 0.25,
          };
        },
        onEachFeature: (feature, layer) => {
          const found = byCode.get(feature.properties.code);
          const label = found.kind === 'HOT' ? data.labelHot : data.labelCold;
          layer.bindTooltip(`${feature.properties.name}: ${label} (z ${found.z})`);
        },
      }));
  }

  function say(template, value) {
    if (status && template) status.textContent = template.replace('{0}', value || '');
  }

  function escapeHtml(text) {
    const span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML;
  }
}
