// Full-text search in the browser, for the app (src/search.rs). The app adds this module to
// the page the first time a reader focuses a search field or opens the search page; it loads
// Pagefind from pagefind/ beside it (written at build by scripts/search-index.mjs), in the
// page's language (Pagefind reads <html lang>), and answers the app's requests:
//
//   globalThis.cartHubSearch.search(JSON {query, types, limit}) -> Promise<JSON {total, results}>
//
// Each result: {url, title, kind, types, excerpt}, the excerpt as [text, matched] runs read
// from Pagefind's marked-up excerpt, so the app draws the highlight as its own nodes and never
// inserts HTML. Nothing here leaves this site: Pagefind fetches its index from the same folder.

const bundle = new URL('pagefind/pagefind.js', import.meta.url).href;
let engine = null;

/// Pagefind, loaded and started once; a failure is forgotten so the next call tries again.
function load() {
  engine ??= import(bundle).then(async (pagefind) => {
    await pagefind.options({ excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  });
  engine.catch(() => { engine = null; });
  return engine;
}

/// Pagefind's excerpt ("... <mark>driving</mark> ...", text escaped) as runs of text.
function runs(excerpt) {
  const body = new DOMParser().parseFromString(excerpt, 'text/html').body;
  return [...body.childNodes].map((node) => [node.textContent, node.nodeName === 'MARK'])
    .filter(([text]) => text.length > 0);
}

function describe(data) {
  return {
    url: data.url,
    title: data.meta?.title ?? '',
    kind: data.filters?.kind?.[0] ?? 'article',
    types: data.filters?.type ?? [],
    excerpt: runs(data.excerpt ?? ''),
  };
}

// The newest request: an older one still running (the reader typed on) skips fetching its
// results' fragments, which is most of a search's time at a large library.
let latest = 0;

async function search(requestJson) {
  const { query, types, limit } = JSON.parse(requestJson);
  const id = ++latest;
  const pagefind = await load();
  const options = types.length > 0 ? { filters: { type: { any: types } } } : {};
  const found = await pagefind.search(query, options);
  if (id !== latest) return JSON.stringify({ total: found.results.length, results: [] });
  const shown = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
  return JSON.stringify({ total: found.results.length, results: shown.map(describe) });
}

globalThis.cartHubSearch = { search };
// The reader is about to search: start loading the engine now.
load().catch(() => {});
