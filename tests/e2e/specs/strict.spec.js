// Strict by default: the production CSP (sent by nginx) is never violated, and no request
// leaves the origin, while a reader moves through every kind of page.
const { test, expect, loadIndex, ready, serveConfig } = require('./fixtures');

test('no CSP violation and no third-party request across a whole reading session', async ({ page, request, baseURL }) => {
  const index = await loadIndex(request);
  const origin = new URL(baseURL).origin;
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const res = await page.goto('/');
  expect(res.headers()['content-security-policy']).toContain("default-src 'none'");
  await ready(page);
  await page.getByRole('button', { name: 'Myeloma', exact: true }).click();
  await page.locator('.card a').first().click();
  await ready(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }).click();
  await page.locator('.topic-list a').first().click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Glossary' }).click();
  await expect(page.locator('main h1')).toHaveText('Glossary');
  for (const url of [`/articles/${index.articles.at(-1).slug}`, '/no-such-page', '/types/solid-tumors']) {
    await page.goto(url);
    await ready(page);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
  }
  expect(foreign).toEqual([]);
});

test('a portal config that uses every field stays inside the same policy', async ({ page, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  await serveConfig(page, {
    name: 'Riverside Health', logo: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/%3E',
    contact: { text: 'Questions? Call', phone: '+1 555 0100', email: 'care@example.org' },
    colors: { brand: '#0b3d2e', link: '#8a1538' }, darkColors: { link: '#ffb3c6' },
    font: 'Georgia, serif', radius: '10px', showFooter: false, embed: true, allowedParentOrigins: ['https://portal.example.org'],
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/');
  await ready(page);
  await expect(page.locator('html[data-config="applied"]')).toHaveCount(1);
  await expect(page.locator('.brand__logo img')).toHaveCount(1);
  await page.locator('.card a').first().click();
  await ready(page);
  await page.goto('/no-such-page');
  await ready(page);
  await expect(page.locator('.contact-line a')).toHaveCount(2);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(foreign).toEqual([]);
});
