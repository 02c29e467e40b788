// The map of the areas covered (templates/geography/map.html). Leaflet is loaded before this module as the global L.
// Settings and texts come from data-* attributes on #map (the content security policy allows no inline script).
// Works with no internet: boundaries come from our own API, and a tile layer is added only when one is configured.

const container = document.getElementById('map');
const status = document.getElementById('map-status');

if (container && window.L) {
  const L = window.L;
  const data = container.dataset;
  const api = data.api;
  const levels = ['lad', 'ward', 'msoa', 'lsoa'];
  const strokes = {
    lad: { color: '#0b0c0c', weight: 3 },
    ward: { color: '#1d70b8', weight: 1.5 },
    msoa: { color: '#00703c', weight: 1.2 },
    lsoa: { color: '#6f72af', weight: 0.8 },
    deprivation: { color: '#ffffff', weight: 0.4 },
  };
  const names = {
    lad: data.layerLad, ward: data.layerWard, msoa: data.layerMsoa, lsoa: data.layerLsoa,
    deprivation: data.layerDeprivation,
  };

  const map = L.map(container, { zoomSnap: 0.25, minZoom: 7, maxZoom: 18 });
  map.attributionControl.setPrefix(false);
  if (data.sourcesLabel) {
    // The full attribution is under the map (#sources); the map links to it rather than cover a phone screen.
    map.attributionControl.addAttribution(`<a href="#sources">${escapeHtml(data.sourcesLabel)}</a>`);
  }
  const bounds = (data.bounds || '').split(',').map(Number);
  if (bounds.length === 4 && bounds.every(Number.isFinite)) {
    map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]);
  } else {
    map.setView([52.48, -1.9], 10);
  }

  const baseLayers = {};
  if (data.tileUrl) {
    // The operator's tile server (harmwatch.map.tile-url); its attribution is the operator's own, HTML allowed.
    baseLayers.Map = L.tileLayer(data.tileUrl, { attribution: data.tileAttribution || '', maxZoom: 19 }).addTo(map);
  }

  // Each level is a group filled on first use, so only the local authorities are fetched up front.
  const groups = {};
  const loading = {};
  const overlays = {};
  for (const level of [...levels, 'deprivation']) {
    groups[level] = L.layerGroup();
    overlays[names[level]] = groups[level];
  }
  const collapsed = window.matchMedia('(max-width: 640px)').matches;
  L.control.layers(baseLayers, overlays, { collapsed }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);

  const legend = deprivationLegend();

  map.on('overlayadd', (event) => {
    const level = levelOf(event.layer);
    if (level) {
      load(level);
      if (level === 'deprivation') legend.addTo(map);
    }
    outlineOnly();
  });
  map.on('overlayremove', (event) => {
    if (levelOf(event.layer) === 'deprivation') legend.remove();
    outlineOnly();
  });

  groups.lad.addTo(map);
  load('lad');

  function levelOf(layer) {
    return Object.keys(groups).find((level) => groups[level] === layer);
  }

  // With a finer level shown, local authorities are drawn as outlines only, so a click reaches the finer area.
  function outlineOnly() {
    const finer = Object.keys(groups).some((level) => level !== 'lad' && map.hasLayer(groups[level]));
    groups.lad.eachLayer((layer) => layer.setStyle({ fill: !finer }));
    groups.lad.eachLayer((layer) => layer.bringToFront && layer.bringToFront());
  }

  function load(level) {
    if (loading[level]) return loading[level];
    const source = level === 'deprivation' ? 'lsoa' : level;
    say(data.statusLoading, names[level]);
    container.setAttribute('aria-busy', 'true');
    loading[level] = fetch(api + source, { headers: { Accept: 'application/geo+json' } })
      .then((response) => {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then((collection) => {
        const layer = L.geoJSON(collection, {
          style: (feature) => style(level, feature),
          onEachFeature: (feature, path) => {
            path.bindPopup(() => popup(feature.properties));
            path.on('add', () => focusable(path, feature.properties));
          },
        });
        groups[level].addLayer(layer);
        const loaded = new Set((container.getAttribute('data-loaded-layers') || '').split(' ').filter(Boolean));
        loaded.add(level);
        container.setAttribute('data-loaded-layers', [...loaded].join(' '));
        outlineOnly();
        say(data.statusLoaded, names[level]);
      })
      .catch(() => {
        delete loading[level];
        say(data.statusFailed, names[level]);
      })
      .finally(() => container.removeAttribute('aria-busy'));
    return loading[level];
  }

  // Each area is reachable by keyboard (WCAG 2.1.1): Tab reaches it, Enter or Space opens its details, Escape closes them.
  function focusable(path, properties) {
    const element = path.getElement && path.getElement();
    if (!element || element.hasAttribute('tabindex')) return;
    element.setAttribute('tabindex', '0');
    element.setAttribute('role', 'button');
    element.setAttribute('aria-label', `${properties.name} (${properties.code})`);
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        path.openPopup();
      }
      else if (event.key === 'Escape' && path.isPopupOpen()) {
        event.preventDefault();
        path.closePopup();
      }
    });
  }

  function style(level, feature) {
    const decile = feature.properties.imdDecile;
    const classes = ['hw-area', `hw-area--${level}`];
    if (level === 'deprivation' && decile) classes.push(`hw-decile-${decile}`);
    return {
      ...strokes[level],
      className: classes.join(' '),
      fill: true,
      fillColor: strokes[level].color,
      fillOpacity: level === 'deprivation' ? 0.75 : 0.06,
      opacity: 0.9,
    };
  }

  function popup(properties) {
    const box = document.createElement('div');
    box.className = 'hw-popup';
    const title = document.createElement('p');
    title.className = 'hw-popup__title';
    title.textContent = properties.name;
    box.appendChild(title);
    const list = document.createElement('dl');
    list.className = 'hw-popup__list';
    add(list, data.labelCode, properties.code);
    if (properties.level !== 'lad') add(list, data.labelLad, `${properties.ladName} (${properties.ladCode})`);
    if (properties.msoaCode) add(list, data.labelMsoa, properties.msoaCode);
    if (properties.population != null) {
      add(list, data.labelPopulation, `${properties.population.toLocaleString('en-GB')} (${properties.populationYear})`);
    }
    if (properties.imdDecile != null) add(list, data.labelImd, `${properties.imdDecile} – ${data.labelImdScale}`);
    box.appendChild(list);
    return box;
  }

  function add(list, label, value) {
    const term = document.createElement('dt');
    term.textContent = label;
    const detail = document.createElement('dd');
    detail.textContent = value;
    list.append(term, detail);
  }

  function deprivationLegend() {
    const control = L.control({ position: 'bottomright' });
    control.onAdd = () => {
      const box = L.DomUtil.create('div', 'hw-legend');
      const title = document.createElement('p');
      title.className = 'hw-legend__title';
      title.textContent = data.legendTitle;
      box.appendChild(title);
      const scale = document.createElement('ol');
      scale.className = 'hw-legend__scale';
      for (let decile = 1; decile <= 10; decile += 1) {
        const item = document.createElement('li');
        const swatch = document.createElement('span');
        swatch.className = `hw-swatch hw-decile-${decile}`;
        swatch.setAttribute('aria-hidden', 'true');
        item.append(swatch, document.createTextNode(String(decile)));
        if (decile === 1) item.append(document.createTextNode(` ${data.legendMost}`));
        if (decile === 10) item.append(document.createTextNode(` ${data.legendLeast}`));
        scale.appendChild(item);
      }
      box.appendChild(scale);
      return box;
    };
    return control;
  }

  function say(template, name) {
    if (status && template) status.textContent = template.replace('{0}', name);
  }

  function escapeHtml(text) {
    const span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML;
  }
}
