// The needle finds maps (templates/consumptionrooms/needleMaps.html and needlePublicMap.html). Leaflet is loaded before
// this module as the global L; settings, figures and texts come from data-* attributes (the content security policy
// allows no inline script). The tables under each map carry the same figures for anyone who cannot use the map.
//
// Public map: wards shaded by their count of finds; a ward whose count is withheld (under 5) is drawn hatched grey and
// says so, and nothing else is drawn: no point, no heatmap, no total.
// Staff map: the kernel density heatmap as coloured cells, and the Gi* hotspot LSOAs outlined when a district is shown.

const RAMP = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'];

function boundsOf(text) {
  const b = (text || '').split(',').map(Number);
  return b.length === 4 && b.every(Number.isFinite) ? [[b[0], b[1]], [b[2], b[3]]] : null;
}

function setStatus(text) {
  const status = document.getElementById('map-status');
  if (status) {
    status.textContent = text;
  }
}

function baseMap(container) {
  const L = window.L;
  const map = L.map(container, { zoomSnap: 0.25, minZoom: 7, maxZoom: 17 });
  map.attributionControl.setPrefix(false);
  const bounds = boundsOf(container.dataset.bounds);
  if (bounds) {
    map.fitBounds(bounds);
  } else {
    map.setView([52.48, -1.9], 10);
  }
  L.control.scale({ imperial: false }).addTo(map);
  return map;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function publicMap(container) {
  const L = window.L;
  const data = container.dataset;
  const counts = JSON.parse(data.counts || '{}');
  const breaks = [5, 10, 20, 50, 100];
  const colour = (n) => RAMP[Math.max(0, breaks.filter((b) => n >= b).length - 1)];
  const map = baseMap(container);
  setStatus(data.statusLoading || '');
  fetch(data.areas, { headers: { Accept: 'application/geo+json' } })
    .then((response) => {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.json();
    })
    .then((geojson) => {
      L.geoJSON(geojson, {
        style: (feature) => {
          const n = counts[feature.properties.code];
          return n === null || n === undefined
            ? { color: '#505a5f', weight: 0.6, fillColor: '#b1b4b6', fillOpacity: 0.35, dashArray: '2 3' }
            : { color: '#505a5f', weight: 0.6, fillColor: colour(n), fillOpacity: 0.75 };
        },
        onEachFeature: (feature, layer) => {
          const n = counts[feature.properties.code];
          const shown = n === null || n === undefined ? data.labelWithheld : data.labelFinds.replace('{0}', n);
          layer.bindPopup(`<strong>${escapeHtml(feature.properties.name)}</strong><br>${escapeHtml(shown)}`);
        },
      }).addTo(map);
      container.dataset.rendered = 'true';
      setStatus(data.statusLoaded || '');
    })
    .catch(() => setStatus(data.statusFailed || ''));
}

function staffMap(container) {
  const L = window.L;
  const data = container.dataset;
  const cells = JSON.parse(data.cells || '[]');
  const max = Number(data.max) || 1;
  const map = baseMap(container);
  const heat = L.layerGroup().addTo(map);
  for (const [south, west, north, east, value] of cells) {
    const step = Math.min(RAMP.length - 1, Math.floor((value / max) * RAMP.length));
    L.rectangle([[south, west], [north, east]], {
      stroke: false, fillColor: RAMP[step], fillOpacity: 0.15 + 0.6 * (value / max), interactive: false,
    }).addTo(heat);
  }
  const hot = new Set(JSON.parse(data.hot || '[]'));
  if (data.areas && hot.size > 0) {
    fetch(data.areas, { headers: { Accept: 'application/geo+json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((geojson) => {
        L.geoJSON(geojson, {
          filter: (feature) => hot.has(feature.properties.code),
          style: () => ({ color: '#d4351c', weight: 2.5, fill: false }),
          onEachFeature: (feature, layer) => layer.bindPopup(escapeHtml(feature.properties.name)),
        }).addTo(map);
        container.dataset.rendered = 'true';
        setStatus(data.statusLoaded || '');
      })
      .catch(() => setStatus(data.statusFailed || ''));
  } else {
    container.dataset.rendered = 'true';
    setStatus(data.statusLoaded || '');
  }
}

if (window.L) {
  const publicContainer = document.getElementById('needle-public-map');
  if (publicContainer) {
    publicMap(publicContainer);
  }
  const staffContainer = document.getElementById('needle-heatmap');
  if (staffContainer) {
    staffMap(staffContainer);
  }
}
