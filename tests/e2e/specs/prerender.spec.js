// Prerendered pages: readable without JavaScript, hydrated without being rebuilt, and
// described to search engines.
const { test, expect, loadIndex, ready } = require('./fixtures');

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the hub shows its introduction, every article and the topics', async ({ page, request }) => {
    const index = await loadIndex(request);
    await page.goto('/');
    await expect(page.locator('main h1')).toHaveText(index.hub.title);
    await expect(page.locator('.hub-intro')).toContainText('chimeric antigen receptor');
    await expect(page.locator('.cards .card__title')).toHaveText(index.articles.map((a) => a.title));
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
    const expected = index.articles.filter((a) => a.cancer_types.includes('myeloma')).map((a) => a.title);
    await expect(page.locator('.cards .card__title')).toHaveText(expected);
    // Pressing it again goes back to everything.
    await page.getByRole('button', { name: 'Myeloma', exact: true }).click();
    await expect(page.locator('.cards .card')).toHaveCount(index.articles.length);
  });
});

const pages = ['/', '/topics', '/types/lymphoma'];

test.describe('with JavaScript on', () => {
  for (const path of [...pages, 'first article', 'first topic']) {
    test(`${path}: hydration keeps every node the server drew`, async ({ page, request }) => {
      const index = await loadIndex(request);
      const url = path === 'first article' ? `/articles/${index.articles[0].slug}`
        : path === 'first topic' ? `/topics/${index.topics[0].slug}` : path;
      // Hold the wasm back until the prerendered nodes are tagged and watched.
      let release;
      const gate = new Promise((r) => { release = r; });
      await page.route(/_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
      const data = [];
      page.on('request', (r) => { if (r.url().includes('/data/')) data.push(r.url()); });
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const before = await page.evaluate(() => {
        window.__before = [...document.body.querySelectorAll('*')];
        window.__changes = 0;
        new MutationObserver((ms) => ms.forEach((m) => { window.__changes += m.removedNodes.length + m.addedNodes.length; }))
          .observe(document.body, { childList: true, subtree: true });
        return window.__before.length;
      });
      expect(before).toBeGreaterThan(30);
      release();
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
    await expect(page.locator('html[data-app="hydrated"]')).toHaveCount(1);
    await page.getByRole('button', { name: 'Lymphoma', exact: true }).click();
    await expect(page).toHaveURL('/?type=lymphoma');
    await expect(page.locator('.cards .card__title')).toHaveText(index.articles.filter((a) => a.cancer_types.includes('lymphoma')).map((a) => a.title));
    await page.locator('.cards a').first().click();
    await expect(page).toHaveURL(/\/articles\//);
    await page.goBack();
    await expect(page).toHaveURL('/?type=lymphoma');
    await expect(page.getByRole('button', { name: 'Lymphoma', exact: true })).toHaveAttribute('aria-pressed', 'true');
  });

  test('a filtered link hydrates the hub, then applies the filter', async ({ page, request }) => {
    const index = await loadIndex(request);
    await page.goto('/?type=all,myeloma');
    await expect(page.locator('html[data-app="hydrated"]')).toHaveCount(1);
    const expected = index.articles.filter((a) => a.cancer_types.some((t) => ['all', 'myeloma'].includes(t))).map((a) => a.title);
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
  test('every page in the sitemap has a unique title and description, a canonical URL, Open Graph tags and MedicalWebPage JSON-LD', async ({ request }) => {
    const index = await loadIndex(request);
    const sitemap = await (await request.get('/sitemap.xml')).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    const expected = ['/', '/topics', '/glossary', ...['lymphoma', 'all', 'myeloma', 'solid-tumors'].map((t) => `/types/${t}`),
      ...index.articles.map((a) => `/articles/${a.slug}`), ...index.topics.map((t) => `/topics/${t.slug}`)];
    expect(locs.sort()).toEqual(expected.sort());
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toContain('Sitemap: ');

    const titles = new Set();
    const descriptions = new Set();
    for (const path of locs) {
      const html = await (await request.get(path)).text();
      const title = html.match(/<title>([^<]*)<\/title>/)[1];
      const description = html.match(/<meta name="description" content="([^"]*)"/)[1];
      expect(titles.has(title), `${path}: title "${title}" is unique`).toBe(false);
      expect(descriptions.has(description), `${path}: description is unique`).toBe(false);
      titles.add(title);
      descriptions.add(description);
      expect(html.match(/<title>/g)).toHaveLength(1);
      expect(html.match(/<meta name="description"/g)).toHaveLength(1);
      const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)[1];
      expect(new URL(canonical).pathname).toBe(path);
      for (const p of ['og:title', 'og:description', 'og:url', 'og:type']) {
        expect(html, `${path} has ${p}`).toContain(`property="${p}"`);
      }
      const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/)[1].replace(/<\\\//g, '</'));
      expect(ld['@type']).toBe('MedicalWebPage');
      expect(ld.name).toBe(title);
      expect(ld.description).toBe(description);
      expect(ld.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(ld.reviewedBy).toEqual({ '@type': 'Organization', name: 'CAR-T Hub' });
      expect(ld.medicalAudience.audienceType).toBe('Patient');
      expect(ld.about.name).toBeTruthy();
      // Nothing inline that executes: only the JSON-LD data block.
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
      expect(inline.every((attrs) => attrs.includes('application/ld+json')), `${path}: no inline scripts`).toBe(true);
      expect(html).not.toMatch(/\sstyle=/);
    }
  });
});
