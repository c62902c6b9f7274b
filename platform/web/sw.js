// Unknot's service worker: keeps the app's files so it opens with no network after the first
// visit. scripts/build-web.sh writes the version (a hash of the files) and the file list; a
// changed version is a new worker, which fetches the new files beside the old ones and takes
// over on the next launch. The record lives in IndexedDB, which no version touches.
'use strict';
const VERSION = '@VERSION@';
const FILES = @FILES@;
// Kept once the page fetches them, not at install: another language's voice is for those who
// speak it (unknot-pre.js, fetchVoice).
const ON_DEMAND = @ON_DEMAND@;
const CACHE = 'unknot-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FILES);
    // A voice an earlier version kept is kept by this one too, fetched anew (it may have changed).
    const kept = new Set();
    for (const key of await caches.keys()) {
      if (!key.startsWith('unknot-') || key === CACHE) continue;
      const old = await caches.open(key);
      for (const file of ON_DEMAND) if (await old.match(file)) kept.add(file);
    }
    await Promise.all([...kept].map((file) => cache.add(file).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('unknot-') && k !== CACHE)
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

// The app's own files from the cache (the page's address with any ?open= link is the app's
// page); anything else, such as a shared homework link, from the network as usual.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  const path = url.pathname.startsWith(scope.pathname) ? url.pathname.slice(scope.pathname.length) : null;
  if (path === null) return;
  const key = path === '' || path === 'index.html' ? 'index.html' : path;
  if (ON_DEMAND.includes(key)) {
    event.respondWith(caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(key);
      if (hit) return hit;
      const response = await fetch(request);
      if (response.ok) await cache.put(key, response.clone());
      return response;
    }));
    return;
  }
  if (!FILES.includes(key)) return;
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(key)).then((hit) => hit || fetch(request)));
});
