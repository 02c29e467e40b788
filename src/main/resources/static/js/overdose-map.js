// The live map of overdoses (templates/overdose/map.html). Leaflet is loaded before this module as the global L.
// Settings and texts come from data-* attributes on #map and on the panel around it (templates/fragments/map.html;
// the content security policy allows no inline script).
// Points come as one flat array of integers and are drawn on a canvas of their own (awareness-points.js) as soon as
// they arrive, so 50,000 of them draw in well under a second (docs/benchmarks.md); areas are a choropleth of the
// counts the endpoint returns, over the boundaries of /api/areas/{level}, drawn when the boundaries arrive. The
// tables under the map hold the same numbers as text.

import { pointsLayer } from './awareness-points.js';

const container = document.getElementById('map');
const status = document.getElementById('map-status');

if (container && window.L) {
  const L = window.L;
  const data = { ...container.parentElement.dataset, ...container.dataset };
  const map = L.map(container, { preferCanvas: true, zoomSnap: 0.25, minZoom: 7, maxZoom: 18 });
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
  const renderer = L.canvas({ padding: 0.2 });
  const started = performance.now();
  say(data.statusLoading);
  container.setAttribute('aria-busy', 'true');

  const incidentsLoaded = json(data.api, 'application/json');
  const areasLoaded = json(data.areas, 'application/geo+json');
  incidentsLoaded
    .then((incidents) => {
      // Fatal on top of non-fatal.
      pointsLayer(L, incidents.points, 3, new Set([0, 1]), (fatal) => (fatal
        ? { fill: '#d4351c', stroke: '#942514', radius: 4 }
        : { fill: '#ffdd00', stroke: '#0b0c0c', radius: 4 })).addTo(map);
      const points = incidents.points.length / 3;
      container.setAttribute('data-points-drawn', `${points} ${Math.round(performance.now() - started)}`);
      return areasLoaded.then((areas) => {
        const counts = new Map(incidents.areas.map((a) => [a.code, a]));
        const highest = Math.max(1, ...incidents.areas.map((a) => a.incidents));
        L.geoJSON(areas, {
          renderer,
          style: (feature) => {
            const found = counts.get(feature.properties.code);
            const share = found ? found.incidents / highest : 0;
            return {
              color: '#505a5f', weight: 0.5, opacity: 0.6, fill: true,
              fillColor: shade(share), fillOpacity: found ? 0.7 : 0.05,
            };
          },
          onEachFeature: (feature, layer) => {
            const found = counts.get(feature.properties.code);
            layer.bindPopup(() => popup(feature.properties, found));
          },
        }).addTo(map);
        legend().addTo(map);
        const took = Math.round(performance.now() - started);
        container.setAttribute('data-rendered', `${points} ${incidents.areas.length} ${took}`);
        say(data.statusLoaded, String(incidents.total));
      });
    })
    .catch(() => say(data.statusFailed))
    .finally(() => container.removeAttribute('aria-busy'));

  function json(url, accept) {
    return fetch(url, { headers: { Accept: accept } }).then((response) => {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
  }

  // Light to dark blue with the share of the busiest area's count.
  function shade(share) {
    const steps = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
    return steps[Math.min(steps.length - 1, Math.floor(share * steps.length))];
  }

  function popup(properties, found) {
    const box = document.createElement('div');
    box.className = 'hw-popup';
    const title = document.createElement('p');
    title.className = 'hw-popup__title';
    title.textContent = `${properties.name} (${properties.code})`;
    const list = document.createElement('dl');
    list.className = 'hw-popup__list';
    add(list, data.labelIncidents, found ? found.incidents : 0);
    add(list, data.labelFatal, found ? found.fatal : 0);
    box.append(title, list);
    return box;
  }

  function add(list, label, value) {
    const term = document.createElement('dt');
    term.textContent = label;
    const detail = document.createElement('dd');
    detail.textContent = String(value);
    list.append(term, detail);
  }

  function legend() {
    const control = L.control({ position: 'bottomright' });
    control.onAdd = () => {
      const box = L.DomUtil.create('div', 'hw-legend');
      const title = document.createElement('p');
      title.className = 'hw-legend__title';
      title.textContent = data.legendTitle;
      box.appendChild(title);
      return box;
    };
    return control;
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
