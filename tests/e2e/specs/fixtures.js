// Shared test set-up. Every page records console errors and uncaught exceptions, and the
// test fails if any appeared that the test did not expect (e.g. the 500 it injected itself).
const base = require('@playwright/test');

const test = base.test.extend({
  // A regex for console errors this test causes on purpose (a single RegExp: Playwright
  // would read an array as [value, options]).
  expectedConsoleErrors: [null, { option: true }],
  consoleErrors: [async ({ page, expectedConsoleErrors }, use) => {
    const errors = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || (msg.type() === 'warning' && /hydrat/i.test(msg.text()))) {
        errors.push(`console.${msg.type()}: ${msg.text()}`);
      }
    });
    page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
    await use(errors);
    const unexpected = errors
      .filter((e) => !(expectedConsoleErrors && expectedConsoleErrors.test(e)))
      // Debug builds advise the `csr` feature whenever a page is rendered rather than
      // hydrated; the fallback shell is rendered on purpose by the hydrate build.
      .filter((e) => !/trying to use Leptos in client-side rendering mode, but the `csr` feature is not enabled/.test(e));
    base.expect(unexpected, 'no unexpected console errors').toEqual([]);
  }, { auto: true }],
});

/** The editions: where each language's pages and documents live. */
const EDITIONS = [
  { code: 'en', prefix: '', data: '/data/' },
  { code: 'es', prefix: '/es', data: '/data/es/' },
];

/** The compiled content, read from the server like the app reads it (`lang`: 'en' or 'es'). */
async function loadIndex(request, lang = 'en') {
  const edition = EDITIONS.find((e) => e.code === lang);
  const res = await request.get(`${edition.data}index.json`);
  base.expect(res.ok()).toBeTruthy();
  return res.json();
}

/**
 * The reader's first move, a pointer over the page (or frame: `scope` is a page or a frame
 * locator), repeated until the app has started: a prerendered page starts the app then
 * (public/boot.js). A page that starts at once ignores it.
 */
async function wake(scope) {
  let x = 1;
  await base.expect(async () => {
    x = 3 - x;
    await scope.locator('body').hover({ position: { x, y: 1 }, force: true, timeout: 2000 });
    await base.expect(scope.locator('html[data-app]')).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 20000 });
}

/**
 * The reader moves and the app starts: `wake`, without the moves, for a page whose app must
 * not start (a check that it did not would otherwise pass before it had the chance).
 */
async function move(scope) {
  for (const x of [1, 2, 1]) await scope.locator('body').hover({ position: { x, y: 1 }, force: true });
}

/** Waits until the wasm has taken over the page (hydrated or rendered it), after a first move. */
async function ready(page) {
  await wake(page);
  await base.expect(page.locator('main h1')).toBeVisible();
}

/**
 * Opens a page through the running app rather than by loading it: prerendered pages carry
 * their data, so only in-app navigation makes the app fetch a document (and meet a fault).
 */
async function openInApp(page, where) {
  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  // Start from the glossary: it does not use the index, which the app keeps once read.
  if (where === 'hub') {
    await page.goto('/glossary');
    await ready(page);
    await nav('Home').click();
  } else if (where === 'topics') {
    await page.goto('/glossary');
    await ready(page);
    await nav('Topics').click();
  } else if (where.article) {
    await page.goto('/');
    await ready(page);
    await page.locator('.card').getByRole('link', { name: where.article, exact: true }).click();
  } else if (where.topic) {
    await page.goto('/topics');
    await ready(page);
    await page.locator('.topic-list').getByRole('link', { name: where.topic, exact: true }).click();
  }
}

/** Cards on a page of the library: the hub's first view, each "Show more", each page. */
const PER_PAGE = 12;
/** What the first view of a list shows. */
const firstPage = (list) => list.slice(0, PER_PAGE);

/**
 * Serves the real library with no article tagged with one cancer type (for an empty result):
 * the facets file has a bit per type in chip order (`cart_model::library::facet_code`).
 */
async function serveLibraryWithout(page, type) {
  const bit = 1 << ['lymphoma', 'all', 'myeloma', 'solid-tumors'].indexOf(type);
  await page.route('**/data/library/facets.json', async (route) => {
    const res = await route.fetch();
    const doc = await res.json();
    doc.facets = doc.facets.map((code) => code & ~bit);
    await route.fulfill({ response: res, json: doc });
  });
}

/**
 * Serves `body` as config.json to every frame of the page, in place of the shipped file (a
 * portal team's edit of it): an object is sent as JSON, a string as it is. `url` narrows it
 * to one site's config.json.
 */
async function serveConfig(page, body, { status = 200, url = /\/config\.json$/ } = {}) {
  await page.context().route(url, (route) => route.fulfill({
    status, contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body),
  }));
}

/** The shipped config.json, fetched from the server, with `changes` on top. */
async function editConfig(page, changes, url = /\/config\.json$/) {
  await page.context().route(url, async (route) => {
    const shipped = await (await route.fetch()).json();
    await route.fulfill({ json: { ...shipped, ...changes } });
  });
}

/** An attribute's value in a start tag, quoted or not (the build minifies pages). */
function attr(tag, name) {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|([^\\s>]+))`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * The titles the hub shows under these cancer types: articles written for one selected type
 * alone first, then the rest, each in the library's (journey) order.
 */
function libraryOrder(index, types) {
  const shown = index.articles.filter((a) => a.cancer_types.some((t) => types.includes(t)));
  const specific = (a) => a.cancer_types.length === 1 && types.includes(a.cancer_types[0]);
  return [...shown.filter(specific), ...shown.filter((a) => !specific(a))].map((a) => a.title);
}

module.exports = { EDITIONS, PER_PAGE, firstPage, libraryOrder, test, expect: base.expect, loadIndex, ready, wake, move, openInApp, serveLibraryWithout, serveConfig, editConfig, attr };
