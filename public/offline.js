// Offline reading. Registers the service worker (sw.js, made by Workbox at build time), and
// draws what the reader needs around it, outside the app's #app root:
// - "You are offline. Saved pages still open." while the network is gone, with the list of
//   saved pages when the page asked for is not one of them;
// - "A new version is available: Reload" when a release is waiting (nothing changes before);
// - "This page has changed since you last read it" after an update;
// - the "Save all articles for offline reading" control in the app's empty slots
//   (data-offline="save"), with its size from the build, progress, and "Remove".
// Off when config.json says "offline": false, and by default in embed mode (the portal's
// page owns its caching). Words come from the page (data-messages), in its language.
const root = document.documentElement;
const words = (() => {
  try { return JSON.parse(document.body.dataset.messages || '{}'); } catch { return {}; }
})();
// This file is <base>/assets/offline-<hash>.js: the site's base is one folder up.
const scope = new URL('../', import.meta.url);
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));

/** The config portal.js read (it announces it once read). */
const config = new Promise((resolve) => {
  if (globalThis.cartHubConfig) resolve(globalThis.cartHubConfig);
  else addEventListener('cart-hub:config', (e) => resolve(e.detail || {}), { once: true });
});

/** A status line of this script's own, above the app (plain DOM, no markup strings). */
function banner(id, parts) {
  let box = document.getElementById(id);
  if (!parts) { box?.remove(); return null; }
  if (!box) {
    box = document.createElement('div');
    box.id = id;
    box.className = 'offline-banner';
    box.setAttribute('role', 'status');
    document.body.prepend(box);
  }
  box.replaceChildren(...parts);
  return box;
}

function button(text, onclick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'button';
  b.textContent = text;
  b.addEventListener('click', onclick);
  return b;
}

function para(text) {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

let manifest = null;
async function offlineManifest() {
  if (!manifest) manifest = fetch(new URL('offline.json', scope)).then((r) => r.json());
  return manifest;
}
const edition = () => (root.lang === 'es' ? 'es' : 'en');

/** An edition's pages and their files (its `list` in offline.json, which grows with the
 * library): read only to save, remove or list them, never to draw a page. */
async function pagesOf(e) {
  const res = await fetch(e.list);
  if (!res.ok) throw new Error(`${e.list}: ${res.status}`);
  return (await res.json()).pages;
}

// "Saved": once every file of an edition is stored, an entry of our own in the data cache
// records which list was saved. One lookup tells a page load whether the edition is saved,
// at any library size; a new release (a new list) offers "Save" again for what it adds.
const savedMark = () => new URL(`offline-saved-${edition()}`, scope).href;
async function isSaved(e, names) {
  const mark = await (await caches.open(names.data)).match(savedMark());
  return Boolean(mark) && (await mark.text()) === e.list;
}

/** The pages whose files are all in the caches (`htmlOnly`: whose page is, which is enough
 * to read a prerendered page). */
async function saved(pages, caches_, htmlOnly = false) {
  // One listing of each cache rather than a lookup per file: on every page load this runs
  // for the whole library, and each lookup is a round trip of its own.
  const stores = await Promise.all([caches_.pages, caches_.data].map((n) => caches.open(n)));
  const listed = await Promise.all(stores.map((s) => s.keys()));
  const have = new Set(listed.flat().map((req) => new URL(req.url).pathname));
  const has = (url) => have.has(new URL(url, location.href).pathname);
  return pages.filter((p) => (htmlOnly ? p.files.slice(0, 1) : p.files).every(has));
}

// --- Offline status, and the pages that are saved -------------------------------------
async function showOnline() {
  if (navigator.onLine) { banner('offline-status', null); return; }
  const parts = [para(words.offlineBanner)];
  // The page asked for did not load (the app shows its failure): list what is saved.
  if (document.querySelector('#app .failure')) {
    try {
      const m = await offlineManifest();
      const here = (await saved(await pagesOf(m.editions[edition()]), m.caches, true)).filter((p) => p.title);
      parts.push(para(words.offlineNotSaved));
      const list = document.createElement('ul');
      for (const p of here) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = new URL(p.path.slice(1), scope).pathname;
        a.textContent = p.title;
        li.append(a);
        list.append(li);
      }
      if (here.length) parts.push(list); else parts.push(para(words.offlineNothingSaved));
    } catch { /* no manifest offline: the banner alone */ }
  }
  banner('offline-status', parts);
}

// --- Save all articles ---------------------------------------------------------------
async function drawSaveControls() {
  const slots = document.querySelectorAll('[data-offline="save"]');
  if (!slots.length) return;
  let m;
  try { m = await offlineManifest(); } catch { return; }
  const e = m.editions[edition()];
  const state = (parts) => slots.forEach((slot) => { slot.replaceChildren(...parts()); slot.hidden = false; });
  if (await isSaved(e, m.caches)) {
    state(() => [para(fill(words.offlineSaved, { n: e.articles, kb: e.size })), button(words.offlineRemove, () => remove(e, m.caches))]);
  } else {
    state(() => [button(fill(words.offlineSave, { kb: e.size }), () => saveAll(e, m.caches, state))]);
  }
}

async function saveAll(e, names, state) {
  const [pagesCache, dataCache] = await Promise.all([caches.open(names.pages), caches.open(names.data)]);
  let n = 0;
  try {
    const pages = await pagesOf(e);
    const files = pages.flatMap((p) => p.files.map((url, i) => [url, i === 0 ? pagesCache : dataCache]));
    for (const [url, cache] of files) {
      const res = await fetch(url, { cache: 'no-cache' });
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      await cache.put(url, res);
      n += 1;
      state(() => [para(fill(words.offlineSaving, { done: n, total: files.length }))]);
    }
  } catch (err) {
    console.warn('CAR-T Hub could not save every page:', err);
    state(() => [para(words.offlineSaveFailed), button(fill(words.offlineSave, { kb: e.size }), () => saveAll(e, names, state))]);
    return;
  }
  await dataCache.put(savedMark(), new Response(e.list));
  drawSaveControls();
}

async function remove(e, names) {
  const stores = await Promise.all([caches.open(names.pages), caches.open(names.data)]);
  // The mark first: whatever happens next, the edition no longer says it is saved.
  await stores[1].delete(savedMark());
  try {
    for (const p of await pagesOf(e)) {
      for (const url of p.files) await Promise.all(stores.map((s) => s.delete(url, { ignoreVary: true, ignoreSearch: true })));
    }
  } catch (err) {
    console.warn('CAR-T Hub could not remove every saved page:', err);
  }
  drawSaveControls();
}

// --- Updates -------------------------------------------------------------------------
function offerUpdate(reg) {
  const worker = reg.waiting;
  if (!worker || !navigator.serviceWorker.controller) return;
  banner('offline-update', [para(words.updateAvailable), button(words.updateReload, () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    worker.postMessage({ type: 'SKIP_WAITING' });
  })]);
}

/** "This page has changed since you last read it", from the digest of its documents. */
function noteChangedPage() {
  const digest = document.body.dataset.pageDataIntegrity;
  const path = document.body.dataset.prerendered;
  if (!digest || !path) return;
  let seen = {};
  try { seen = JSON.parse(localStorage.getItem('cart-hub:seen') || '{}'); } catch { /* none */ }
  if (seen[path] && seen[path] !== digest) banner('offline-changed', [para(words.pageChanged)]);
  seen[path] = digest;
  try { localStorage.setItem('cart-hub:seen', JSON.stringify(seen)); } catch { /* storage off */ }
}

async function start() {
  const c = await config;
  const embedded = 'embed' in root.dataset;
  const enabled = 'serviceWorker' in navigator && c.offline !== false && (!embedded || c.offline === true);
  if (!('serviceWorker' in navigator)) return;
  if (!enabled) {
    // Switched off: a worker from an earlier visit leaves too.
    const regs = await navigator.serviceWorker.getRegistrations();
    await Promise.all(regs.filter((r) => r.scope === scope.href).map((r) => r.unregister()));
    root.dataset.offline = 'off';
    return;
  }
  const reg = await navigator.serviceWorker.register(new URL('sw.js', scope), { scope: scope.pathname });
  root.dataset.offline = 'on';
  offerUpdate(reg);
  reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    w?.addEventListener('statechange', () => { if (w.state === 'installed') offerUpdate(reg); });
  });
  noteChangedPage();
  addEventListener('online', showOnline);
  addEventListener('offline', showOnline);
  addEventListener('cart-hub:page', () => { showOnline(); drawSaveControls(); });
  showOnline();
  drawSaveControls();
}

start().catch((err) => console.warn('CAR-T Hub offline reading is not available:', err));
