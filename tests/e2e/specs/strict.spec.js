// Strict by default: the production CSP (sent by nginx) is never violated, and no request
// leaves the origin, while a reader moves through every kind of page.
const { test, expect, loadIndex, ready, serveConfig } = require('./fixtures');

/**
 * Records every CSP violation in every document and frame the page loads, on the test's side:
 * a listener kept in the page would be lost with its document at the next navigation. Each
 * new document reports through a binding, so nothing the page did before a `goto` is lost.
 */
async function watchViolations(page) {
  const violations = [];
  await page.exposeBinding('__cspViolation', (_source, v) => violations.push(v));
  await page.addInitScript(() => {
    // On the window, capturing: it sees events sent to any element, the document or itself.
    window.addEventListener('securitypolicyviolation', (e) => window.__cspViolation({
      page: location.href, directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI,
      source: `${e.sourceFile}:${e.lineNumber}`, sample: e.sample,
    }), true);
  });
  return violations;
}

test('no CSP violation and no third-party request across a whole reading session', async ({ page, request, baseURL }) => {
  const index = await loadIndex(request);
  const origin = new URL(baseURL).origin;
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  const violations = await watchViolations(page);
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
  // A search from the header's box: the engine, its worker, wasm and index under the policy.
  const box = page.getByRole('search', { name: 'Search the site' }).getByRole('searchbox');
  await box.fill('fever');
  await box.press('Enter');
  await expect(page.locator('.results mark').first()).toBeVisible();
  await page.getByRole('button', { name: 'Lymphoma', exact: true }).click();
  await expect(page).toHaveURL(/type=lymphoma/);
  await page.locator('.results a').first().click();
  await ready(page);
  for (const url of [`/articles/${index.articles.at(-1).slug}`, '/no-such-page', '/types/solid-tumors']) {
    await page.goto(url);
    await ready(page);
  }
  // The Spanish edition, reached by its switch, and back.
  await page.getByRole('link', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await ready(page);
  await page.getByRole('button', { name: 'Mieloma', exact: true }).click();
  await page.locator('.card a').first().click();
  await ready(page);
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Glosario' }).click();
  await expect(page.locator('main h1')).toHaveText('Glosario');
  await page.goto('/es/no-such-page');
  await ready(page);
  await page.goto('/es/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.88&mainSearchCriteria.v.c=2479140');
  await ready(page);
  await page.locator('#read-first + ul a').first().click();
  await ready(page);
  await page.getByRole('link', { name: 'English' }).click();
  await ready(page);
  // Events are delivered as tasks: let the last page's arrive before looking.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  expect(violations).toEqual([]);
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
  const violations = await watchViolations(page);
  await page.goto('/');
  await ready(page);
  await expect(page.locator('html[data-config="applied"]')).toHaveCount(1);
  await expect(page.locator('.brand__logo img')).toHaveCount(1);
  await page.locator('.card a').first().click();
  await ready(page);
  await page.goto('/no-such-page');
  await ready(page);
  await expect(page.locator('.contact-line a')).toHaveCount(2);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);
});
