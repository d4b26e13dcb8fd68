// Writes the service worker (sw.js, by Workbox's generateSW) and the offline manifest
// (offline.json: per language, the bytes a reader's "Save all articles" stores, and where
// the list of its pages, their titles and files is: data/offline-<lang>-<hash>.json) into a
// built dist/. Run by scripts/build.sh after the
// prerenderer. Usage: node scripts/offline.mjs <dist> <base>   (base: "" or "/patients/car-t")
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.cwd(), 'tools', 'package.json'));
const { generateSW } = require('workbox-build');

const [dist, base = ''] = process.argv.slice(2);
// One set of caches per site path, so two hubs on one origin never share them.
const cacheId = `cart-hub${base.replace(/\//g, '-')}`;
const CACHES = { pages: `${cacheId}-pages`, data: `${cacheId}-data`, assets: `${cacheId}-assets` };

/** The prerendered pages of an edition, from its folder of data: path, title, files. */
function edition(code, prefix) {
  const dataDir = path.join(dist, 'data', prefix ? code : '');
  const index = JSON.parse(fs.readFileSync(path.join(dataDir, 'index.json'), 'utf8'));
  const pages = [];
  const page = (p, title, doc) => {
    const dir = p === '/' ? '' : p.slice(1);
    const html = path.join(dist, prefix.slice(1), dir, 'index.html');
    const files = [`${base}${prefix}${p === '/' ? '/' : p}`, `${base}${prefix}${p === '/' ? '' : p}/page-data.js`];
    if (doc) files.push(`${base}/data/${prefix ? `${code}/` : ''}${doc}`);
    const sizes = [html, path.join(dist, prefix.slice(1), dir, 'page-data.js'), doc && path.join(dataDir, doc)].filter(Boolean).map((f) => fs.statSync(f).size);
    pages.push({ path: `${prefix}${p}`, title, files, bytes: sizes.reduce((a, b) => a + b, 0) });
  };
  page('/', index.hub.title, null);
  // The hub's entry also keeps every shelf of library cards (only the first shelves are
  // precached, see PRECACHED_SHELVES), so a saved edition filters offline as it does online.
  const library = path.join(dataDir, 'library');
  const shelves = fs.readdirSync(library).filter((f) => f.endsWith('.json')).sort();
  pages[0].files.push(...shelves.map((f) => `${base}/data/${prefix ? `${code}/` : ''}library/${f}`));
  pages[0].bytes += shelves.reduce((sum, f) => sum + fs.statSync(path.join(library, f)).size, 0);
  for (const a of index.articles) page(`/articles/${a.slug}`, a.title, `articles/${a.slug}.json`);
  for (const t of index.topics) page(`/topics/${t.slug}`, t.title, `topics/${t.slug}.json`);
  page('/topics', null, null);
  page('/glossary', null, null);
  const bytes = pages.reduce((a, p) => a + p.bytes, 0);
  // The size as the reader reads it, in the edition's language ("1,262" in English, "1262" in
  // Spanish), formatted here: the first number formatting in a page costs the browser tens
  // of ms of main thread (its locale data), on every page load.
  const size = Math.max(1, Math.round(bytes / 1024)).toLocaleString(code);
  return { articles: index.articles.length, pages, bytes, size };
}

const editions = { en: edition('en', '') };
if (fs.existsSync(path.join(dist, 'data', 'es', 'index.json'))) editions.es = edition('es', '/es');
// offline.json is read on every page load (for the save control), so it stays the same size
// whatever the library's: per edition the counts, the size and where its list of pages is.
// The list (every page and file, which grows with the library) is its own file, named by
// its content so a new release's list is a new file, and read only to save, remove or list
// saved pages.
const summary = {};
for (const [code, e] of Object.entries(editions)) {
  const body = JSON.stringify({ pages: e.pages });
  const name = `offline-${code}-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.json`;
  fs.writeFileSync(path.join(dist, 'data', name), body);
  summary[code] = { articles: e.articles, pages: e.pages.length, bytes: e.bytes, size: e.size, list: `${base}/data/${name}` };
}
fs.writeFileSync(path.join(dist, 'offline.json'), JSON.stringify({ caches: CACHES, editions: summary }));

// The shelves of library cards every visitor's worker downloads on install: the hub's first
// shelves, the same number whatever the library holds (at 10,000 articles there are 834 per
// edition; precaching them all made every first visit download the whole library's cards
// and every sw.js carry their list). Later shelves are cached as they are read, and kept
// with "Save all articles".
const PRECACHED_SHELVES = 4;
const shelves = `cards-{${[...Array(PRECACHED_SHELVES).keys()].join(',')}}.json`;

const { count, size, warnings } = await generateSW({
  swDest: path.join(dist, 'sw.js'),
  globDirectory: dist,
  // The app shell and what every page needs: the fingerprinted assets, the fallback page,
  // each edition's hub, facets, first shelves of cards and glossary, the loaders and the
  // offline manifest, and the lists of pages (offline, a page not saved lists those that are).
  globPatterns: ['assets/*.{js,wasm,css}', 'shell.html', 'icon.svg', 'icon-maskable.svg', 'manifest.webmanifest', 'offline.json', 'data/offline-*.json',
    'data/hub.json', 'data/library/facets.json', `data/library/${shelves}`, 'data/glossary.json',
    'data/es/hub.json', 'data/es/library/facets.json', `data/es/library/${shelves}`, 'data/es/glossary.json'],
  modifyURLPrefix: { '': `${base}/` },
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  cacheId,
  // A new release waits until the reader says "Reload" (offline.js sends SKIP_WAITING).
  skipWaiting: false,
  clientsClaim: false,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: 'production',
  runtimeCaching: [
    // Pages: the network first; offline, the saved copy, or else the app shell (which says
    // the page is not saved and lists those that are).
    {
      urlPattern: ({ request }) => request.mode === 'navigate',
      handler: 'NetworkFirst',
      options: {
        cacheName: CACHES.pages,
        networkTimeoutSeconds: 5,
        plugins: [{ handlerDidError: async () => caches.match(new URL('shell.html', self.registration.scope).href, { ignoreSearch: true }) }],
      },
    },
    // Documents and the page-data scripts: the network first, the saved copy offline.
    { urlPattern: /\/(data\/.+\.json|page-data\.js|404-data\.js)$/, handler: 'NetworkFirst', options: { cacheName: CACHES.data, networkTimeoutSeconds: 5 } },
    // Fingerprinted assets of a newer release, met before the reader accepts it: kept, so a
    // page of that release still opens offline with its own wasm (never another build's).
    { urlPattern: /\/assets\/[^/]+$/, handler: 'CacheFirst', options: { cacheName: CACHES.assets } },
    { urlPattern: /\/(config\.json|portal-[^/]+\.js|boot-[^/]+\.js)$/, handler: 'NetworkFirst', options: { cacheName: CACHES.data } },
  ],
});
for (const w of warnings) console.warn(`offline: ${w}`);
const kb = (n) => `${Math.round(n / 1024)} KB`;
console.log(`offline: sw.js precaches ${count} files (${kb(size)}); save-all: ${Object.entries(editions).map(([k, e]) => `${k} ${e.pages.length} pages ${kb(e.bytes)}`).join(', ')}`);
