// Choropleths drawn from the table beside them (the public overdose map, naloxone coverage and its hotspots). Leaflet
// is loaded before this module as the global L; the map markup is templates/fragments/map.html.
//
// Each map is a .hw-map inside a panel whose data-* attributes name the boundaries (data-areas, GeoJSON from
// /api/areas/{level}), the table (data-table, an id) and the status texts. The table is the map's keyboard and screen
// reader alternative and also its only data: each row <tr data-code="E08000025" data-class="hw-band-2"> colours that
// area with the class, and the row's [data-map-text] cells are what the area's tooltip says. So the map shows exactly
// what the table shows (a withheld count is "fewer than 5" in both) and carries no number of its own; areas with no
// row are not drawn.

function boundsOf(text) {
  const b = (text || '').split(',').map(Number);
  return b.length === 4 && b.every(Number.isFinite) ? [[b[0], b[1]], [b[2], b[3]]] : null;
}

function rowsOf(table) {
  const rows = new Map();
  if (!table) return rows;
  for (const row of table.querySelectorAll('tr[data-code]')) {
    const name = row.querySelector('th');
    const texts = [...row.querySelectorAll('[data-map-text]')].map((cell) => cell.textContent.trim().replace(/\s+/g, ' '));
    rows.set(row.dataset.code, {
      cssClass: row.dataset.class || '',
      text: `${name ? name.textContent.trim().replace(/\s+/g, ' ') : row.dataset.code}: ${texts.join(' · ')}`,
    });
  }
  return rows;
}

function draw(container) {
  const L = window.L;
  const data = { ...container.parentElement.dataset, ...container.dataset };
  const status = document.getElementById(container.id === 'map' ? 'map-status' : `${container.id}-status`);
  const say = (text) => { if (status && text) status.textContent = text; };
  const map = L.map(container, { zoomSnap: 0.25, minZoom: 7, maxZoom: 17 });
  map.attributionControl.setPrefix(false);
  if (data.sourcesLabel) {
    const link = document.createElement('a');
    link.href = '#sources';
    link.textContent = data.sourcesLabel;
    map.attributionControl.addAttribution(link.outerHTML);
  }
  const bounds = boundsOf(data.bounds);
  if (bounds) map.fitBounds(bounds); else map.setView([52.48, -1.9], 10);
  if (data.tileUrl) L.tileLayer(data.tileUrl, { attribution: data.tileAttribution || '', maxZoom: 19 }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  const rows = rowsOf(document.getElementById(data.table));
  say(data.statusLoading);
  container.setAttribute('aria-busy', 'true');
  fetch(data.areas, { headers: { Accept: 'application/geo+json' } })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
    .then((geojson) => {
      let drawn = 0;
      const layer = L.geoJSON(geojson, {
        filter: (feature) => rows.has(feature.properties.code),
        style: (feature) => ({
          className: `hw-area ${rows.get(feature.properties.code).cssClass}`,
          color: '#0b0c0c', weight: 0.8, opacity: 0.8, fillOpacity: 0.85,
        }),
        onEachFeature: (feature, area) => {
          drawn += 1;
          area.bindTooltip(rows.get(feature.properties.code).text, { sticky: true });
        },
      }).addTo(map);
      if (!bounds && drawn > 0) map.fitBounds(layer.getBounds());
      container.setAttribute('data-rendered', String(drawn));
      say(data.statusLoaded);
    })
    .catch(() => say(data.statusFailed))
    .finally(() => container.removeAttribute('aria-busy'));
}

if (window.L) {
  document.querySelectorAll('.hw-map-panel[data-table] > .hw-map').forEach(draw);
}
