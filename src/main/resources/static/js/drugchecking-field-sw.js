// Service worker of drug checking's offline field mode, served at /drug-checking/field/sw.js (scope /drug-checking/field/).
// Keeps the field page, its styles and scripts in a cache so the page opens and works without signal. Records are not
// kept here but in IndexedDB by the page; API calls always go to the network.
const CACHE = 'harmwatch-field-v2';
const SHELL = [
  '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css',
  '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js',
  '/css/harmwatch.css',
  '/js/harmwatch.js',
  '/js/drugchecking-field.js',
  '/images/favicon.svg'
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('harmwatch-field-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function isFieldPage(url) {
  return /^\/drug-checking\/field\/[0-9a-f-]{36}$/.test(url.pathname);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
    return;
  }
  if (request.mode === 'navigate' || isFieldPage(url)) {
    // The page: the network first (fresh session data and CSRF token), the cached copy when there is no signal.
    event.respondWith(fetch(request).then((response) => {
      if (response.ok && !response.redirected && isFieldPage(url)) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
      }
      return response;
    }).catch(() => caches.match(url.pathname).then((cached) => cached || Response.error())));
    return;
  }
  // Styles, scripts, fonts and images: the cache first, then the network (and keep what came).
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((cached) => cached || fetch(request).then((response) => {
    if (response.ok && (url.pathname.startsWith('/webjars/') || url.pathname.startsWith('/css/')
        || url.pathname.startsWith('/js/') || url.pathname.startsWith('/images/'))) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  })));
});
