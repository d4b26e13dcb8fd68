// Reading with no signal: the service worker keeps visited pages, "Save all articles" keeps
// every page of an edition, updates wait for the reader's "Reload" and never mix builds, and
// the status is said in plain words. Chromium (Playwright's offline mode and service workers).
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { test, expect, loadIndex, ready, editConfig, wake } = require('./fixtures');

// Going offline makes the page's own requests fail on purpose.
test.use({ expectedConsoleErrors: /ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to load resource|Failed to fetch|could not save/ });

/** Waits until the worker controls the page (a first visit is controlled from its reload). */
async function controlled(page) {
  await expect(page.locator('html[data-offline="on"]')).toHaveCount(1);
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await ready(page);
}

test('a visited article opens again offline after a reload, with the offline line', async ({ page, context }) => {
  await page.goto('/articles/car-t-for-lymphoma');
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await expect(page.locator('main h1')).toHaveText('CAR-T cell therapy for lymphoma');
  await expect(page.locator('#offline-status')).toContainText('You are offline. Saved pages still open.');
  await context.setOffline(false);
  await page.evaluate(() => dispatchEvent(new Event('online')));
  await expect(page.locator('#offline-status')).toHaveCount(0);
});

test('a page never opened says it is not saved and lists the saved ones, not a browser error', async ({ page, context, request }) => {
  const index = await loadIndex(request);
  await page.goto('/articles/car-t-for-lymphoma');
  await controlled(page);
  await context.setOffline(true);
  await page.goto('/articles/caregivers-guide');
  const status = page.locator('#offline-status');
  await expect(status).toContainText('This page is not saved on this device. These pages are:');
  await expect(status.getByRole('link', { name: index.articles.find((a) => a.slug === 'car-t-for-lymphoma').title })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Your device could not reach our server');
});

test('"Save all articles" keeps every page of the edition; then every article opens offline; and it can be removed', async ({ page, context, request }) => {
  const index = await loadIndex(request);
  const manifest = await (await request.get('/offline.json')).json();
  // The list of pages grows with the library: a page load never reads it, only a save does.
  const lists = [];
  page.on('request', (r) => { if (/\/data\/offline-/.test(r.url())) lists.push(r.url()); });
  await page.goto('/');
  await controlled(page);
  const slot = page.locator('[data-offline="save"]');
  const kb = Math.round(manifest.editions.en.bytes / 1024).toLocaleString('en');
  await expect(slot.getByRole('button', { name: `Save all articles for offline reading (about ${kb} KB)` })).toBeVisible();
  expect(lists, 'the list of pages is not read to draw a page').toEqual([]);
  await slot.getByRole('button', { name: `Save all articles for offline reading (about ${kb} KB)` }).click();
  await expect(slot).toContainText(`Saved for offline reading: ${index.articles.length} articles, ${kb} KB.`, { timeout: 30000 });
  await context.setOffline(true);
  for (const a of index.articles) {
    await page.goto(`/articles/${a.slug}`);
    await expect(page.locator('main h1')).toHaveText(a.title);
  }
  for (const t of index.topics) {
    await page.goto(`/topics/${t.slug}`);
    await expect(page.locator('main h1')).toHaveText(t.title);
  }
  await page.goto('/glossary');
  await expect(page.locator('main h1')).toHaveText('Glossary');
  await context.setOffline(false);
  await page.goto('/');
  await slot.getByRole('button', { name: 'Remove saved pages' }).click();
  await expect(slot.getByRole('button', { name: /^Save all articles/ })).toBeVisible();
});

test('after "Save all", the library opens offline after the browser is restarted', async ({ baseURL, request }) => {
  const { chromium } = require('@playwright/test');
  const index = await loadIndex(request);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cart-hub-profile-'));
  const launch = () => chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', baseURL });
  try {
    let context = await launch();
    let page = await context.newPage();
    await page.goto('/');
    await controlled(page);
    await page.locator('[data-offline="save"] button').click();
    await expect(page.locator('[data-offline="save"]')).toContainText('Saved for offline reading', { timeout: 30000 });
    await context.close();
    // A new browser process on the same profile, with no network.
    context = await launch();
    await context.setOffline(true);
    page = await context.newPage();
    for (const a of [index.articles[0], index.articles.at(-1)]) {
      await page.goto(`/articles/${a.slug}`);
      await expect(page.locator('main h1')).toHaveText(a.title);
    }
    await page.goto('/');
    await expect(page.locator('main h1')).toHaveText(index.hub.title);
    await context.close();
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('the Spanish edition saves its own pages, in Spanish', async ({ page, context, request }) => {
  const es = await loadIndex(request, 'es');
  await page.goto('/es/');
  await controlled(page);
  const slot = page.locator('[data-offline="save"]');
  await slot.getByRole('button', { name: /^Guardar todos los artículos para leer sin conexión/ }).click();
  await expect(slot).toContainText(`Guardado para leer sin conexión: ${es.articles.length} artículos`, { timeout: 30000 });
  await context.setOffline(true);
  await page.goto(`/es/articles/${es.articles[5].slug}`);
  await expect(page.locator('main h1')).toHaveText(es.articles[5].title);
  await expect(page.locator('#offline-status')).toContainText('No tiene conexión');
});

test('offline.json stays the same size whatever the library: counts, size and where the list is', async ({ request }) => {
  const res = await request.get('/offline.json');
  const manifest = await res.json();
  expect((await res.body()).length, 'read on every page load').toBeLessThan(1024);
  for (const [code, e] of Object.entries(manifest.editions)) {
    const index = await loadIndex(request, code);
    expect(e.articles).toBe(index.articles.length);
    const list = await (await request.get(e.list)).json();
    expect(list.pages.filter((p) => p.path.includes('/articles/')).length).toBe(index.articles.length);
    expect(e.pages).toBe(list.pages.length);
  }
});

test('the worker precaches the same few shelves of cards however large the library, and "Save all" keeps every shelf', () => {
  // A copy of this build with a library of 100 shelves per edition (1,200 articles' cards),
  // its worker and lists written again by the build's own step.
  const repo = path.join(__dirname, '..', '..', '..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cart-hub-shelves-'));
  try {
    fs.cpSync(process.env.DIST_DIR || path.join(repo, 'dist'), dir, { recursive: true, dereference: true });
    const before = JSON.parse(fs.readFileSync(path.join(dir, 'offline.json'), 'utf8'));
    const base = before.editions.en.list.split('/data/')[0];
    const libraries = { en: 'data/library', es: 'data/es/library' };
    for (const lib of Object.values(libraries)) {
      for (let n = 0; n < 100; n++) {
        const f = path.join(dir, lib, `cards-${n}.json`);
        if (!fs.existsSync(f)) fs.copyFileSync(path.join(dir, lib, 'cards-0.json'), f);
      }
    }
    execFileSync('node', [path.join(repo, 'scripts', 'offline.mjs'), dir, base], { cwd: repo, stdio: 'ignore' });
    const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'offline.json'), 'utf8'));
    for (const [code, lib] of Object.entries(libraries)) {
      const precached = new Set([...sw.matchAll(/"([^"]*)\/library\/cards-\d+\.json"/g)].map((m) => m[0]).filter((u) => u.includes(`${lib}/cards-`)));
      expect(precached.size, `${code}: shelves every first visit downloads`).toBe(4);
      const list = JSON.parse(fs.readFileSync(path.join(dir, manifest.editions[code].list.slice(base.length)), 'utf8'));
      const kept = list.pages[0].files.filter((f) => f.includes(`${lib}/cards-`));
      expect(kept.length, `${code}: shelves "Save all" keeps`).toBe(100);
      expect(list.pages[0].files).toContain(`${base}/${lib}/facets.json`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the hub is installable: a manifest under the base, with icons, that Chromium accepts', async ({ page, request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest).toEqual(expect.objectContaining({ name: 'CAR-T Hub', start_url: '/', scope: '/', display: 'standalone' }));
  expect(manifest.icons.map((i) => i.purpose).sort()).toEqual(['any', 'maskable']);
  for (const icon of manifest.icons) expect((await request.get(icon.src)).ok()).toBe(true);
  await page.goto('/');
  await controlled(page);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are incognito windows, where Chromium installs nothing: that is
  // the only objection allowed.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
});

test('embed mode has no service worker by default; config.json "offline": false removes one', async ({ page }) => {
  await page.goto('/?embed=1');
  await expect(page.locator('html[data-offline="off"]')).toHaveCount(1);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  await expect(page.locator('[data-offline="save"]')).toBeHidden();
});

test('config.json "offline": false unregisters the worker of an earlier visit', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html[data-offline="on"]')).toHaveCount(1);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await editConfig(page, { offline: false });
  await page.reload();
  await expect(page.locator('html[data-offline="off"]')).toHaveCount(1);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
});

test.describe('updates', () => {
  // Two releases served in turn from one address: build A (this build) and build B (the same
  // with new fingerprinted asset names, a changed article and a new worker), as a host
  // deploys them: the served folder's files are replaced by the other release's.
  const repo = path.join(__dirname, '..', '..', '..');
  const dist = process.env.DIST_DIR || path.join(repo, 'dist');
  let dir; let port; let base;
  test.beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cart-hub-deploys-'));
    fs.chmodSync(dir, 0o755);
    fs.cpSync(dist, path.join(dir, 'a'), { recursive: true, dereference: true });
    makeReleaseB(dist, path.join(dir, 'b'));
    fs.cpSync(path.join(dir, 'a'), path.join(dir, 'site'), { recursive: true });
    port = 8500 + Math.floor(Math.random() * 400);
    execFileSync(path.join(repo, 'scripts', 'nginx.sh'), ['start', String(port), path.join(dir, 'site')], { stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
  });
  test.afterAll(async () => {
    try { execFileSync(path.join(repo, 'scripts', 'nginx.sh'), ['stop', String(port)], { stdio: 'ignore' }); } catch { /* not started */ }
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const deploy = (release) => {
    const site = path.join(dir, 'site');
    for (const name of fs.readdirSync(site)) fs.rmSync(path.join(site, name), { recursive: true, force: true });
    fs.cpSync(path.join(dir, release), site, { recursive: true });
  };

  test('a new release waits for "Reload", never mixes builds, and says what changed', async ({ page, context }) => {
    deploy('a');
    const article = `${base}/articles/car-t-for-lymphoma`;
    await page.goto(article);
    await controlled(page);
    const wasmA = await page.locator('script[data-wasm]').getAttribute('data-wasm');
    deploy('b');
    await page.reload();
    await ready(page);
    // The page is release B's (the network's), with B's own wasm: the old worker has none of
    // B's files, and gave none of A's.
    const wasmB = await page.locator('script[data-wasm]').getAttribute('data-wasm');
    expect(wasmB).not.toBe(wasmA);
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.wasm')));
    expect(loaded).toEqual([wasmB]);
    // The new worker waits for the reader.
    const update = page.locator('#offline-update');
    await expect(update).toContainText('A new version of CAR-T Hub is available.');
    // Offline before accepting: the same release B opens, whole (its wasm was kept).
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    expect(await page.locator('script[data-wasm]').getAttribute('data-wasm')).toBe(wasmB);
    await wake(page);
    await expect(page.locator('html[data-app="hydrated"]')).toHaveCount(1);
    await context.setOffline(false);
    await page.reload();
    await ready(page);
    // Listen before the click: the reload may finish before a later listener starts.
    const reloaded = page.waitForEvent('load');
    await page.locator('#offline-update').getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await ready(page);
    await expect(page.locator('#offline-update')).toHaveCount(0);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting)).toBeNull();
  });

  test('after an update, a page whose content changed says so', async ({ page }) => {
    deploy('a');
    const article = `${base}/articles/car-t-for-lymphoma`;
    await page.goto(article);
    await ready(page);
    deploy('b');
    await page.reload();
    await ready(page);
    await expect(page.locator('#offline-changed')).toContainText('This page has changed since you last read it.');
    await page.reload();
    await ready(page);
    await expect(page.locator('#offline-changed')).toHaveCount(0);
  });
});

/**
 * Release B from release A: every fingerprinted asset under a new name (a new build), one
 * article's documents changed, and a new worker (its precache lists the new names).
 */
function makeReleaseB(a, b) {
  fs.cpSync(a, b, { recursive: true, dereference: true });
  // Trunk drops a fingerprint's leading zeros (8 to 16 digits); the last digit changes, so
  // every name differs from release A's.
  const renames = fs.readdirSync(path.join(b, 'assets')).filter((n) => /-[0-9a-f]{8,16}[._]/.test(n))
    .map((n) => [n, n.replace(/-([0-9a-f]{8,16})([._])/, (m, h, s) => `-${h.slice(0, -1)}${h.endsWith('b') ? 'c' : 'b'}${s}`)]);
  for (const [from, to] of renames) fs.renameSync(path.join(b, 'assets', from), path.join(b, 'assets', to));
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const file of walk(b).filter((f) => /\.(html|js|json)$/.test(f) && !f.includes(`${path.sep}assets${path.sep}`))) {
    let text = fs.readFileSync(file, 'utf8');
    const before = text;
    for (const [from, to] of renames) text = text.split(from).join(to);
    if (text !== before) fs.writeFileSync(file, text);
  }
  // The changed article: its page-data.js (and so the digest its page carries).
  const dataJs = path.join(b, 'articles', 'car-t-for-lymphoma', 'page-data.js');
  const changed = `${fs.readFileSync(dataJs, 'utf8')}\n// release B\n`;
  fs.writeFileSync(dataJs, changed);
  const digest = `sha384-${crypto.createHash('sha384').update(changed).digest('base64')}`;
  const html = path.join(b, 'articles', 'car-t-for-lymphoma', 'index.html');
  fs.writeFileSync(html, fs.readFileSync(html, 'utf8').replace(/data-page-data-integrity="[^"]*"/, `data-page-data-integrity="${digest}"`));
  fs.appendFileSync(path.join(b, 'sw.js'), '\n// release B\n');
  // Precompressed copies would still be release A's: drop them, nginx compresses on the fly.
  for (const f of walk(b).filter((x) => /\.(br|gz)$/.test(x))) fs.unlinkSync(f);
}
