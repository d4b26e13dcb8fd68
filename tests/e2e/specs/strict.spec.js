// Strict by default: the production CSP (sent by nginx) is never violated, and no request
// leaves the origin, while a reader moves through every kind of page.
const { test, expect, loadIndex, ready } = require('./fixtures');

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
