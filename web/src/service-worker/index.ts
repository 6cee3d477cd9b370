/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The app-shell service worker: precaches the built app so a reload without network still renders it.
 * Document data does not pass through here (it lives in IndexedDB through Yjs); `/api/` and `/sync/` always go to
 * the network. A new version waits until the page asks it to take over (the 有新版本可用 prompt).
 *
 * @module
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `anguan-shell-${version}`;
/** The SPA fallback page, written by adapter-static after `build`/`files` are listed (STACK.md gotcha 6). */
const SHELL_PAGE = '/index.html';
const PRECACHE = [...new Set([...build, ...files, SHELL_PAGE])];
/** Paths the service worker never answers (STACK.md gotcha 12). */
const NETWORK_ONLY_PREFIXES = ['/api/', '/sync/'];

/** Message the page posts to activate a waiting version (workbox-window's `messageSkipWaiting`). */
const SKIP_WAITING = 'SKIP_WAITING';

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key !== CACHE) await caches.delete(key);
      }
      // Control the page that installed us, so the very first visit already works offline afterwards.
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (event) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SKIP_WAITING) {
    void sw.skipWaiting();
  }
});

// A system notification of a new alert (alerts-manager) opens its page: in an open tab if there is one.
sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { link?: unknown } | null;
  const link = typeof data?.link === 'string' && data.link.startsWith('/') ? data.link : '/alerts';
  event.waitUntil(
    (async () => {
      const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const tab = windows.find((client) => new URL(client.url).origin === sw.location.origin);
      try {
        if (tab) {
          await tab.focus();
          await tab.navigate(link);
          return;
        }
      } catch {
        // A tab this worker does not control cannot be navigated: open a new one instead.
      }
      await sw.clients.openWindow(link);
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (NETWORK_ONLY_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return;
  event.respondWith(respond(request, url));
});

async function respond(request: Request, url: URL): Promise<Response> {
  const cache = await caches.open(CACHE);
  // Every route of the SPA is the same shell; serving it from the cache makes navigation instant on one bar of
  // signal. Updates arrive through the service worker's own update check, never through a stale page.
  if (request.mode === 'navigate') {
    const shell = await cache.match(SHELL_PAGE);
    if (shell) return shell;
    return fetch(request);
  }
  const cached = PRECACHE.includes(url.pathname) ? await cache.match(url.pathname) : undefined;
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch (error) {
    const fallback = await cache.match(request);
    if (fallback) return fallback;
    throw error;
  }
}
