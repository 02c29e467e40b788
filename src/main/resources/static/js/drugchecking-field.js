// Drug checking's offline field mode. Records (samples, results, consultations) are kept in IndexedDB with ids made
// here (crypto.randomUUID), each in a state: waiting, synced, conflict or refused. They are sent to
// POST /api/drug-checking/sync (on load, after each save, on the online event, on "Sync now" and by a heartbeat); the
// server stores each once by its id, so sending again is harmless. Conflicts are shown with both versions and a choice.
//
// Whether the server can be reached is decided by what happened to the last request, not by navigator.onLine: at a
// festival the tablet is often on a network that reaches nothing ("lie-fi"), where navigator.onLine stays true, and
// browsers flip it late. The outcome of the last request decides: one that fails or does not answer in time means
// offline, any answer from the server means online. The browser's offline event is believed at once.
const main = document.querySelector('[data-field-mode]');
const sessionId = main.dataset.sessionId;
const CACHE = 'harmwatch-field-v2';
// Texts come from the message bundle, as data- attributes of #field-texts; {0} and {1} are filled in here.
const TEXTS = document.getElementById('field-texts').dataset;
function t(key, ...args) {
  let text = TEXTS[key] || key;
  args.forEach((arg, i) => {
    text = text.split('{' + i + '}').join(String(arg));
  });
  return text;
}
const STATE_WORDS = {
  waiting: t('stateWaiting'), synced: t('stateSynced'), conflict: t('stateConflict'), refused: t('stateRefused')
};
const count = (one, many, n) => t(n === 1 ? one : many, n);
const status = document.getElementById('field-status');
const offlineReady = document.getElementById('field-offline-ready');
const problemsArea = document.getElementById('field-problems');
const tbody = document.getElementById('field-records');
const form = document.getElementById('field-form');
let notice = '';
let syncing = false;
let syncAgain = false;
let reachable = navigator.onLine ? null : false; // null: not known yet
const offlineNow = () => reachable === false;
const REQUEST_TIMEOUT_MS = 20000;
// How often the heartbeat asks the server while it cannot be reached (to send what waits as soon as it can), and while
// it can (to notice it going away).
const RETRY_EVERY_MS = 5000;
const CHECK_EVERY_MS = 30000;

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

// ---- Sample codes issued offline: while online, the device reserves a block of codes for the session
// (POST /api/drug-checking/sessions/{id}/code-blocks, audited; unique across every device) and keeps it in
// localStorage. A sample saved here takes the next one, so its label can be written at once, online or not; the code
// goes with the sample on sync. With none left, the server gives the sample a code when it syncs.

const DEVICE_KEY = 'harmwatch-field-device';
const CODES_KEY = 'harmwatch-field-codes-' + sessionId;
const LOW_CODES = 5;
let reserving = false;

function deviceId() {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

function reservedCodes() {
  try {
    const codes = JSON.parse(localStorage.getItem(CODES_KEY) || '[]');
    return Array.isArray(codes) ? codes : [];
  }
  catch (e) {
    return [];
  }
}

function takeCode() {
  const codes = reservedCodes();
  const code = codes.shift() || null;
  localStorage.setItem(CODES_KEY, JSON.stringify(codes));
  return code;
}

// Tops the block up when few codes are left; a failure changes nothing (whether the server can be reached is decided
// by the sync requests alone).
async function topUpCodes() {
  if (reserving || offlineNow() || reservedCodes().length >= LOW_CODES) {
    return;
  }
  reserving = true;
  try {
    const response = await fetch('/api/drug-checking/sessions/' + sessionId + '/code-blocks', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [main.dataset.csrfHeader]: main.dataset.csrfToken },
      body: JSON.stringify({ device: deviceId() })
    });
    if (response.ok) {
      const block = await response.json();
      localStorage.setItem(CODES_KEY, JSON.stringify(reservedCodes().concat(block.codes || [])));
    }
  }
  catch (e) {
    // Tried again after the next sync.
  }
  finally {
    reserving = false;
  }
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
  clearFieldErrors(form);
  // Confidence and method are never pre-selected: a component without them is not saved (the server refuses it too).
  const unsure = [1, 2].filter((n) => value('c' + n + 'text') !== null)
    .flatMap((n) => ['confidence', 'method'].filter((f) => value('c' + n + f) === null).map((f) => 'c' + n + f));
  if (unsure.length > 0) {
    notice = t('chooseConfidence');
    showFieldErrors(form, unsure, notice);
    await render();
    return;
  }
  // Numbers the server cannot read would refuse the whole batch unnamed: keep them out here.
  const notNumbers = ['pillWeightMg', 'c1quantity', 'c2quantity']
    .filter((name) => (name === 'pillWeightMg' ? pill : value(name.slice(0, 2) + 'text') !== null))
    .filter((name) => typeof number(name) === 'string');
  if (notNumbers.length > 0) {
    notice = t('notNumbers');
    showFieldErrors(form, notNumbers, notice);
    await render();
    return;
  }
  notice = '';
  const code = takeCode();
  sample.code = code;
  sample.body.code = code;
  // Cleared before the write, not after it: a fast worker may already be typing the next sample while the device
  // stores this one. Only if the device cannot store it are the values put back, with a message.
  const typed = Array.from(form.elements).filter((f) => f.name)
    .map((f) => ({ f, value: f.value, checked: f.checked }));
  form.reset();
  form.elements.namedItem('soldAs').focus();
  try {
    await write(made);
  } catch (e) {
    typed.forEach(({ f, value, checked }) => {
      f.value = value;
      f.checked = checked;
    });
    notice = t('notStored', e && e.message ? e.message : String(e));
    await render();
    return;
  }
  await render();
  sync();
});

// ---- Correcting a result on the device: a new version on top of the latest this device knows of

const editForm = document.getElementById('field-edit');
let editing = null;

function editValue(name) {
  const field = editForm.elements.namedItem(name);
  return field && field.value.trim() !== '' ? field.value.trim() : null;
}

function editNumber(name) {
  const text = editValue(name);
  if (text === null) {
    return null;
  }
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

// The version a new result for the sample goes on top of: the latest synced version, or the one a result still
// waiting will become. The server refuses a stale base as a conflict, shown with both versions.
function baseVersion(all, sampleClientId) {
  const results = all.filter((r) => r.sampleClientId === sampleClientId && r.kind === 'result');
  const last = results[results.length - 1];
  if (!last) {
    return 0;
  }
  if (last.state === 'synced' && Number.isInteger(last.version)) {
    return last.version;
  }
  return (last.body.baseVersion || 0) + 1;
}

function startEdit(all, sample) {
  const results = all.filter((r) => r.sampleClientId === sample.clientId && r.kind === 'result');
  const last = results[results.length - 1];
  const body = last ? last.body : { components: [], confirmed: true, notes: null };
  editing = { sample, base: baseVersion(all, sample.clientId), extra: (body.components || []).slice(2) };
  editForm.reset();
  [1, 2].forEach((n) => {
    const c = (body.components || [])[n - 1] || {};
    for (const [field, v] of [['text', c.text], ['quantity', c.quantity], ['unit', c.unit], ['basis', c.basis],
      ['confidence', c.confidence], ['method', c.method]]) {
      if (v !== undefined && v !== null) {
        editForm.elements.namedItem('e' + n + field).value = String(v);
      }
    }
  });
  editForm.elements.namedItem('confirmed').checked = body.confirmed !== false;
  document.getElementById('field-edit-about').textContent = t('editAbout', sampleName(all, sample), editing.base);
  editForm.hidden = false;
  document.getElementById('field-edit-title').focus();
}

editForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!editing) {
    return;
  }
  const components = [1, 2].filter((n) => editValue('e' + n + 'text') !== null).map((n) => ({
    text: editValue('e' + n + 'text'), quantity: editNumber('e' + n + 'quantity'), unit: editValue('e' + n + 'unit'),
    basis: editValue('e' + n + 'basis'), confidence: editValue('e' + n + 'confidence'), method: editValue('e' + n + 'method')
  })).concat(editing.extra);
  clearFieldErrors(editForm);
  const shown = [1, 2].filter((n) => editValue('e' + n + 'text') !== null);
  const unsure = shown.flatMap((n) => ['confidence', 'method'].filter((f) => editValue('e' + n + f) === null).map((f) => 'e' + n + f));
  if (components.some((c) => c.confidence === null || c.method === null)) {
    notice = t('chooseConfidence');
    showFieldErrors(editForm, unsure, notice);
    await render();
    return;
  }
  if (components.some((c) => typeof c.quantity === 'string')) {
    notice = t('notNumbers');
    showFieldErrors(editForm, shown.map((n) => 'e' + n + 'quantity').filter((name) => typeof editNumber(name) === 'string'), notice);
    await render();
    return;
  }
  const result = record('result', {
    baseVersion: editing.base, components, confirmed: editForm.elements.namedItem('confirmed').checked,
    notes: editValue('notes')
  }, editing.sample.clientId);
  await write([result]);
  editing = null;
  editForm.hidden = true;
  notice = t('editSaved');
  await render();
  sync();
});

document.getElementById('field-edit-cancel').addEventListener('click', () => {
  editing = null;
  editForm.hidden = true;
});

// ---- Sync

function payload(r) {
  return { kind: r.kind, clientId: r.clientId, sampleClientId: r.kind === 'sample' ? null : r.sampleClientId, ...r.body };
}

function setReachable(now) {
  const changed = reachable !== now;
  reachable = now;
  if (changed) {
    scheduleHeartbeat();
  }
}

// One request to the sync endpoint; a network failure or no answer in time marks the server unreachable (and throws),
// any answer marks it reachable.
async function post(batch) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch('/api/drug-checking/sync', {
      method: 'POST',
      credentials: 'same-origin',
      signal: controller.signal,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [main.dataset.csrfHeader]: main.dataset.csrfToken },
      body: JSON.stringify({ sessionId, records: batch.map(payload) })
    });
    setReachable(true);
    topUpCodes();
    return response;
  }
  catch (e) {
    setReachable(false);
    throw e;
  }
  finally {
    clearTimeout(timer);
  }
}

// Sends what waits. With nothing waiting, a heartbeat still asks the server (an empty batch) whether it answers.
async function sync(heartbeat = false) {
  if (syncing) {
    // Records saved (or "Sync now" pressed) while a request is out go right after it, not at the next heartbeat.
    syncAgain = true;
    return;
  }
  let batch = (await records()).filter((r) => r.state === 'waiting');
  if (batch.length === 0 && !heartbeat) {
    await render();
    return;
  }
  syncing = true;
  const sending = batch.length > 0;
  const wasOffline = offlineNow();
  try {
    if (batch.length === 0) {
      await post([]);
      return;
    }
    for (let attempt = 0; attempt < 3 && batch.length > 0; attempt++) {
      const response = await post(batch);
      if (attempt === 0) {
        notice = '';
      }
      if (response.status === 422 || response.status === 400) {
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
          const said = (problem.errors || []).map((e) => e.message).filter(Boolean).join(' ');
          notice = t('serverRefused', said || t('noReason'));
          break;
        }
        await write([...refused.values()]);
        // The rest goes again without the refused records (and without records of a refused sample).
        batch = batch.filter((r) => !refused.has(r.clientId) && !refused.has(r.sampleClientId));
        continue;
      }
      if (response.status === 401 || response.status === 403 || response.redirected) {
        notice = t('signIn');
        break;
      }
      if (!response.ok) {
        notice = t('serverError', response.status);
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
    // No network, or one that reaches nothing (or it dropped mid-way): the records stay waiting and go next time.
  }
  finally {
    syncing = false;
    if (sending || offlineNow() !== wasOffline) {
      await render();
    }
    if (syncAgain) {
      syncAgain = false;
      await sync(true);
    }
  }
}

// The heartbeat: while the server cannot be reached it is asked again every few seconds, so what waits goes as soon as
// it answers even when the browser never says it is back online; otherwise now and then, to notice it going away.
let heartbeat = null;
function scheduleHeartbeat() {
  clearTimeout(heartbeat);
  heartbeat = setTimeout(async () => {
    if (document.visibilityState !== 'hidden') {
      await sync(true);
    }
    scheduleHeartbeat();
  }, offlineNow() ? RETRY_EVERY_MS : CHECK_EVERY_MS);
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
  notice = t('keptMine');
  await render();
  sync();
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
  notice = t('keptTheirs');
  await render();
}

async function discard(r) {
  const all = await records();
  const gone = all.filter((x) => x.clientId === r.clientId || (r.kind === 'sample' && x.sampleClientId === r.clientId && x.state !== 'synced'));
  await write([], gone.map((x) => x.clientId));
  notice = t('discarded');
  await render();
}

// ---- Showing

// A field the device will not save is marked as the server-rendered forms mark theirs (WCAG 3.3.1): its own message
// with an id, aria-describedby pointing at it, aria-invalid, the red border; focus goes to the first.
function showFieldErrors(theForm, names, message) {
  let first = null;
  for (const name of names) {
    const field = theForm.elements.namedItem(name);
    if (!field || !field.id) {
      continue;
    }
    const id = field.id + '-error';
    const error = element('p', 'govuk-error-message hw-field-error', message);
    error.id = id;
    error.dataset.for = field.id;
    field.before(error);
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', ((field.getAttribute('aria-describedby') || '') + ' ' + id).trim());
    field.classList.add(field.tagName === 'SELECT' ? 'govuk-select--error' : 'govuk-input--error');
    const group = field.closest('.govuk-form-group');
    if (group) {
      group.classList.add('govuk-form-group--error');
    }
    first = first || field;
  }
  if (first) {
    first.focus();
  }
}

function clearFieldErrors(theForm) {
  for (const error of theForm.querySelectorAll('.hw-field-error')) {
    const field = document.getElementById(error.dataset.for);
    if (field) {
      field.removeAttribute('aria-invalid');
      const rest = (field.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== error.id);
      if (rest.length > 0) {
        field.setAttribute('aria-describedby', rest.join(' '));
      }
      else {
        field.removeAttribute('aria-describedby');
      }
      field.classList.remove('govuk-select--error', 'govuk-input--error');
      const group = field.closest('.govuk-form-group');
      if (group) {
        group.classList.remove('govuk-form-group--error');
      }
    }
    error.remove();
  }
}

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
      + ' (' + c.method + ', ' + c.confidence + ')').join('; ') + ', ' + (body.confirmed ? t('confirmed') : t('preliminary'));
  }
  if (kind === 'consultation') {
    return body.advice + (body.disposed === true ? ' — ' + t('disposed') : '') + (body.intendedChange ? ' — ' + body.intendedChange : '');
  }
  return body.soldAs + ', ' + body.form + ', ' + body.mode;
}

function button(text, secondary, action) {
  const b = element('button', 'govuk-button' + (secondary ? ' govuk-button--secondary' : ''), text);
  b.type = 'button';
  b.addEventListener('click', action);
  return b;
}

function kindWord(kind) {
  return t({ sample: 'kindSample', result: 'kindResult', consultation: 'kindConsultation' }[kind] || kind);
}

function sampleName(all, r) {
  // A sample's own record names itself; a name never reads "null" (sold as may be blank).
  const sample = r.kind === 'sample' ? r : all.find((x) => x.clientId === r.sampleClientId && x.kind === 'sample');
  if (!sample) return t('aSample');
  const soldAs = sample.body && sample.body.soldAs ? String(sample.body.soldAs).trim() : '';
  if (soldAs === '') return sample.code || t('aSample');
  return '“' + soldAs + '”' + (sample.code ? ' (' + sample.code + ')' : '');
}

async function render() {
  const all = await records();
  const inState = (state) => all.filter((r) => r.state === state).length;
  const waiting = inState('waiting');
  const conflicts = inState('conflict');
  const refused = inState('refused');
  const offline = (text) => (offlineNow() ? t('offline', text) : text);
  const parts = [];
  if (waiting > 0) {
    const samples = new Set(all.filter((r) => r.state === 'waiting').map((r) => r.sampleClientId)).size;
    parts.push(offline(t('waiting', count('samplesOne', 'samplesMany', samples), count('recordsOne', 'recordsMany', waiting))));
  }
  if (conflicts > 0) {
    parts.push(count('conflictsOne', 'conflictsMany', conflicts));
  }
  if (refused > 0) {
    parts.push(count('refusedOne', 'refusedMany', refused));
  }
  if (parts.length === 0) {
    parts.push(all.length === 0 ? (offlineNow() ? t('offline', t('noneOffline')) : t('none'))
      : (offlineNow() ? t('offline', t('allSyncedOffline')) : t('allSynced')));
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
    const resultCell = element('td', 'govuk-table__cell', result ? describe('result', result.body) : '—');
    if (worst !== 'conflict' && worst !== 'refused') {
      // Correcting a result offline: a new version on top of the latest (see startEdit).
      const edit = button(result ? t('editResult') : t('addResult'), true, () => startEdit(all, s));
      edit.classList.add('govuk-button--small', 'govuk-!-margin-bottom-0', 'govuk-!-margin-top-2');
      edit.append(element('span', 'govuk-visually-hidden', ': ' + sampleName(all, s)));
      edit.dataset.editSample = s.clientId;
      resultCell.append(element('br'), edit);
    }
    row.append(element('td', 'govuk-table__cell', s.body.soldAs), element('td', 'govuk-table__cell', s.code || '—'),
      resultCell, element('td', 'govuk-table__cell', STATE_WORDS[worst]));
    tbody.append(row);
  }

  // Conflicts and refusals, each with what to do.
  problemsArea.replaceChildren();
  for (const r of all.filter((x) => x.state === 'conflict' || x.state === 'refused')) {
    const box = element('div', 'govuk-summary-card hw-field-problem');
    const title = element('div', 'govuk-summary-card__title-wrapper');
    title.append(element('h2', 'govuk-summary-card__title',
      t(r.state === 'conflict' ? 'conflictTitle' : 'refusedTitle', kindWord(r.kind), sampleName(all, r))));
    const content = element('div', 'govuk-summary-card__content');
    box.append(title, content);
    if (r.state === 'conflict') {
      content.append(element('p', 'govuk-body', r.reason || t('serverDifferent')));
      const list = element('dl', 'govuk-summary-list');
      for (const [label, text] of [[t('thisDevice'), describe(r.kind, r.body)], [t('onServer'), describe(r.kind, r.server)]]) {
        const row = element('div', 'govuk-summary-list__row');
        row.append(element('dt', 'govuk-summary-list__key', label), element('dd', 'govuk-summary-list__value', text));
        list.append(row);
      }
      content.append(list);
      const group = element('div', 'govuk-button-group');
      if (r.kind !== 'sample') {
        group.append(button(t('keepMine'), false, () => keepMine(r)));
      }
      else {
        content.append(element('p', 'govuk-body', t('sampleNotEdited')));
      }
      group.append(button(t('keepTheirs'), true, () => keepTheirs(r)));
      content.append(group);
    }
    else {
      const list = element('ul', 'govuk-list govuk-error-message');
      // The server's messages are in the reader's words; its field names are internal and not shown.
      (r.errors || []).forEach((e) => list.append(element('li', null, e.message)));
      content.append(element('p', 'govuk-body', describe(r.kind, r.body)), list,
        element('p', 'govuk-body', t('staysUnsent')), button(t('discard'), true, () => discard(r)));
    }
    problemsArea.append(box);
  }
}

// ---- Offline readiness

async function prepareOffline() {
  if (!('serviceWorker' in navigator)) {
    offlineReady.textContent = t('noOffline');
    return;
  }
  await navigator.serviceWorker.register('/drug-checking/field/sw.js', { scope: '/drug-checking/field/' });
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
  const cache = await caches.open(CACHE);
  if (!offlineNow()) {
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
    offlineReady.textContent = t('offlineReady');
  }
}

document.getElementById('field-sync').addEventListener('click', () => sync(true));
window.addEventListener('online', () => sync(true));
window.addEventListener('offline', () => {
  setReachable(false);
  render();
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') {
    sync(true);
  }
});
render().then(() => sync(true)).finally(scheduleHeartbeat);
prepareOffline().catch(() => {
  offlineReady.textContent = t('offlineFailed');
});
