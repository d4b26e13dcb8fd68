// A portal team's config.json (served here in place of the shipped one, as their edit of the
// file would be): brand colours, font, radius, logo, name, contact line and chrome show on
// the page, and anything broken falls back to the defaults with one console warning.
const AxeBuilder = require('@axe-core/playwright').default;
const { test, expect, ready, serveConfig, attr, wake } = require('./fixtures');

const DEFAULT_LINK = 'rgb(0, 94, 184)';

/** Serves `body` (an object, or raw text) as config.json; records console warnings. */
async function withConfig(page, body, status = 200) {
  await serveConfig(page, body, { status });
  const warnings = [];
  page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
  return warnings;
}

/** Waits until portal.js has read the config ("applied" or "fallback"). */
async function configDone(page, state) {
  await expect(page.locator(`html[data-config="${state}"]`)).toHaveCount(1);
}

const css = (locator, prop) => locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);

test('a portal brand: colours, font, radius, name, logo and contact line', async ({ page, request }) => {
  const icon = attr(/<link[^>]*rel=icon[^>]*>/.exec(await (await request.get('/')).text())[0], 'href');
  const warnings = await withConfig(page, {
    name: 'Riverside Health',
    logo: icon.replace(/^\//, ''), // relative to config.json: right on deep pages too
    contact: { text: 'Questions? Call your care team at', phone: '+1 555 0100' },
    colors: { brand: '#0b3d2e', link: '#8a1538', accent: '#0b3d2e' },
    font: 'Georgia, "Times New Roman", serif',
    radius: '2px',
  });
  await page.goto('/');
  await ready(page);
  await configDone(page, 'applied');

  const header = page.locator('.site-header');
  await expect(header.locator('.brand')).toHaveText('Riverside Health');
  await expect(page).toHaveTitle('CAR-T cell therapy | Riverside Health');
  expect(await css(header, 'background-color')).toBe('rgb(11, 61, 46)');
  expect(await css(page.locator('.card a').first(), 'color')).toBe('rgb(138, 21, 56)');
  expect(await css(page.locator('.chip').first(), 'border-top-color')).toBe('rgb(138, 21, 56)');
  expect(await css(page.locator('.card').first(), 'border-top-left-radius')).toBe('2px');
  expect(await css(page.locator('body'), 'font-family')).toMatch(/^Georgia/);
  const logo = header.locator('.brand__logo img');
  await expect(logo).toBeVisible();
  await expect(logo).toHaveAttribute('alt', '');
  await expect(header.locator('.brand__mark')).toBeHidden();
  const contact = page.getByRole('complementary', { name: 'Contact' });
  await expect(contact).toContainText('Questions? Call your care team at +1 555 0100');
  await expect(contact.getByRole('link', { name: '+1 555 0100' })).toHaveAttribute('href', 'tel:+15550100');
  // No style attribute anywhere but the root's custom properties (set through the CSSOM).
  expect(await page.locator('body [style]').count()).toBe(0);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // The brand stays through in-app navigation, and on a page the app renders from scratch.
  await page.locator('.card a').first().click();
  await expect(page.locator('main h1')).toBeFocused();
  await expect(header.locator('.brand')).toHaveText('Riverside Health');
  await expect(page).toHaveTitle(/^.+ \| Riverside Health$/);
  await expect(contact).toBeVisible();
  await page.goto('/no-such-page');
  await wake(page);
  await expect(page.locator('html[data-app="mounted"]')).toHaveCount(1);
  await expect(page.locator('.brand')).toHaveText('Riverside Health');
  await expect(page.getByRole('complementary', { name: 'Contact' })).toBeVisible();
  await page.goto('/articles/what-is-car-t-cell-therapy');
  await ready(page);
  await expect.poll(() => page.locator('.brand__logo img').evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(warnings.filter((w) => /config\.json/.test(w))).toEqual([]);
});

test('dark mode takes darkColors', async ({ page }) => {
  await withConfig(page, { colors: { link: '#8a1538' }, darkColors: { link: '#ffb3c6' } });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/topics');
  await configDone(page, 'applied');
  expect(await css(page.locator('main a').first(), 'color')).toBe('rgb(255, 179, 198)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => css(page.locator('main a').first(), 'color')).toBe('rgb(138, 21, 56)');
});

test('a config.json that is not JSON: the defaults, one warning, a working app', async ({ page }) => {
  const warnings = await withConfig(page, '{ "name": "Broken", ');
  await page.goto('/');
  await ready(page);
  await configDone(page, 'fallback');
  expect(await css(page.locator('.card a').first(), 'color')).toBe(DEFAULT_LINK);
  await expect(page.locator('.brand')).toHaveText('CAR-T Hub');
  expect(warnings.filter((w) => /config\.json/.test(w))).toEqual([expect.stringMatching(/not valid JSON.*defaults/)]);
  // Still a working app: a chip filters.
  await page.getByRole('button', { name: 'Myeloma' }).click();
  await expect(page).toHaveURL(/type=myeloma/);
});

test.describe('no config.json at all', () => {
  // The browser itself logs the 404 of the request; that one is expected.
  test.use({ expectedConsoleErrors: /Failed to load resource.*404/ });
  test('the defaults and one warning', async ({ page }) => {
    const warnings = await withConfig(page, 'Not found', 404);
    await page.goto('/glossary');
    await ready(page);
    await configDone(page, 'fallback');
    await expect(page.locator('.site-header')).toBeVisible();
    await expect(page.locator('.site-footer')).toBeVisible();
    expect(warnings.filter((w) => /config\.json/.test(w))).toEqual([expect.stringMatching(/HTTP 404/)]);
  });
});

test('bad fields fall back one by one; unreadable colours and low contrast are refused', async ({ page }) => {
  const warnings = await withConfig(page, {
    name: 'Okay Name',
    radius: '50px',
    colour: 'red',
    colors: { link: '#ffff00' }, // yellow on white: 1.07:1
    logo: 'https://tracker.example.com/logo.png',
    allowedParentOrigins: ['*'],
  });
  await page.goto('/');
  await ready(page);
  await configDone(page, 'fallback');
  await expect(page.locator('.brand')).toHaveText('Okay Name');
  expect(await css(page.locator('.card').first(), 'border-top-left-radius')).toBe('6px');
  expect(await css(page.locator('.card a').first(), 'color')).toBe(DEFAULT_LINK);
  await expect(page.locator('.brand__logo img')).toHaveCount(0);
  const mine = warnings.filter((w) => /config\.json/.test(w));
  expect(mine).toHaveLength(1);
  for (const reason of ['"radius"', 'unknown field "colour"', 'link on', '4.5:1', '"logo"', '"allowedParentOrigins"']) {
    expect(mine[0]).toContain(reason);
  }
});

test('the chrome can be switched off, and embed mode can come from the config', async ({ page }) => {
  await withConfig(page, { showHeader: false, showFooter: false });
  await page.goto('/topics');
  await configDone(page, 'applied');
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.locator('main h1')).toHaveText('Topics');

  await page.context().unrouteAll();
  await withConfig(page, { embed: true });
  await page.goto('/topics');
  await configDone(page, 'applied');
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.locator('.brand')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
