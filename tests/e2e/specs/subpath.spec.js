// The same app built for a portal's path (`scripts/build.sh --public-url /patients/car-t/`)
// and served there by nginx: every link, chip, data fetch and Back stays under the path.
const { test, expect, ready, editConfig, wake } = require('./fixtures');

const SUB = process.env.SUB_BASE_URL;
test.skip(!SUB, 'needs SUB_BASE_URL (a build served under a sub-path)');
const base = SUB ? new URL(SUB).pathname.replace(/\/$/, '') : '';

async function linksStayUnder(page) {
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const outside = hrefs.filter((h) => !h.startsWith('#') && !h.startsWith('https://') && !h.startsWith('mailto:') && !h.startsWith('tel:') && !h.startsWith(`${base}/`));
  expect(outside).toEqual([]);
  const actions = await page.locator('form[action], button[formaction]').evaluateAll((els) => els.map((e) => e.getAttribute('action') || e.getAttribute('formaction')));
  expect(actions.filter((a) => !a.startsWith(`${base}/`))).toEqual([]);
}

test('pages, links and data all live under the path', async ({ page }) => {
  const index = await (await page.request.get(`${SUB}/data/index.json`)).json();
  const data = [];
  page.on('request', (r) => { if (r.url().includes('/data/')) data.push(new URL(r.url()).pathname); });
  for (const path of ['/', '/topics', '/glossary', `/articles/${index.articles[0].slug}`, `/topics/${index.topics[0].slug}`]) {
    await page.goto(`${SUB}${path}`);
    await ready(page);
    await expect(page.locator('html')).toHaveAttribute('data-app', 'hydrated');
    await linksStayUnder(page);
  }
  await page.goto(`${SUB}/`);
  await ready(page);
  await page.locator('.card a').nth(1).click();
  await expect(page.locator('main h1')).toHaveText(index.articles[1].title);
  expect(data.every((p) => p.startsWith(`${base}/data/`)), data.join(' ')).toBe(true);
  expect(data.length).toBeGreaterThan(0);
});

test('the Spanish edition lives under the path too, and its switch keeps the page', async ({ page }) => {
  const es = await (await page.request.get(`${SUB}/data/es/index.json`)).json();
  const a = es.articles[3];
  await page.goto(`${SUB}/articles/${a.slug}`);
  await ready(page);
  await page.getByRole('link', { name: 'Español' }).click();
  await expect(page).toHaveURL(`${SUB}/es/articles/${a.slug}`);
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'hydrated');
  await expect(page.locator('main h1')).toHaveText(a.title);
  await linksStayUnder(page);
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Inicio' }).click();
  await expect(page).toHaveURL(`${SUB}/es/`);
  await page.getByRole('button', { name: 'Mieloma', exact: true }).click();
  await expect(page).toHaveURL(`${SUB}/es/?type=myeloma`);
  await page.locator('.card a').first().click();
  await ready(page);
  expect(new URL(page.url()).pathname.startsWith(`${base}/es/articles/`)).toBe(true);
});

test('links from a patient\'s record (/connect) work under the path', async ({ page }) => {
  await page.goto(`${SUB}/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=C90.00&informationRecipient.languageCode.c=es`);
  await expect(page).toHaveURL(new RegExp(`${base}/es/connect\\?`));
  await ready(page);
  await linksStayUnder(page);
  await page.locator('#read-first + ul a').first().click();
  await expect(page).toHaveURL(`${SUB}/es/articles/car-t-for-multiple-myeloma`);
});

test('search works under the path: the engine, its index and the results\' links stay under it', async ({ page }) => {
  const outside = [];
  page.on('request', (r) => { const u = new URL(r.url()); if (!u.pathname.startsWith(`${base}/`)) outside.push(u.pathname); });
  await page.goto(`${SUB}/`);
  await ready(page);
  const box = page.getByRole('search', { name: 'Search the site' }).getByRole('searchbox');
  await box.fill('apheresis');
  await box.press('Enter');
  await expect(page).toHaveURL(`${SUB}/search?q=apheresis`);
  await expect(page.locator('.results mark').first()).toBeVisible();
  await linksStayUnder(page);
  await expect(page.locator('.results a[href$="/glossary#apheresis"]')).toHaveAttribute('href', `${base}/glossary#apheresis`);
  // Typing on in the page's field; an article among the results opens under the path.
  await page.locator('main').getByRole('searchbox').fill('fever');
  await expect(page).toHaveURL(`${SUB}/search?q=fever`);
  await linksStayUnder(page);
  await page.locator('.result', { hasText: 'Article' }).first().locator('a').click();
  await ready(page);
  expect(new URL(page.url()).pathname.startsWith(`${base}/articles/`)).toBe(true);
  expect(outside).toEqual([]);
  // Without scripts, the prerendered search page is there for the form to land on.
  expect((await page.request.get(`${SUB}/search?q=x`)).status()).toBe(200);
});

test.describe('offline under the path', () => {
  test.use({ expectedConsoleErrors: /ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to load resource/ });
  test('the worker\'s scope is the path, and a visited page opens offline', async ({ page, context }) => {
    await page.goto(`${SUB}/articles/car-t-for-lymphoma`);
    await expect(page.locator('html[data-offline="on"]')).toHaveCount(1);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe(`${base}/`);
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    await expect(page.locator('main h1')).toHaveText('CAR-T cell therapy for lymphoma');
    const manifest = await page.evaluate(async (u) => (await fetch(u)).json(), `${SUB}/manifest.webmanifest`);
    expect([manifest.start_url, manifest.scope]).toEqual([`${base}/`, `${base}/`]);
  });
});

test('chips, Back and reload keep the path (no doubled base)', async ({ page }) => {
  await page.goto(`${SUB}/`);
  await ready(page);
  await page.getByRole('button', { name: 'Myeloma', exact: true }).click();
  // The router writes the hub under a base as "/base?type=..." (no slash): both forms work.
  const hub = (q) => new RegExp(`^${SUB}/?${q ? `\\?type=${q}` : ''}$`);
  await expect(page).toHaveURL(hub('myeloma'));
  await page.getByRole('button', { name: 'Lymphoma', exact: true }).click();
  await expect(page).toHaveURL(hub('lymphoma,myeloma'));
  await wake(page);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'hydrated');
  await page.reload();
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'hydrated');
  await expect(page.getByRole('button', { name: 'Lymphoma', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.goBack();
  await expect(page).toHaveURL(hub('myeloma'));
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(hub(''));
  await page.locator('.card a').first().click();
  await expect(page).toHaveURL(new RegExp(`^${SUB}/articles/`));
  await page.reload();
  await ready(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page).toHaveURL(hub(''));
});

test('an unknown path under the base gets not-found with a way back', async ({ page }) => {
  await page.goto(`${SUB}/no-such-page`);
  await expect(page.locator('main h1')).toHaveText('We could not find that page');
  await page.getByRole('link', { name: 'Go to the CAR-T Hub home page' }).click();
  await expect(page).toHaveURL(new RegExp(`^${SUB}/?$`));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a chip leads to the per-type page under the path', async ({ page }) => {
    await page.goto(`${SUB}/`);
    await page.getByRole('button', { name: 'ALL', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`^${SUB}/types/all`));
    await expect(page.getByRole('button', { name: 'ALL', exact: true })).toHaveAttribute('aria-pressed', 'true');
  });
});

test('every request stays under the path, and the config.json there is the one applied', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  // The portal team's edit of the config.json that lives under their path.
  await editConfig(page, { name: 'Riverside Health', colors: { link: '#8a1538' } }, `${SUB}/config.json`);
  await page.goto(`${SUB}/articles/what-is-car-t-cell-therapy`);
  await ready(page);
  await expect(page.locator('html[data-config="applied"]')).toHaveCount(1);
  await expect(page.locator('.brand')).toHaveText('Riverside Health');
  expect(await page.locator('main a').first().evaluate((a) => getComputedStyle(a).color)).toBe('rgb(138, 21, 56)');
  expect(requests.filter((p) => !p.startsWith(`${base}/`))).toEqual([]);
  // The scripts, glue and wasm came from assets/ under the path, integrity-checked.
  // boot.js, portal.js, offline.js, the glue and the wasm.
  expect(requests.filter((p) => p.startsWith(`${base}/assets/`) && /\.(js|wasm)$/.test(p)).length).toBe(5);
});

test('embedded from a portal on another origin, the frame is sized and its pages stay under the path', async ({ page }) => {
  // In the sub-path server's frame-ancestors (scripts/test.sh).
  const { startPortals } = require('../portal-server');
  const portalPort = Number(new URL(SUB).port) + 3;
  const portals = await startPortals(`${SUB}/?embed=1`, [portalPort]);
  const [portal] = portals.origins;
  try {
    await editConfig(page, { allowedParentOrigins: [portal] }, `${SUB}/config.json`);
    await page.goto(`${portal}/embed-example.html`);
    const frame = page.frameLocator('#cart-hub');
    await wake(frame);
    await expect(frame.locator('html[data-app]')).toHaveCount(1);
    const height = () => page.locator('#cart-hub').evaluate((f) => parseInt(f.style.height, 10) || 0);
    await expect.poll(height).toBeGreaterThan(800);
    await frame.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }).click();
    await expect(frame.locator('main h1')).toHaveText('Topics');
    const inFrame = page.frames().find((f) => f.url().startsWith(new URL(SUB).origin));
    expect(new URL(inFrame.url()).pathname).toBe(`${base}/topics`);
  } finally {
    await portals.close();
  }
});

test('stage chips keep the path, with and without scripts', async ({ page, browser }) => {
  await page.goto(`${SUB}/`);
  await ready(page);
  await page.getByRole('button', { name: 'Getting ready', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${SUB}/?\\?stage=preparing$`));
  await expect(page.getByRole('button', { name: 'Getting ready', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await linksStayUnder(page);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto(`${SUB}/`);
  await plain.getByRole('button', { name: 'Recovery and life after', exact: true }).click();
  await expect(plain).toHaveURL(new RegExp(`^${SUB}/stages/recovery`));
  await expect(plain.locator('.card').first()).toBeVisible();
  await context.close();
});
