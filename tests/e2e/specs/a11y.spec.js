// WCAG 2.2 AA: axe on every page type and state, keyboard flows, small screens, print,
// and screenshots to look at.
const fs = require('fs');
const path = require('path');
const AxeBuilder = require('@axe-core/playwright').default;
const { test, expect, loadIndex, ready, openInApp, serveLibraryWithout, wake } = require('./fixtures');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary).toEqual([]);
}

// Each state, and below, the console errors it causes on purpose: only the failure states
// that cause them may have any; every other run fails on a console error, 404 and 500 included.
const states = {
  'hub': async (page) => { await page.goto('/'); },
  'hub, filtered': async (page) => { await page.goto('/?type=lymphoma,myeloma'); await expect(page.locator('.chip[aria-pressed=true]')).toHaveCount(2); },
  'hub, empty result': async (page) => {
    await serveLibraryWithout(page, 'solid-tumors');
    await openInApp(page, 'hub');
    await page.getByRole('button', { name: 'Solid tumors', exact: true }).click();
    await expect(page.locator('.empty-state')).toBeVisible();
  },
  'article': async (page, index) => { await page.goto(`/articles/${index.articles[0].slug}`); },
  'topic': async (page, index) => { await page.goto(`/topics/${index.topics[0].slug}`); },
  'topics index': async (page) => { await page.goto('/topics'); },
  'glossary': async (page) => { await page.goto('/glossary'); },
  // A path with no page: the shell (status 200) renders not-found, with no request failing.
  'not found': async (page) => { await page.goto('/no-such-page'); },
  // An article that does not exist: its document is a real 404, then not-found is shown.
  'article not found': async (page) => {
    await page.goto('/articles/no-such-article');
    await expect(page.locator('main h1')).toHaveText('We could not find that page');
  },
  'data failure': async (page) => {
    await page.route('**/data/hub.json', (route) => route.fulfill({ status: 500, body: '' }));
    await openInApp(page, 'hub');
    await expect(page.getByRole('alert')).toBeVisible();
  },
  // The Spanish edition: the same pages under /es/ (same slugs), and the language offer.
  'es hub': async (page) => { await page.goto('/es/'); },
  'hub, more shown': async (page) => { await page.goto('/?type=myeloma&page=2'); await expect(page.locator('.card').nth(12)).toBeVisible(); },
  'hub, a page of its own': async (page) => { await page.goto('/types/lymphoma/page/2'); },
  'es hub, a page of its own': async (page) => { await page.goto('/es/page/2'); },
  'es hub, filtered': async (page) => { await page.goto('/es/?type=lymphoma,myeloma'); await expect(page.locator('.chip[aria-pressed=true]')).toHaveCount(2); },
  'es article': async (page, index) => { await page.goto(`/es/articles/${index.articles[0].slug}`); },
  'es article with a table': async (page) => { await page.goto('/es/articles/approved-car-t-products'); },
  'es topic': async (page, index) => { await page.goto(`/es/topics/${index.topics[0].slug}`); },
  'es glossary': async (page) => { await page.goto('/es/glossary'); },
  'es not found': async (page) => { await page.goto('/es/no-such-page'); await expect(page.locator('main h1')).toHaveText('No encontramos esa página'); },
  // Links from a patient's record (HL7 Infobutton): an answer with a product, none, a bad link.
  'connect, answers': async (page) => { await page.goto('/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=C91.00&mainSearchCriteria.v.cs1=2.16.840.1.113883.6.88&mainSearchCriteria.v.c1=2700168'); },
  'connect, no information': async (page) => { await page.goto('/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=C50.911'); },
  'connect, malformed': async (page) => { await page.goto('/connect?mainSearchCriteria.v.c=C83.38'); await expect(page.getByRole('alert')).toBeVisible(); },
  'es connect': async (page) => { await page.goto('/es/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.96&mainSearchCriteria.v.c=443487006'); },
  'article with the save control and the offline line': async (page, index) => {
    await page.goto(`/articles/${index.articles[1].slug}`);
    await expect(page.locator('[data-offline="save"] button')).toBeVisible();
    await page.context().setOffline(true);
    await page.evaluate(() => dispatchEvent(new Event('offline')));
    await expect(page.locator('#offline-status')).toBeVisible();
  },
  // Search: results with highlights and chips, nothing asked, nothing found, the engine failing.
  'search, results': async (page) => {
    await page.goto('/search?q=fever&type=lymphoma');
    await expect(page.locator('.results mark').first()).toBeVisible();
  },
  'search, empty': async (page) => { await page.goto('/search'); },
  'search, no results': async (page) => { await page.goto('/search?q=xylophone'); await expect(page.locator('.search__help h2')).toContainText('xylophone'); },
  'search, failure': async (page) => {
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto('/search?q=fever');
    await expect(page.getByRole('alert')).toBeVisible();
  },
  'es search, results': async (page) => { await page.goto('/es/search?q=manejar'); await expect(page.locator('.results mark').first()).toBeVisible(); },
  'hub with the offer of Spanish': async (page) => {
    await page.addInitScript(() => localStorage.setItem('cart-hub:lang', 'es'));
    await page.goto('/');
    await wake(page);
    await expect(page.locator('.lang-offer')).toBeVisible();
  },
};
const expectedErrors = {
  'article not found': /status of 404/,
  'data failure': /status of 500/,
  'search, failure': /pagefind|Failed to fetch|ERR_FAILED/i,
};

for (const scheme of ['light', 'dark']) {
  test.describe(`axe, ${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, open] of Object.entries(states)) {
      test.describe(() => {
        test.use({ expectedConsoleErrors: expectedErrors[name] ?? null });
        test(`${name}: no WCAG 2.2 AA violations`, async ({ page, request }) => {
          const index = await loadIndex(request);
          await open(page, index);
          await ready(page);
          await axe(page);
        });
      });
    }
  });
}

test('a skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('keyboard focus is always visible', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  for (const locator of [page.locator('.site-nav a').first(), page.locator('.chip').first(), page.locator('.card a').first()]) {
    await locator.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(locator).toBeFocused();
    const style = await locator.evaluate((el) => {
      const s = getComputedStyle(el);
      return { outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, shadow: s.boxShadow !== 'none' };
    });
    expect(style.outline || style.shadow, JSON.stringify(style)).toBe(true);
  }
});

test('chips are toggle buttons in a labelled group, work with Space and Enter, and the count is announced', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  const group = page.getByRole('group', { name: 'Show articles about:' });
  await expect(group.getByRole('button')).toHaveCount(4);
  const lymphoma = group.getByRole('button', { name: 'Lymphoma', exact: true });
  await lymphoma.focus();
  await page.keyboard.press('Space');
  await expect(lymphoma).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL('/?type=lymphoma');
  await expect(lymphoma).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lymphoma).toHaveAttribute('aria-pressed', 'false');
  const status = page.locator('.result-count');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(status).toHaveAttribute('role', 'status');
});

test('the table of contents jumps to a section and focuses it', async ({ page, request }) => {
  const index = await loadIndex(request);
  let slug = null;
  for (const a of index.articles) {
    const doc = (await (await request.get(`/data/articles/${a.slug}.json`)).json()).article;
    if (doc.body.filter((b) => b.heading && b.heading.level === 2).length >= 4) { slug = a.slug; break; }
  }
  expect(slug, 'a long article exists').not.toBeNull();
  await page.goto(`/articles/${slug}`);
  await ready(page);
  const link = page.getByRole('navigation', { name: 'On this page' }).getByRole('link').nth(2);
  const id = (await link.getAttribute('href')).slice(1);
  await link.click();
  await expect(page.locator(`#${id}`)).toBeFocused();
  await expect(page.locator(`#${id}`)).toBeInViewport();
  await expect(page).toHaveURL(`/articles/${slug}`);
});

test('after a route change, focus moves to the new heading and the title changes', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('/');
  await ready(page);
  const a = index.articles[0];
  await page.locator('.card').getByRole('link', { name: a.title, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText(a.title);
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page).toHaveTitle(`${a.title} | CAR-T Hub`);
  await page.goBack();
  await expect(page.locator('main h1')).toBeFocused();
});

test('every page has landmarks, one h1, headings in order, and lang', async ({ page, request }) => {
  const index = await loadIndex(request);
  for (const url of ['/', '/page/2', '/topics', '/glossary', `/articles/${index.articles[0].slug}`, `/topics/${index.topics[0].slug}`]) {
    await page.goto(url);
    await ready(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    for (const role of ['banner', 'main', 'contentinfo']) await expect(page.getByRole(role)).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
    await expect(page.locator('h1')).toHaveCount(1);
    const levels = await page.locator('main h1, main h2, main h3, main h4').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1], `${url}: heading levels ${levels}`).toBeLessThanOrEqual(1);
  }
});

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  test('no page scrolls sideways, and targets are at least 24 px', async ({ page, request }) => {
    const index = await loadIndex(request);
    const urls = ['/', '/page/2', '/topics', '/glossary', ...index.articles.map((a) => `/articles/${a.slug}`), ...index.topics.map((t) => `/topics/${t.slug}`)];
    for (const url of urls) {
      await page.goto(url);
      await ready(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${url} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    }
    await page.goto('/');
    await ready(page);
    const small = await page.locator('button, .site-nav a, .tag--link, .pill-links a, .clear-filters, .brand').evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && (r.height < 24 || r.width < 24)).length);
    expect(small).toBe(0);
  });

  test('text at 200% still fits', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    // Through the CSSOM: an injected <style> would (rightly) break the CSP.
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('an article prints without navigation or chips, with source URLs written out', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto(`/articles/${index.articles[0].slug}`);
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.locator('.see-also')).toBeHidden();
  await expect(page.locator('.source__url').first()).toBeVisible();
  await expect(page.locator('.source__url').first()).toHaveText(/^https:\/\//);
  await expect(page.locator('.disclaimer')).toBeVisible();
  await page.goto('/');
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.filter')).toBeHidden();
});

test('the questions article prints as a checklist', async ({ page }) => {
  await page.goto('/articles/questions-to-ask-your-care-team');
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  const items = page.locator('.prose--checklist ul li');
  expect(await items.count()).toBeGreaterThan(20);
  const box = await items.first().evaluate((li) => {
    const s = getComputedStyle(li, '::before');
    return { width: s.width, border: s.borderTopWidth, style: getComputedStyle(li).listStyleType };
  });
  expect(box).toEqual({ width: expect.stringMatching(/px$/), border: '2px', style: 'none' });
});

test('screenshots of the hub and an article at 320, 768 and 1280 px, light and dark', async ({ browser, request }) => {
  const index = await loadIndex(request);
  const dir = path.join(__dirname, '..', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  for (const scheme of ['light', 'dark']) {
    for (const width of [320, 768, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, baseURL: test.info().project.use.baseURL });
      const page = await context.newPage();
      for (const [name, url] of [['hub', '/'], ['article', `/articles/${index.articles[0].slug}`]]) {
        await page.goto(url);
        await ready(page);
        const file = path.join(dir, `${name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: false });
        expect(fs.statSync(file).size).toBeGreaterThan(5000);
      }
      await context.close();
    }
  }
});
