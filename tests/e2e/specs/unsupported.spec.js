// Where the app cannot run, the reader gets a readable message instead of a blank page (and
// a prerendered page stays readable under it).
const { test, expect, move } = require('./fixtures');

test.use({ expectedConsoleErrors: /WebAssembly|wasm|CompileError|could not start/i });

test('a browser without WebAssembly shows what to do, and the prerendered page stays readable', async ({ page, request }) => {
  const index = await (await request.get('/data/index.json')).json();
  // As in a browser that has no WebAssembly (or where policy removed it).
  await page.addInitScript(() => { delete globalThis.WebAssembly; });
  {
    await page.goto('/');
    expect(await page.evaluate(() => typeof WebAssembly)).toBe('undefined');
    const message = page.locator('#boot-failure');
    await expect(message).toBeVisible();
    await expect(message).toContainText('This page could not start in your browser');
    await expect(message).toContainText('update your browser');
    await expect(page.locator('main h1')).toHaveText(index.hub.title);
    // A page that was not prerendered (the shell) is not blank either.
    await page.goto('/no-such-page');
    await expect(page.locator('#boot-failure')).toBeVisible();
  }
});

test('on a Spanish page the message is in Spanish', async ({ page }) => {
  await page.addInitScript(() => { delete globalThis.WebAssembly; });
  await page.goto('/es/glossary');
  const message = page.locator('#boot-failure');
  await expect(message).toContainText('Esta página no pudo abrirse en su navegador');
  await expect(message).toContainText('Actualice su navegador');
  await expect(page.locator('main h1')).toHaveText('Glosario');
});

test('a module that fails to compile shows the same message', async ({ page }) => {
  // Without the page's integrity digest for the wasm (as on a host that strips it), so the
  // browser really tries to compile the bytes; integrity.spec.js covers the digest itself.
  await page.route(/\/topics\/?$/, async (route) => {
    const res = await route.fetch();
    const html = (await res.text()).replace(/ data-wasm-integrity="[^"]*"/, '');
    await route.fulfill({ response: res, body: html });
  });
  await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm at all') }));
  await page.goto('/topics');
  // The module is compiled at the reader's first move.
  await move(page);
  await expect(page.locator('#boot-failure')).toContainText('This page could not start in your browser');
  await expect(page.locator('main h1')).toHaveText('Topics');
});
