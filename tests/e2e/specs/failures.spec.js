// Loading and failure: faults are injected by intercepting the data requests in the
// browser; the app itself runs unmodified. Prerendered pages carry their own data, so each
// test reaches the faulty document by navigating inside the running app.
const { test, expect, loadIndex, ready, openInApp, firstPage, wake } = require('./fixtures');

test.use({ expectedConsoleErrors: /Failed to load resource|net::ERR_|status of 404/ });

const faults = {
  'an HTTP 500': (route) => route.fulfill({ status: 500, body: 'Internal Server Error' }),
  'the network being down': (route) => route.abort('internetdisconnected'),
  'malformed JSON': (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema":1,"hub":{"tit' }),
  'an HTML page instead of JSON': (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Login</p>' }),
  'a schema version the app does not know': async (route) => {
    const res = await route.fetch();
    const doc = await res.json();
    doc.schema = 99;
    await route.fulfill({ response: res, json: doc });
  },
};
const explanations = {
  'an HTTP 500': /server had a problem \(error 500\)/,
  'the network being down': /could not reach our server/,
  'malformed JSON': /damaged or incomplete/,
  'an HTML page instead of JSON': /damaged or incomplete/,
  'a schema version the app does not know': /needs a newer version/,
};

for (const [name, fault] of Object.entries(faults)) {
  test(`the hub explains ${name} and Retry recovers`, async ({ page, request }) => {
    const index = await loadIndex(request);
    let failing = true;
    await page.route('**/data/hub.json', (route) => (failing ? fault(route) : route.continue()));
    await openInApp(page, 'hub');
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText('Sorry, we could not load the list of articles');
    await expect(alert).toContainText(explanations[name]);
    await expect(page).toHaveTitle(/Could not load/);
    // The rest of the app still works around the failure.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    failing = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('main h1')).toHaveText(index.hub.title);
    await expect(page.locator('.cards .card')).toHaveCount(firstPage(index.articles).length);
  });
}

test('an article that fails to load says so, offers Retry, and navigation still works', async ({ page, request }) => {
  const index = await loadIndex(request);
  const target = index.articles[1];
  let failing = true;
  await page.route(`**/data/articles/${target.slug}.json`, (route) => (failing ? route.fulfill({ status: 503, body: '' }) : route.continue()));
  await page.goto('/');
  await ready(page);
  await page.getByRole('link', { name: target.title }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('Sorry, we could not load this article');
  await expect(alert).toContainText('error 503');
  // The hub, already loaded, is still reachable.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.locator('main h1')).toHaveText(index.hub.title);
  await page.goBack();
  await expect(alert).toBeVisible();
  failing = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('main h1')).toHaveText(target.title);
});

test('a topic with an unknown schema version asks for a reload, and Retry recovers', async ({ page, request }) => {
  const index = await loadIndex(request);
  const topic = index.topics[0];
  let failing = true;
  await page.route(`**/data/topics/${topic.slug}.json`, async (route) => {
    if (!failing) return route.continue();
    const res = await route.fetch();
    const doc = await res.json();
    doc.schema = doc.schema + 1; // a version newer than this app knows
    await route.fulfill({ response: res, json: doc });
  });
  await openInApp(page, { topic: topic.title });
  await expect(page.getByRole('alert')).toContainText(/needs a newer version/);
  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('main h1')).toHaveText(topic.title);
});

test('slow data shows a loading state first', async ({ page, request }) => {
  const index = await loadIndex(request);
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/data/hub.json', async (route) => { await gate; await route.continue(); });
  await openInApp(page, 'hub');
  await expect(page.getByRole('status').filter({ hasText: 'Loading the list of articles' })).toBeVisible();
  release();
  await expect(page.locator('main h1')).toHaveText(index.hub.title);
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
});

test('a link with a forbidden scheme in data is drawn as plain text, never as a link', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.route('**/data/hub.json', async (route) => {
    const res = await route.fetch();
    const doc = await res.json();
    doc.hub.body.unshift({ paragraph: { content: [
      { link: { href: 'javascript:alert(1)', content: [{ text: 'Sneaky link' }] } },
      { text: ' and <img src=x onerror=alert(2)> as text' },
    ] } });
    await route.fulfill({ response: res, json: doc });
  });
  await openInApp(page, 'hub');
  await expect(page.locator('main h1')).toHaveText(index.hub.title);
  await expect(page.locator('.hub-about')).toContainText('Sneaky link and <img src=x onerror=alert(2)> as text');
  await expect(page.getByRole('link', { name: 'Sneaky link' })).toHaveCount(0);
  await expect(page.locator('.hub-about img')).toHaveCount(0);
});

test('when the network drops mid-session, pages already read still open, a new one says why, and Retry works once back online', async ({ page, context, request }) => {
  const index = await loadIndex(request);
  const [first, second] = index.articles;
  await page.goto('/');
  await ready(page);
  await page.locator('.card').getByRole('link', { name: first.title, exact: true }).click();
  await expect(page.locator('main h1')).toHaveText(first.title);
  await context.setOffline(true);
  // Already read: the hub and the first article open without the network.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.locator('main h1')).toHaveText(index.hub.title);
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText(first.title);
  // Not read yet: a plain-words failure.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await page.locator('.card').getByRole('link', { name: second.title, exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('could not reach our server');
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('main h1')).toHaveText(second.title);
});

test('a late answer for a page the reader has left never replaces the newer page', async ({ page, request }) => {
  const index = await loadIndex(request);
  const [slow, fast] = index.articles;
  let slowRequested;
  const requested = new Promise((r) => { slowRequested = r; });
  await page.route(`**/data/articles/${slow.slug}.json`, async (route) => {
    slowRequested();
    await new Promise((r) => setTimeout(r, 2500));
    await route.continue().catch(() => {}); // aborted by the app: fine
  });
  await page.goto('/');
  await ready(page);
  await page.locator('.card').getByRole('link', { name: slow.title, exact: true }).click();
  await requested;
  await page.goBack();
  await page.locator('.card').getByRole('link', { name: fast.title, exact: true }).click();
  await expect(page.locator('main h1')).toHaveText(fast.title);
  await page.waitForTimeout(3500);
  await expect(page.locator('main h1')).toHaveText(fast.title);
  await expect(page).toHaveURL(`/articles/${fast.slug}`);
});

test('an article the index lists but whose document is missing is a failure with Retry, not "not found"', async ({ page, request }) => {
  const index = await loadIndex(request);
  const target = index.articles[2];
  let missing = true;
  await page.route(`**/data/articles/${target.slug}.json`, (route) => (missing ? route.fulfill({ status: 404, body: 'Not Found' }) : route.continue()));
  await page.goto('/');
  await ready(page);
  await page.locator('.card').getByRole('link', { name: target.title, exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('Sorry, we could not load this article');
  await expect(alert).toContainText('error 404');
  missing = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('main h1')).toHaveText(target.title);
});

test('an article that does not exist is not found, decided from the list of slugs, never the whole index', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/data/')) fetched.push(new URL(r.url()).pathname); });
  // The host's not-found page, drawn by the app for this path: it asks for the article,
  // meets a 404, and reads pages.json to tell "no such page" from a server fault.
  await page.goto('/articles/no-such-article');
  await wake(page);
  await expect(page.locator('main h1')).toHaveText('We could not find that page');
  expect(fetched).toContain('/data/pages.json');
  expect(fetched, 'the index grows with the library').not.toContain('/data/index.json');
});
