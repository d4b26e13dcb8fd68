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
    const unexpected = errors.filter((e) => !(expectedConsoleErrors && expectedConsoleErrors.test(e)));
    base.expect(unexpected, 'no unexpected console errors').toEqual([]);
  }, { auto: true }],
});

/** The compiled content, read from the server like the app reads it. */
async function loadIndex(request) {
  const res = await request.get('/data/index.json');
  base.expect(res.ok()).toBeTruthy();
  return res.json();
}

/** Waits until the app has rendered a page (its h1) after the wasm started. */
async function ready(page) {
  await base.expect(page.locator('main h1')).toBeVisible();
}

module.exports = { test, expect: base.expect, loadIndex, ready };
