// Prerendered pages: readable without JavaScript, hydrated without being rebuilt, and
// described to search engines.
const { test, expect, loadIndex, ready, libraryOrder, firstPage, PER_PAGE, EDITIONS, wake } = require('./fixtures');

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the hub shows its introduction, the first page of articles and the topics', async ({ page, request }) => {
    const index = await loadIndex(request);
    await page.goto('/');
    await expect(page.locator('main h1')).toHaveText(index.hub.title);
    await expect(page.locator('.hub-about')).toContainText('chimeric antigen receptor');
    await expect(page.locator('.cards .card__title')).toHaveText(firstPage(index.articles.map((a) => a.title)));
    await expect(page.locator('.related-topics a')).toHaveText(index.topics.map((t) => t.title));
    await expect(page.locator('html[data-app]')).toHaveCount(0);
  });

  test('an article shows its whole body, sources and dates', async ({ page, request }) => {
    const index = await loadIndex(request);
    const a = (await (await request.get(`/data/articles/${index.articles[0].slug}.json`)).json()).article;
    await page.goto(`/articles/${a.slug}`);
    await expect(page.locator('main h1')).toHaveText(a.title);
    await expect(page).toHaveTitle(`${a.title} | CAR-T Hub`);
    await expect(page.locator('.article__body h2, .article__body h3')).toHaveCount(a.body.filter((b) => 'heading' in b).length);
    await expect(page.locator('.sources li')).toHaveCount(a.sources.length);
    await expect(page.locator('.article__facts')).toContainText(a.last_reviewed.display);
  });

  test('a topic shows its introduction and articles', async ({ page, request }) => {
    const index = await loadIndex(request);
    const t = (await (await request.get(`/data/topics/${index.topics[0].slug}.json`)).json()).topic;
    await page.goto(`/topics/${t.slug}`);
    await expect(page.locator('main h1')).toHaveText(t.title);
    await expect(page.locator('.topic .card__title')).toHaveText(t.articles.map((x) => x.title));
  });

  test('a chip leads to that cancer type\'s prerendered list', async ({ page, request }) => {
    const index = await loadIndex(request);
    await page.goto('/');
    await page.getByRole('button', { name: 'Myeloma', exact: true }).click();
    await expect(page).toHaveURL(/\/types\/myeloma/);
    await expect(page.getByRole('button', { name: 'Myeloma', exact: true })).toHaveAttribute('aria-pressed', 'true');
    const expected = firstPage(libraryOrder(index, ['myeloma']));
    await expect(page.locator('.cards .card__title')).toHaveText(expected);
    // Pressing it again goes back to everything.
    await page.getByRole('button', { name: 'Myeloma', exact: true }).click();
    await expect(page.locator('.cards .card')).toHaveCount(firstPage(index.articles).length);
  });
});

const pages = ['/', '/topics', '/types/lymphoma', '/es/', '/es/types/myeloma', '/es/glossary'];

test.describe('with JavaScript on', () => {
  for (const path of [...pages, 'first article', 'first topic', 'es/articles/approved-car-t-products']) {
    test(`${path}: hydration keeps every node the server drew`, async ({ page, request }) => {
      const index = await loadIndex(request);
      const url = path === 'first article' ? `/articles/${index.articles[0].slug}`
        : path === 'first topic' ? `/topics/${index.topics[0].slug}` : path.startsWith('/') ? path : `/${path}`;
      // A reader whose browser prefers the page's language: no language offer appears (it is
      // meant to appear after hydration, and would count as a change here).
      await page.addInitScript((code) => localStorage.setItem('cart-hub:lang', code), url.startsWith('/es') ? 'es' : 'en');
      // Hold the wasm back until the prerendered nodes are tagged and watched.
      let release;
      const gate = new Promise((r) => { release = r; });
      await page.route(/_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
      const data = [];
      page.on('request', (r) => { if (r.url().includes('/data/')) data.push(r.url()); });
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const before = await page.evaluate(() => {
        // offline.js draws in its own places (the save slot, its status lines): not the
        // server's nodes, and not hydration's doing.
        const own = (n) => n.nodeType === 1 && (n.closest('[data-offline="save"]') || n.closest('[id^="offline-"]'));
        const ownTarget = (m) => own(m.target) || [...m.addedNodes, ...m.removedNodes].every((n) => own(n));
        window.__before = [...document.body.querySelectorAll('*')].filter((n) => !own(n) || n.matches('[data-offline="save"]'));
        window.__changes = 0;
        new MutationObserver((ms) => ms.filter((m) => !ownTarget(m)).forEach((m) => { window.__changes += m.removedNodes.length + m.addedNodes.length; }))
          .observe(document.body, { childList: true, subtree: true });
        return window.__before.length;
      });
      expect(before).toBeGreaterThan(30);
      release();
      await wake(page);
      await expect(page.locator('html[data-app="hydrated"]')).toHaveCount(1);
      await page.waitForLoadState('networkidle');
      const after = await page.evaluate(() => ({
        detached: window.__before.filter((n) => !n.isConnected).length,
        changes: window.__changes,
      }));
      expect(after).toEqual({ detached: 0, changes: 0 });
      expect(data, 'no second download of data the page carries').toEqual([]);
    });
  }

  test('after hydration, chips, links and Back still work', async ({ page, request }) => {
    const index = await loadIndex(request);
    await page.goto('/');
    await wake(page);
    await expect(page.locator('html[data-app="hydrated"]')).toHaveCount(1);
    await page.getByRole('button', { name: 'Lymphoma', exact: true }).click();
    await expect(page).toHaveURL('/?type=lymphoma');
    await expect(page.locator('.cards .card__title')).toHaveText(firstPage(libraryOrder(index, ['lymphoma'])));
    await page.locator('.cards a').first().click();
    await expect(page).toHaveURL(/\/articles\//);
    await page.goBack();
    await expect(page).toHaveURL('/?type=lymphoma');
    await expect(page.getByRole('button', { name: 'Lymphoma', exact: true })).toHaveAttribute('aria-pressed', 'true');
  });

  test('a filtered link hydrates the hub at once (no move needed), then applies the filter', async ({ page, request }) => {
    const index = await loadIndex(request);
    await page.goto('/?type=all,myeloma');
    await expect(page.locator('html[data-app="hydrated"]')).toHaveCount(1);
    const expected = firstPage(libraryOrder(index, ['all', 'myeloma']));
    await expect(page.locator('.cards .card__title')).toHaveText(expected);
  });

  test('a path that was not prerendered gets the app shell and is rendered, not hydrated', async ({ page }) => {
    await page.goto('/no-such-page');
    await expect(page.locator('html[data-app="mounted"]')).toHaveCount(1);
    await expect(page.locator('main h1')).toHaveText('We could not find that page');
    await expect(page.locator('noscript')).toBeHidden();
  });
});

test.describe('metadata', () => {
  test('every page in the sitemap has a unique title and description, a canonical URL, Open Graph tags and MedicalWebPage JSON-LD', async ({ page, request }) => {
    const sitemap = await (await request.get('/sitemap.xml')).text();
    const entries = [...sitemap.matchAll(/<url><loc>([^<]+)<\/loc>(.*?)<\/url>/g)];
    const locs = entries.map((m) => new URL(m[1]).pathname);
    // What each page should say, from the documents it was made from (the words the reader
    // gets, not their escaped form). The other pages' words are the app's own.
    const site = 'CAR-T Hub';
    const expected = [];
    const words = new Map();
    const langOf = new Map();
    for (const { code, prefix } of EDITIONS) {
      const index = await loadIndex(request, code);
      const within = ['/', '/topics', '/glossary', ...['lymphoma', 'all', 'myeloma', 'solid-tumors'].map((t) => `/types/${t}`),
        ...['understanding', 'deciding', 'preparing', 'treatment', 'recovery'].map((s) => `/stages/${s}`),
        ...index.articles.map((a) => `/articles/${a.slug}`), ...index.topics.map((t) => `/topics/${t.slug}`)];
      // The library's further pages: each listing that runs over one page, from page 2.
      const listings = [['', index.articles],
        ...['lymphoma', 'all', 'myeloma', 'solid-tumors'].map((t) => [`/types/${t}`, index.articles.filter((a) => a.cancer_types.includes(t))]),
        ...['understanding', 'deciding', 'preparing', 'treatment', 'recovery'].map((s) => [`/stages/${s}`, index.articles.filter((a) => a.stage === s)])];
      for (const [path, list] of listings) {
        for (let n = 2; n <= Math.ceil(list.length / PER_PAGE); n++) within.push(`${path}/page/${n}`);
      }
      for (const p of within) {
        expected.push(`${prefix}${p}`);
        langOf.set(`${prefix}${p}`, { code, within: p });
      }
      words.set(`${prefix}/`, { h1: index.hub.title, title: `${index.hub.title} | ${site}`, description: index.hub.summary, reviewed: index.hub.last_reviewed.iso });
      for (const a of index.articles) words.set(`${prefix}/articles/${a.slug}`, { h1: a.title, title: `${a.title} | ${site}`, description: a.summary, reviewed: a.last_reviewed.iso });
      for (const t of index.topics) words.set(`${prefix}/topics/${t.slug}`, { h1: t.title, title: `${t.title} | ${site}`, description: t.summary, reviewed: index.hub.last_reviewed.iso });
    }
    expect(locs.sort()).toEqual(expected.sort());
    // Each sitemap entry names the page in every language, and x-default.
    for (const [, loc, rest] of entries) {
      const { within } = langOf.get(new URL(loc).pathname);
      const alts = Object.fromEntries([...rest.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], new URL(m[2]).pathname]));
      expect(alts, `${loc}: alternates in the sitemap`).toEqual({ en: within, es: `/es${within}`, 'x-default': within });
    }
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toContain('Sitemap: ');

    const titles = new Set();
    const descriptions = new Set();
    for (const path of locs) {
      const html = await (await request.get(path)).text();
      // The page as a browser parses it (entities decoded, script text as the JSON parser
      // gets it), without running it.
      const seen = await page.evaluate((source) => {
        const d = new DOMParser().parseFromString(source, 'text/html');
        const content = (m) => m.getAttribute('content');
        return {
          titles: d.querySelectorAll('title').length,
          title: d.title,
          descriptions: [...d.querySelectorAll('meta[name="description"]')].map(content),
          canonical: [...d.querySelectorAll('link[rel="canonical"]')].map((l) => l.getAttribute('href')),
          og: Object.fromEntries([...d.querySelectorAll('meta[property^="og:"]')].map((m) => [m.getAttribute('property'), content(m)])),
          ld: [...d.querySelectorAll('script[type="application/ld+json"]')].map((x) => x.textContent),
          h1: [...d.querySelectorAll('main h1')].map((h) => h.textContent.trim()),
          lang: d.documentElement.getAttribute('lang'),
          alternates: Object.fromEntries([...d.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')])),
          // Nothing inline that executes or styles: only the JSON-LD data block.
          inlineScripts: [...d.querySelectorAll('script:not([src])')].filter((x) => x.type !== 'application/ld+json').length,
          styled: d.querySelectorAll('[style], style').length,
        };
      }, html);
      const { code, within } = langOf.get(path);
      expect(seen.lang, `${path}: <html lang>`).toBe(code);
      expect(Object.fromEntries(Object.entries(seen.alternates).map(([k, v]) => [k, new URL(v).pathname])), `${path}: hreflang alternates`)
        .toEqual({ en: within, es: `/es${within}`, 'x-default': within });
      expect(seen.titles, `${path}: one <title>`).toBe(1);
      expect(seen.descriptions, `${path}: one description`).toHaveLength(1);
      const [title, description] = [seen.title, seen.descriptions[0]];
      expect(title, `${path}: a title`).toBeTruthy();
      expect(description, `${path}: a description`).toBeTruthy();
      if (words.has(path)) {
        const w = words.get(path);
        expect({ title, description, h1: seen.h1 }, `${path}: the words of its document`).toEqual({ title: w.title, description: w.description, h1: [w.h1] });
      }
      expect(titles.has(title), `${path}: title "${title}" is unique`).toBe(false);
      expect(descriptions.has(description), `${path}: description is unique`).toBe(false);
      titles.add(title);
      descriptions.add(description);
      expect(seen.canonical).toHaveLength(1);
      const canonical = seen.canonical[0];
      expect(new URL(canonical).pathname).toBe(path);
      expect(seen.og, `${path}: Open Graph says what the page says`).toEqual(expect.objectContaining({
        'og:title': title, 'og:description': description, 'og:url': canonical,
        'og:type': within.startsWith('/articles/') ? 'article' : 'website',
      }));
      expect(seen.ld, `${path}: one JSON-LD block`).toHaveLength(1);
      const ld = JSON.parse(seen.ld[0]);
      expect(ld['@type']).toBe('MedicalWebPage');
      expect(ld.inLanguage, `${path}: JSON-LD inLanguage`).toBe(code);
      expect({ name: ld.name, description: ld.description, url: ld.url }, `${path}: JSON-LD says what the page says`)
        .toEqual({ name: title, description, url: canonical });
      expect(ld.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (words.has(path)) expect(ld.lastReviewed).toBe(words.get(path).reviewed);
      expect(ld.reviewedBy).toEqual({ '@type': 'Organization', name: 'CAR-T Hub' });
      expect(ld.medicalAudience.audienceType).toBe('Patient');
      expect(ld.about.name).toBeTruthy();
      expect(seen.inlineScripts, `${path}: no inline scripts`).toBe(0);
      expect(seen.styled, `${path}: no inline styles`).toBe(0);
    }
  });
});

// The app is fetched once the page has loaded, but compiled and started at the reader's first
// move (public/boot.js), so it never holds up the page while it appears.
test.describe('the app starts at the reader\'s first move', () => {
  /** A marker that only a full page load clears. */
  const mark = (page) => page.evaluate(() => { window.__samePage = true; });
  const samePage = (page) => page.evaluate(() => window.__samePage === true);

  test('a still reader: the page is whole and its app fetched, not started; the first move starts it', async ({ page }) => {
    const fetched = page.waitForRequest(/_bg\.wasm$/);
    await page.goto('/');
    await fetched;
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await expect(page.locator('html[data-app]')).toHaveCount(0);
    await expect(page.locator('.cards .card')).toHaveCount(PER_PAGE);
    await page.mouse.move(5, 5);
    await expect(page.locator('html[data-app="hydrated"]')).toHaveCount(1);
  });

  test('the first key press starts it too, and Tab still moves focus', async ({ page }) => {
    await page.goto('/topics');
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('Tab');
    await expect(page.locator('html[data-app="hydrated"]')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  });

  test('a chip pressed as the first move filters in place, as later presses do', async ({ page, request }) => {
    const index = await loadIndex(request);
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    await mark(page);
    await page.getByRole('button', { name: 'Myeloma', exact: true }).click();
    await expect(page).toHaveURL('/?type=myeloma');
    await expect(page.locator('.cards .card__title')).toHaveText(firstPage(libraryOrder(index, ['myeloma'])));
    expect(await samePage(page), 'no full page load').toBe(true);
  });

  test('a link clicked as the first move opens in place', async ({ page, request }) => {
    const index = await loadIndex(request);
    const a = index.articles[3];
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    await mark(page);
    await page.locator('.cards').getByRole('link', { name: a.title, exact: true }).click();
    await expect(page.locator('main h1')).toHaveText(a.title);
    await expect(page).toHaveURL(`/articles/${a.slug}`);
    expect(await samePage(page), 'no full page load').toBe(true);
  });

  test('if the app cannot start in time, a held link is followed as plain HTML', async ({ page, request }) => {
    const index = await loadIndex(request);
    const a = index.articles[3];
    await page.route(/_bg\.wasm$/, () => { /* never answered */ });
    await page.goto('/');
    await mark(page);
    await page.locator('.cards').getByRole('link', { name: a.title, exact: true }).click();
    await expect(page.locator('main h1')).toHaveText(a.title, { timeout: 10000 });
    await expect(page).toHaveURL(`/articles/${a.slug}`);
    expect(await samePage(page), 'a full page load').toBe(false);
  });

  // Search is prerendered empty and draws its answers in the browser; connect is drawn from
  // the shell (nothing to read before the app).
  for (const [path, mode] of [['/search', 'hydrated'], ['/connect', 'mounted']]) {
    test(`${path} starts on load, without a move`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator(`html[data-app="${mode}"]`)).toHaveCount(1);
    });
  }
});
