// The map of the public alerts page (templates/earlywarning/publicAlerts.html): district boundaries from our own
// /api/areas/lad, the districts named in current alerts filled. Leaflet is loaded before this module as the global L.
// The list of alerts above the map names every area, so the map is an addition, never the only way to know.

const container = document.getElementById('alert-map');
const status = document.getElementById('map-status');

if (container && window.L) {
  const L = window.L;
  const data = container.dataset;
  const affected = new Set((data.affected || '').split(' ').filter(Boolean));
  const map = L.map(container, { zoomSnap: 0.25, minZoom: 7, maxZoom: 14 });
  map.attributionControl.setPrefix(false);
  const bounds = (data.bounds || '').split(',').map(Number);
  if (bounds.length === 4 && bounds.every(Number.isFinite)) {
    map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]);
  } else {
    map.setView([52.48, -1.9], 9);
  }
  fetch(data.api, { headers: { Accept: 'application/geo+json' } })
    .then((response) => {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then((collection) => {
      L.geoJSON(collection, {
        style: (feature) => ({
          color: '#0b0c0c',
          weight: affected.has(feature.properties.code) ? 3 : 1,
          className: affected.has(feature.properties.code) ? 'hw-alert-area hw-alert-area--affected' : 'hw-alert-area',
        }),
        onEachFeature: (feature, layer) => {
          const name = feature.properties.name;
          layer.bindTooltip(affected.has(feature.properties.code) ? `${name}: ${data.labelAffected}` : name);
        },
      }).addTo(map);
      container.setAttribute('data-loaded', 'true');
      if (status) status.textContent = data.statusLoaded || '';
    })
    .catch(() => {
      if (status) status.textContent = data.statusFailed || '';
    });
}
