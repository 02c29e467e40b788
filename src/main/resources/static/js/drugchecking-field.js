// Drug checking's offline field mode. Records (samples, results, consultations) are kept in IndexedDB with ids made
// here (crypto.randomUUID), each in a state: waiting, synced, conflict or refused. They are sent to
// POST /api/drug-checking/sync when the network is there (on load, on the online event and on "Sync now"); the server
// stores each once by its id, so sending again is harmless. Conflicts are shown with both versions and a choice.
const main = document.querySelector('[data-field-mode]');
const sessionId = main.dataset.sessionId;
const CACHE = 'harmwatch-field-v1';
const STATE_WORDS = { waiting: 'Waiting to sync', synced: 'Synced', conflict: 'Conflict', refused: 'Refused by the server' };
const status = document.getElementById('field-status');
const offlineReady = document.getElementById('field-offline-ready');
const problemsArea = document.getElementById('field-problems');
const tbody = document.getElementById('field-records');
const form = document.getElementById('field-form');
let notice = '';
let syncing = false;

// An installable app: the manifest link goes in the head (the shared layout has no slot for it).
const manifest = document.createElement('link');
manifest.rel = 'manifest';
manifest.href = main.dataset.manifest;
document.head.appendChild(manifest);

// ---- IndexedDB

function openDb() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('harmwatch-field', 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('records', { keyPath: 'clientId' });
      store.createIndex('session', 'sessionId');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

const db = openDb();

async function records() {
  const d = await db;
  return new Promise((resolve, reject) => {
    const request = d.transaction('records').objectStore('records').index('session').getAll(sessionId);
    request.onsuccess = () => resolve(request.result.sort((a, b) => a.createdAt - b.createdAt));
    request.onerror = () => reject(request.error);
  });
}

async function write(puts, deletes = []) {
  const d = await db;
  return new Promise((resolve, reject) => {
    const tx = d.transaction('records', 'readwrite');
    const store = tx.objectStore('records');
    puts.forEach((r) => store.put(r));
    deletes.forEach((id) => store.delete(id));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

// ---- Recording

function value(name) {
  const field = form.elements.namedItem(name);
  return field && field.value.trim() !== '' ? field.value.trim() : null;
}

function number(name) {
  const text = value(name);
  if (text === null) {
    return null;
  }
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

function record(kind, body, sampleClientId) {
  return {
    clientId: crypto.randomUUID(), sessionId, kind, sampleClientId, body, state: 'waiting',
    createdAt: Date.now() + Math.random(), errors: []
  };
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const pill = value('form') === 'PILL';
  const sample = record('sample', {
    mode: value('mode'), soldAs: value('soldAs'), form: value('form'),
    pillColour: pill ? value('pillColour') : null, pillLogo: pill ? value('pillLogo') : null,
    pillWeightMg: pill ? number('pillWeightMg') : null, obtainedLadCode: value('obtainedLadCode'),
    consent: form.elements.namedItem('consent').checked, ageBand: value('ageBand')
  }, null);
  sample.sampleClientId = sample.clientId;
  const made = [sample];
  const components = [1, 2].filter((n) => value('c' + n + 'text') !== null).map((n) => ({
    text: value('c' + n + 'text'), quantity: number('c' + n + 'quantity'), unit: value('c' + n + 'unit'),
    basis: value('c' + n + 'basis'), confidence: value('c' + n + 'confidence'), method: value('c' + n + 'method')
  }));
  if (components.length > 0) {
    made.push(record('result', {
      baseVersion: 0, components, confirmed: form.elements.namedItem('confirmed').checked, notes: null
    }, sample.clientId));
  }
  if (value('advice') !== null) {
    const disposed = value('disposed');
    made.push(record('consultation', {
      baseClientId: null, advice: value('advice'), disposed: disposed === null ? null : disposed === 'yes',
      intendedChange: value('intendedChange'), referral: value('referral')
    }, sample.clientId));
  }
  // Numbers the server cannot read would refuse the whole batch unnamed: keep them out here.
  const notNumbers = made.flatMap((r) => [r.body.pillWeightMg, ...(r.body.components || []).map((c) => c.quantity)])
    .filter((n) => typeof n === 'string');
  if (notNumbers.length > 0) {
    notice = 'Enter weights and quantities as numbers, like 120 or 12.5. Nothing was saved.';
    await render();
    return;
  }
  notice = '';
  await write(made);
  form.reset();
  form.elements.namedItem('soldAs').focus();
  await render();
  if (navigator.onLine) {
    sync();
  }
});

// ---- Sync

function payload(r) {
  return { kind: r.kind, clientId: r.clientId, sampleClientId: r.kind === 'sample' ? null : r.sampleClientId, ...r.body };
}

async function sync() {
  if (syncing) {
    return;
  }
  let batch = (await records()).filter((r) => r.state === 'waiting');
  if (batch.length === 0) {
    await render();
    return;
  }
  syncing = true;
  notice = '';
  try {
    for (let attempt = 0; attempt < 3 && batch.length > 0; attempt++) {
      const response = await fetch('/api/drug-checking/sync', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', [main.dataset.csrfHeader]: main.dataset.csrfToken },
        body: JSON.stringify({ sessionId, records: batch.map(payload) })
      });
      if (response.status === 400) {
        const problem = await response.json();
        const refused = new Map();
        for (const error of problem.errors || []) {
          const r = batch[error.record];
          if (r) {
            if (!refused.has(r.clientId)) {
              refused.set(r.clientId, { ...r, state: 'refused', errors: [] });
            }
            refused.get(r.clientId).errors.push({ field: error.field, message: error.message });
          }
        }
        if (refused.size === 0) {
          notice = 'The server refused the records: ' + (problem.detail || 'no reason given') + ' They stay on this device.';
          break;
        }
        await write([...refused.values()]);
        // The rest goes again without the refused records (and without records of a refused sample).
        batch = batch.filter((r) => !refused.has(r.clientId) && !refused.has(r.sampleClientId));
        continue;
      }
      if (response.status === 401 || response.status === 403 || response.redirected) {
        notice = 'Sign in again to sync. The records stay on this device.';
        break;
      }
      if (!response.ok) {
        notice = 'The server could not take the records (status ' + response.status + '). They stay on this device.';
        break;
      }
      const answer = await response.json();
      const byId = new Map(batch.map((r) => [r.clientId, r]));
      const updated = [];
      for (const outcome of answer.results) {
        const r = byId.get(outcome.clientId);
        if (!r) {
          continue;
        }
        const next = { ...r, errors: [], reason: outcome.reason || null, code: outcome.sample ? outcome.sample.code : r.code };
        if (outcome.status === 'CONFLICT') {
          next.state = 'conflict';
          next.serverVersion = outcome.version;
          next.server = outcome.serverResult || outcome.serverConsultation || outcome.sample;
          next.serverConsultationClientId = outcome.serverConsultationClientId;
        }
        else {
          next.state = 'synced';
          next.version = outcome.version;
        }
        updated.push(next);
      }
      await write(updated);
      break;
    }
  }
  catch (e) {
    // No network (or it dropped mid-way): the records stay waiting and go next time.
  }
  finally {
    syncing = false;
    await render();
  }
}

// ---- Conflicts

async function keepMine(r) {
  const body = { ...r.body };
  if (r.kind === 'result') {
    body.baseVersion = r.serverVersion || 0;
  }
  else if (r.kind === 'consultation') {
    body.baseClientId = r.serverConsultationClientId || null;
  }
  const again = { ...record(r.kind, body, r.sampleClientId), createdAt: r.createdAt };
  await write([again], [r.clientId]);
  notice = 'Your version will be sent as a new edit on top of the server\'s.';
  await render();
  if (navigator.onLine) {
    sync();
  }
}

async function keepTheirs(r) {
  const s = r.server || {};
  let body = r.body;
  if (r.kind === 'result') {
    body = {
      baseVersion: s.version, confirmed: s.confirmed, notes: s.notes,
      components: (s.components || []).map((c) => ({
        text: c.text, quantity: c.quantity, unit: c.unit, basis: c.basis, confidence: c.confidence, method: c.method
      }))
    };
  }
  else if (r.kind === 'consultation') {
    body = {
      baseClientId: r.serverConsultationClientId || null, advice: s.advice, disposed: s.disposed,
      intendedChange: s.intendedChange, referral: s.referral
    };
  }
  else if (r.kind === 'sample') {
    body = {
      mode: s.mode, soldAs: s.soldAs, form: s.form, pillColour: s.pillColour, pillLogo: s.pillLogo,
      pillWeightMg: s.pillWeightMg, obtainedLadCode: s.obtainedLadCode, consent: s.consent, ageBand: s.ageBand
    };
  }
  await write([{ ...r, body, state: 'synced', server: null, reason: null, version: r.serverVersion }]);
  notice = 'The server\'s version is kept on this device.';
  await render();
}

async function discard(r) {
  const all = await records();
  const gone = all.filter((x) => x.clientId === r.clientId || (r.kind === 'sample' && x.sampleClientId === r.clientId && x.state !== 'synced'));
  await write([], gone.map((x) => x.clientId));
  notice = 'The refused record was removed from this device.';
  await render();
}

// ---- Showing

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  if (text !== undefined && text !== null) {
    e.textContent = text;
  }
  return e;
}

function describe(kind, body) {
  if (!body) {
    return '';
  }
  if (kind === 'result') {
    return (body.components || []).map((c) => c.text + (c.quantity != null ? ' ' + c.quantity + (c.unit === 'PERCENT_W_W' ? '% w/w' : ' mg') : '')
      + ' (' + c.method + ', ' + c.confidence + ')').join('; ') + (body.confirmed ? ', confirmed' : ', preliminary');
  }
  if (kind === 'consultation') {
    return body.advice + (body.disposed === true ? ' — disposed' : '') + (body.intendedChange ? ' — ' + body.intendedChange : '');
  }
  return body.soldAs + ', ' + body.form + ', ' + body.mode;
}

function button(text, secondary, action) {
  const b = element('button', 'govuk-button' + (secondary ? ' govuk-button--secondary' : ''), text);
  b.type = 'button';
  b.addEventListener('click', action);
  return b;
}

function sampleName(all, r) {
  const sample = all.find((x) => x.clientId === r.sampleClientId && x.kind === 'sample');
  return sample ? '“' + sample.body.soldAs + '”' + (sample.code ? ' (' + sample.code + ')' : '') : 'a sample';
}

async function render() {
  const all = await records();
  const count = (state) => all.filter((r) => r.state === state).length;
  const waiting = count('waiting');
  const conflicts = count('conflict');
  const refused = count('refused');
  const parts = [];
  if (waiting > 0) {
    const samples = new Set(all.filter((r) => r.state === 'waiting').map((r) => r.sampleClientId)).size;
    parts.push((navigator.onLine ? '' : 'Offline — ') + samples + (samples === 1 ? ' sample' : ' samples') + ' waiting to sync ('
      + waiting + (waiting === 1 ? ' record' : ' records') + ')');
  }
  if (conflicts > 0) {
    parts.push(conflicts + (conflicts === 1 ? ' conflict' : ' conflicts') + ' to resolve');
  }
  if (refused > 0) {
    parts.push(refused + (refused === 1 ? ' record' : ' records') + ' refused by the server');
  }
  if (parts.length === 0) {
    parts.push(all.length === 0 ? (navigator.onLine ? 'No records on this device yet' : 'Offline — no records waiting')
      : (navigator.onLine ? 'All records synced' : 'Offline — all records synced'));
  }
  const text = parts.join('. ') + '.' + (notice ? ' ' + notice : '');
  if (status.textContent !== text) {
    status.textContent = text;
  }
  main.dataset.waiting = String(waiting);

  // The records, one row per sample.
  tbody.replaceChildren();
  const samples = all.filter((r) => r.kind === 'sample');
  document.getElementById('field-no-records').hidden = samples.length > 0;
  for (const s of samples) {
    const mine = all.filter((r) => r.sampleClientId === s.clientId);
    const result = mine.filter((r) => r.kind === 'result').pop();
    const worst = ['conflict', 'refused', 'waiting', 'synced'].find((st) => mine.some((r) => r.state === st)) || s.state;
    const row = element('tr', 'govuk-table__row');
    row.dataset.clientId = s.clientId;
    row.append(element('td', 'govuk-table__cell', s.body.soldAs), element('td', 'govuk-table__cell', s.code || '—'),
      element('td', 'govuk-table__cell', result ? describe('result', result.body) : '—'),
      element('td', 'govuk-table__cell', STATE_WORDS[worst]));
    tbody.append(row);
  }

  // Conflicts and refusals, each with what to do.
  problemsArea.replaceChildren();
  for (const r of all.filter((x) => x.state === 'conflict' || x.state === 'refused')) {
    const box = element('div', 'govuk-summary-card hw-field-problem');
    const title = element('div', 'govuk-summary-card__title-wrapper');
    title.append(element('h2', 'govuk-summary-card__title',
      (r.state === 'conflict' ? 'Conflict: ' : 'Refused: ') + r.kind + ' of ' + sampleName(all, r)));
    const content = element('div', 'govuk-summary-card__content');
    box.append(title, content);
    if (r.state === 'conflict') {
      content.append(element('p', 'govuk-body', r.reason || 'The server holds a different version.'));
      const list = element('dl', 'govuk-summary-list');
      for (const [label, text] of [['This device', describe(r.kind, r.body)], ['On the server', describe(r.kind, r.server)]]) {
        const row = element('div', 'govuk-summary-list__row');
        row.append(element('dt', 'govuk-summary-list__key', label), element('dd', 'govuk-summary-list__value', text));
        list.append(row);
      }
      content.append(list);
      const group = element('div', 'govuk-button-group');
      if (r.kind !== 'sample') {
        group.append(button('Keep mine', false, () => keepMine(r)));
      }
      else {
        content.append(element('p', 'govuk-body', 'A sample is not edited once taken in: keep the server\'s.'));
      }
      group.append(button('Keep theirs', true, () => keepTheirs(r)));
      content.append(group);
    }
    else {
      const list = element('ul', 'govuk-list govuk-error-message');
      (r.errors || []).forEach((e) => list.append(element('li', null, e.field + ': ' + e.message)));
      content.append(element('p', 'govuk-body', describe(r.kind, r.body)), list,
        element('p', 'govuk-body', 'It stays on this device, unsent.'), button('Discard this record', true, () => discard(r)));
    }
    problemsArea.append(box);
  }
}

// ---- Offline readiness

async function prepareOffline() {
  if (!('serviceWorker' in navigator)) {
    offlineReady.textContent = 'This browser cannot keep the page for offline use.';
    return;
  }
  await navigator.serviceWorker.register('/drug-checking/field/sw.js', { scope: '/drug-checking/field/' });
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
  const cache = await caches.open(CACHE);
  if (navigator.onLine) {
    try {
      // The page and what it links to, under the URLs it uses (the server versions some, e.g. the webjars).
      const assets = [...document.querySelectorAll('link[rel="stylesheet"], link[rel="icon"], script[src]')]
        .map((e) => e.href || e.src).filter((u) => new URL(u).origin === location.origin);
      await cache.addAll([location.pathname, ...new Set(assets)]);
    }
    catch (e) {
      // Kept from an earlier visit, if any.
    }
  }
  if (await cache.match(location.pathname)) {
    main.dataset.offlineReady = 'true';
    offlineReady.textContent = 'This page is stored on this device and works without signal.';
  }
}

document.getElementById('field-sync').addEventListener('click', () => sync());
window.addEventListener('online', () => sync());
window.addEventListener('offline', () => render());
render().then(() => (navigator.onLine ? sync() : null));
prepareOffline().catch(() => {
  offlineReady.textContent = 'This page could not be stored for offline use.';
});
