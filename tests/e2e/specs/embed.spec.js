// The hub inside a portal's page, on another origin: public/embed-example.html served by two
// "portals" on two loopback ports (and a third the CSP does not list). The app's nginx lists
// the first two in frame-ancestors (FRAME_ANCESTORS in scripts/test.sh); config.json lists
// only the first in allowedParentOrigins.
const { test, expect, editConfig, wake } = require('./fixtures');
const { startPortals } = require('../portal-server');

const appUrl = new URL(process.env.BASE_URL || 'http://127.0.0.1:8181');
const port = Number(appUrl.port);
const [ALLOWED, LISTENING, UNLISTED] = [3, 4, 5].map((n) => `http://127.0.0.1:${port + n}`);
// ALLOWED may frame the hub and hears its height; LISTENING passes frame-ancestors but is
// not in allowedParentOrigins (the hub hides itself there); UNLISTED is not in
// frame-ancestors: the browser refuses to frame the hub.

let portals;
test.beforeAll(async () => { portals = await startPortals(`${appUrl.origin}/?embed=1`, [port + 3, port + 4, port + 5]); });
test.afterAll(async () => portals.close());

/** The shipped config.json with `allowedParentOrigins` set, as the portal team would edit it. */
async function allowParents(page, origins) {
  await editConfig(page, { allowedParentOrigins: origins }, `${appUrl.origin}/config.json`);
  // Every message the portal page receives, from the very start.
  await page.addInitScript(() => {
    if (window !== window.top) return;
    window.__messages = [];
    addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));
  });
}
const messages = (page) => page.evaluate(() => window.__messages);

test('an allowed portal hears the height on load, on page change and on resize, and the frame fits', async ({ page }) => {
  await allowParents(page, [ALLOWED]);
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto(`${ALLOWED}/embed-example.html`);
  const frame = page.frameLocator('#cart-hub');
  await wake(frame);
  await expect(frame.locator('html[data-app]')).toHaveCount(1);
  await expect.poll(async () => (await messages(page)).length).toBeGreaterThan(0);
  const first = (await messages(page)).at(-1);
  expect(first.origin).toBe(appUrl.origin);
  expect(first.data).toMatchObject({ type: 'cart-hub:height', path: '/' });
  expect(first.data.height).toBeGreaterThan(700);

  // Embed mode: no brand row or footer, navigation kept; the frame is as tall as its content.
  await expect(frame.locator('.site-footer')).toBeHidden();
  await expect(frame.locator('.brand')).toBeHidden();
  await expect(frame.getByRole('navigation', { name: 'Main' })).toBeVisible();
  // The frame's viewport is the content's height: nothing to scroll inside the frame.
  const fits = () => frame.locator('html').evaluate(() => Math.abs(innerHeight - Math.ceil(document.documentElement.getBoundingClientRect().height)));
  await expect.poll(fits).toBeLessThanOrEqual(1);

  // A page change inside the frame: a message with the new path; the portal page stays.
  await frame.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }).click();
  await expect(frame.locator('main h1')).toHaveText('Topics');
  await expect.poll(async () => (await messages(page)).at(-1).data.path).toBe('/topics');
  expect(page.url()).toBe(`${ALLOWED}/embed-example.html`);
  await expect.poll(fits).toBeLessThanOrEqual(1);

  // Narrower: the text wraps, the content grows, a new height arrives.
  const before = (await messages(page)).at(-1).data.height;
  await page.setViewportSize({ width: 360, height: 700 });
  await expect.poll(async () => (await messages(page)).at(-1).data.height).toBeGreaterThan(before);
  await expect.poll(fits).toBeLessThanOrEqual(1);
  // Every message came from the hub, in the documented shape.
  for (const m of await messages(page)) {
    expect(m.origin).toBe(appUrl.origin);
    expect(Object.keys(m.data).sort()).toEqual(['height', 'path', 'type']);
  }
});

test('a portal the CSP lets frame the hub, but config.json does not list, gets a refusal and no messages', async ({ page }) => {
  await allowParents(page, [ALLOWED]);
  const warned = page.waitForEvent('console', (m) => m.type() === 'warning' && m.text().includes(`framed by ${LISTENING}`));
  await page.goto(`${LISTENING}/embed-example.html`);
  const frame = page.frameLocator('#cart-hub');
  await warned;
  // The app runs in the frame, but shows nothing of itself: only why, and a way out.
  await wake(frame);
  await expect(frame.locator('html[data-app]')).toHaveCount(1);
  const refusal = frame.getByRole('alert');
  await expect(refusal).toContainText('This page cannot be shown here');
  await expect(refusal.getByRole('link', { name: 'Open CAR-T Hub in a new tab' })).toHaveAttribute('target', '_blank');
  await expect(frame.locator('main')).toBeHidden();
  await expect(frame.locator('.site-header')).toBeHidden();
  await page.setViewportSize({ width: 400, height: 700 });
  await page.waitForTimeout(500); // a resize's message would come within a frame or two
  expect(await messages(page)).toEqual([]);
});

test('framed Spanish pages give the refusal in Spanish', async ({ page }) => {
  await allowParents(page, [ALLOWED]);
  await page.goto(`${LISTENING}/embed-example.html`);
  const frame = page.frameLocator('#cart-hub');
  // The portal page frames the hub's root; the reader opens the Spanish edition in the frame.
  await wake(frame);
  await frame.locator('html[data-app]').waitFor({ state: 'attached' });
  await page.evaluate((url) => { document.getElementById('cart-hub').src = url; }, `${appUrl.origin}/es/?embed=1`);
  const refusal = frame.getByRole('alert');
  await expect(refusal).toContainText('Esta página no se puede mostrar aquí');
  await expect(refusal.getByRole('link', { name: 'Abrir CAR-T Hub en una pestaña nueva' })).toBeVisible();
});

test.describe('refused framing while the page data fails', () => {
  test.use({ expectedConsoleErrors: /500|Failed to load|page-data/ });
  test('the refusal stays: the app only ever touches its own #app root', async ({ page }) => {
    await allowParents(page, [ALLOWED]);
    // The prerendered markup cannot be hydrated without its data, so the app starts from
    // scratch; it used to empty <body>, deleting portal.js's refusal with it.
    await page.route('**/page-data.js', (route) => route.abort());
    await page.route('**/data/hub.json', (route) => route.fulfill({ status: 500, body: 'down' }));
    await page.goto(`${LISTENING}/embed-example.html`);
    const frame = page.frameLocator('#cart-hub');
    await wake(frame);
    await expect(frame.locator('html[data-app="mounted"]')).toHaveCount(1);
    const refusal = frame.getByRole('alert').filter({ hasText: 'This page cannot be shown here' });
    await expect(refusal).toBeVisible();
    await expect(refusal.getByRole('link', { name: 'Open CAR-T Hub in a new tab' })).toBeVisible();
    await expect(frame.locator('#app')).toBeHidden();
  });
});

test.describe('a page not in frame-ancestors', () => {
  test.use({ expectedConsoleErrors: /frame-ancestors|Refused to frame/ });
  test('cannot frame the hub at all', async ({ page }) => {
    await allowParents(page, [UNLISTED]); // even if config.json named it
    const refused = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
    await page.goto(`${UNLISTED}/embed-example.html`);
    await refused;
    await expect(page.frameLocator('#cart-hub').locator('html[data-app]')).toHaveCount(0);
    expect(await messages(page)).toEqual([]);
  });
});

test('in the frame, links to other sites open a new tab and a reload keeps embed mode', async ({ page, context }) => {
  await allowParents(page, [ALLOWED]);
  // No real network: the source's site answers from here.
  await context.route(/^https:\/\//, (route) => route.fulfill({ contentType: 'text/plain', body: 'a source' }));
  await page.goto(`${ALLOWED}/embed-example.html`);
  const frame = page.frameLocator('#cart-hub');
  await wake(frame);
  await expect(frame.locator('html[data-app]')).toHaveCount(1);
  // Search works inside the frame, under the CSP and the portal's policy.
  const box = frame.getByRole('search', { name: 'Search the site' }).getByRole('searchbox');
  await box.fill('fever');
  await box.press('Enter');
  await expect(frame.locator('.results mark').first()).toBeVisible();
  await frame.locator('.result', { hasText: 'Article' }).first().locator('a').click();
  await expect(frame.locator('.sources li').first()).toBeVisible();
  const inFrame = () => page.frames().find((f) => f.url().startsWith(appUrl.origin)).url();
  const articleUrl = inFrame();
  const popup = context.waitForEvent('page');
  await frame.locator('.sources a[href^="https://"]').first().click();
  expect((await popup).url()).toMatch(/^https:\/\//);
  expect(inFrame()).toBe(articleUrl);
  // A reload of the frame (no ?embed=1 in its address any more) stays in embed mode.
  expect(articleUrl).not.toContain('embed=1');
  await frame.locator('html').evaluate(() => location.reload());
  await wake(frame);
  await expect(frame.locator('html[data-app]')).toHaveCount(1);
  await expect(frame.locator('.site-footer')).toBeHidden();
  await expect(frame.locator('html[data-embed]')).toHaveCount(1);
});
