// The map of the public naloxone finder (templates/naloxone/finder.html): district boundaries from /api/areas/lad and
// the listed places that have a point, from the finder's own open data. Leaflet is loaded before this module as the
// global L. The list under the map names every place with its address and hours, so the map is an addition, never the
// only way to find a kit.

const container = document.getElementById('finder-map');
const status = document.getElementById('map-status');

function json(url, accept) {
  return fetch(url, { headers: { Accept: accept } }).then((response) => {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  });
}

if (container && window.L) {
  const L = window.L;
  const data = container.dataset;
  const map = L.map(container, { zoomSnap: 0.25, minZoom: 7, maxZoom: 16 });
  map.attributionControl.setPrefix(false);
  const bounds = (data.bounds || '').split(',').map(Number);
  if (bounds.length === 4 && bounds.every(Number.isFinite)) {
    map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]);
  } else {
    map.setView([52.48, -1.9], 9);
  }
  Promise.all([json(data.areas, 'application/geo+json'), json(data.places, 'application/json')])
    .then(([areas, finder]) => {
      L.geoJSON(areas, {
        style: () => ({ color: '#505a5f', weight: 1, fillOpacity: 0.05, className: 'hw-alert-area' }),
        interactive: false,
      }).addTo(map);
      const placed = finder.places.filter((p) => Number.isFinite(p.latitude) && Number.isFinite(p.longitude));
      placed.forEach((place) => {
        const marker = L.circleMarker([place.latitude, place.longitude], {
          radius: 8, color: '#0b0c0c', weight: 2, fillColor: '#1d70b8', fillOpacity: 0.9, className: 'hw-finder-place',
        });
        const popup = document.createElement('div');
        const title = document.createElement('p');
        title.className = 'hw-popup__title';
        title.textContent = place.name;
        popup.appendChild(title);
        [place.address, place.postcode, place.openingHours, place.trains ? data.labelTrains : null]
          .filter(Boolean)
          .forEach((line) => {
            const p = document.createElement('p');
            p.className = 'govuk-body-s govuk-!-margin-bottom-1';
            p.textContent = line;
            popup.appendChild(p);
          });
        marker.bindPopup(popup);
        marker.bindTooltip(place.name);
        marker.addTo(map);
      });
      if (placed.length > 0 && data.placesOnly !== 'false') {
        map.fitBounds(L.latLngBounds(placed.map((p) => [p.latitude, p.longitude])).pad(0.2), { maxZoom: 13 });
      }
      container.setAttribute('data-loaded', 'true');
      container.setAttribute('data-markers', String(placed.length));
      if (status) status.textContent = (data.statusLoaded || '').replace('{0}', String(placed.length));
    })
    .catch(() => {
      if (status) status.textContent = data.statusFailed || '';
    });
}
