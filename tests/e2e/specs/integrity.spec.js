// Subresource Integrity: every script the pages load, and the wasm, carry a digest the
// browser checks. A file changed on the way (a tampered CDN, a broken cache) is never run.
const crypto = require('crypto');
const { test, expect, ready, attr, wake, move } = require('./fixtures');

const digest = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
test('every script, the glue and the wasm carry the digest of the file served', async ({ request }) => {
  const pages = ['/', '/topics', '/glossary', '/articles/what-is-car-t-cell-therapy', '/no-such-page'];
  let checked = 0;
  for (const url of pages) {
    const html = await (await request.get(url)).text();
    const tags = html.match(/<script[^>]*\ssrc=[^>]*>/g) || [];
    expect(tags.length, url).toBe(3); // portal.js, the loader and offline.js
    for (const tag of tags) {
      for (const [src, sri] of [['src', 'integrity'], ['data-js', 'data-js-integrity'], ['data-wasm', 'data-wasm-integrity']]) {
        const file = attr(tag, src);
        if (!file) continue;
        const body = await (await request.get(file)).body();
        expect(attr(tag, sri), `${url}: ${sri} of ${file}`).toBe(digest(body));
        checked += 1;
      }
    }
    const body = /<body[^>]*>/.exec(html)[0];
    const data = attr(body, 'data-page-data');
    if (data) {
      expect(attr(body, 'data-page-data-integrity'), `${url}: page data`).toBe(digest(await (await request.get(data)).body()));
      checked += 1;
    }
  }
  console.log(`integrity: ${checked} digests checked on ${pages.length} pages`);
});

/** Serves `pattern` with one byte changed (and whatever `mark` adds, to see if it ran). */
async function tamper(page, pattern, mark = '') {
  await page.route(pattern, async (route) => {
    const res = await route.fetch();
    const bytes = Buffer.concat([await res.body(), Buffer.from(mark)]);
    if (!mark) bytes[bytes.length - 1] ^= 0xff;
    await route.fulfill({ response: res, body: bytes });
  });
}

test.describe('a changed file is refused', () => {
  test.use({ expectedConsoleErrors: /integrity|digest|could not start/i });

  test('a changed wasm: the app does not start, the page stays readable and says so', async ({ page }) => {
    await tamper(page, /_bg\.wasm$/);
    await page.goto('/topics');
    await expect(page.locator('#boot-failure')).toContainText('could not start');
    await expect(page.locator('main h1')).toHaveText('Topics');
    await expect(page.locator('html[data-app]')).toHaveCount(0);
  });

  test('a changed glue script is never run', async ({ page }) => {
    await tamper(page, /\/assets\/cart-hub-[0-9a-f]{8,16}\.js$/, ';window.__tampered = true;');
    await page.goto('/glossary');
    await expect(page.locator('#boot-failure')).toContainText('could not start');
    expect(await page.evaluate(() => window.__tampered)).toBeUndefined();
    await expect(page.locator('main h1')).toHaveText('Glossary');
  });

  test('a changed page-data script is never run; the app renders the page with data it fetches', async ({ page }) => {
    await tamper(page, /page-data\.js$/, ';window.__tampered = true;');
    await page.goto('/topics');
    await wake(page);
    await expect(page.locator('html[data-app="mounted"]')).toHaveCount(1);
    await expect(page.locator('.topic-list li').first()).toBeVisible();
    expect(await page.evaluate(() => window.__tampered)).toBeUndefined();
    await expect(page.locator('main h1')).toHaveText('Topics');
  });

  test('a changed loader is never run: the prerendered page is still there to read', async ({ page }) => {
    await tamper(page, /\/assets\/boot-[0-9a-f]{16}\.js$/, ';window.__tampered = true;');
    await page.goto('/articles/what-is-car-t-cell-therapy');
    await expect(page.locator('main h1')).toBeVisible();
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => window.__tampered)).toBeUndefined();
    // The reader moves (the app would start now) and still nothing has run.
    await move(page);
    await page.waitForTimeout(500);
    await expect(page.locator('html[data-app]')).toHaveCount(0);
  });
});

test('with every digest intact the app starts', async ({ page }) => {
  await page.goto('/topics');
  await ready(page);
  await expect(page.locator('#boot-failure')).toHaveCount(0);
});
