// The map pin of the public needle report (templates/consumptionrooms/needleReport.html): a tap or click on the map
// puts the pin there and fills the latitude and longitude fields, and "Use my location" fills them from the device.
// Progressive enhancement: without JavaScript the two fields are typed in, and they stay the form's only inputs.

const container = document.getElementById('needle-map');
const status = document.getElementById('map-status');
const lat = document.getElementById('lat');
const lon = document.getElementById('lon');
const locate = document.querySelector('[data-locate]');

function placed(latitude, longitude) {
  if (status && container) {
    status.textContent = (container.dataset.statusPlaced || '')
      .replace('{0}', latitude.toFixed(5)).replace('{1}', longitude.toFixed(5));
  }
}

let marker = null;
let map = null;

function pin(latitude, longitude) {
  lat.value = latitude.toFixed(5);
  lon.value = longitude.toFixed(5);
  if (map) {
    if (marker) {
      marker.setLatLng([latitude, longitude]);
    } else {
      marker = window.L.circleMarker([latitude, longitude], {
        radius: 9, color: '#0b0c0c', weight: 3, fillColor: '#d4351c', fillOpacity: 0.9, className: 'hw-needle-pin',
      }).addTo(map);
    }
  }
  placed(latitude, longitude);
}

if (container && window.L && lat && lon) {
  const L = window.L;
  const data = container.dataset;
  map = L.map(container, { zoomSnap: 0.25, minZoom: 7, maxZoom: 19 });
  map.attributionControl.setPrefix(false);
  const bounds = (data.bounds || '').split(',').map(Number);
  if (bounds.length === 4 && bounds.every(Number.isFinite)) {
    map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]);
  } else {
    map.setView([52.48, -1.9], 9);
  }
  fetch(data.areas, { headers: { Accept: 'application/geo+json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((areas) => {
      if (areas) {
        L.geoJSON(areas, {
          style: () => ({ color: '#505a5f', weight: 1, fillOpacity: 0.05 }),
          interactive: false,
        }).addTo(map);
      }
      container.setAttribute('data-loaded', 'true');
    })
    .catch(() => container.setAttribute('data-loaded', 'false'));
  map.on('click', (event) => pin(event.latlng.lat, event.latlng.lng));
  const typed = () => {
    const a = Number(lat.value);
    const b = Number(lon.value);
    if (lat.value && lon.value && Number.isFinite(a) && Number.isFinite(b)) {
      pin(a, b);
      map.setView([a, b], Math.max(map.getZoom(), 15));
    }
  };
  lat.addEventListener('change', typed);
  lon.addEventListener('change', typed);
  if (lat.value && lon.value) typed();
}

if (locate && lat && lon && 'geolocation' in navigator) {
  locate.hidden = false;
  locate.addEventListener('click', () => {
    if (status) status.textContent = locate.dataset.finding;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        pin(position.coords.latitude, position.coords.longitude);
        if (map) map.setView([position.coords.latitude, position.coords.longitude], 16);
        if (status) status.textContent = locate.dataset.found;
      },
      () => {
        if (status) status.textContent = locate.dataset.failed;
      },
      { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
  });
}
