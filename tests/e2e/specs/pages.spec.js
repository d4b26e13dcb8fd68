const { test, expect, loadIndex, ready } = require('./fixtures');

test('a cold deep link to an article shows the whole article', async ({ page, request }) => {
  const index = await loadIndex(request);
  for (const summary of index.articles) {
    const doc = await (await request.get(`/data/articles/${summary.slug}.json`)).json();
    const a = doc.article;
    await page.goto(`/articles/${a.slug}`);
    await expect(page.locator('main h1')).toHaveText(a.title);
    await expect(page).toHaveTitle(`${a.title} | CAR-T Hub`);
    await expect(page.locator('.lede')).toHaveText(a.summary);
    const facts = page.locator('.article__facts');
    await expect(facts).toContainText(`${a.reading_minutes} minutes`);
    await expect(facts).toContainText(a.published.display);
    await expect(facts).toContainText(a.last_reviewed.display);
    await expect(facts).toContainText(a.next_review.display);
    // Every body heading the document has.
    const headings = a.body.filter((b) => 'heading' in b).length;
    await expect(page.locator('.article__body h2, .article__body h3')).toHaveCount(headings);
    await expect(page.locator('.sources li')).toHaveCount(a.sources.length);
    // Links that leave the site: no opener, no referrer, and they say so.
    for (const link of await page.locator('main a[href^="https://"]').all()) {
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      await expect(link).toContainText('(opens another website)');
    }
    await expect(page.locator('.disclaimer')).toContainText('care team');
    for (const t of a.topics) {
      await expect(page.locator('.see-also').getByRole('link', { name: t.title, exact: true })).toHaveAttribute('href', `/topics/${t.slug}`);
    }
    for (const r of a.related) {
      await expect(page.locator('.related-articles').getByRole('link', { name: r.title, exact: true })).toBeVisible();
    }
    // Cancer types link to the hub filtered by that type.
    await expect(page.locator('.article__header .tag--link')).toHaveCount(a.cancer_types.length);
  }
});

test('article bodies render lists, callouts and captioned tables as real elements', async ({ page, request }) => {
  const index = await loadIndex(request);
  // Find an article with a table and a callout in the compiled data.
  let found = null;
  for (const s of index.articles) {
    const a = (await (await request.get(`/data/articles/${s.slug}.json`)).json()).article;
    if (a.body.some((b) => 'table' in b) && a.body.some((b) => 'callout' in b)) { found = a; break; }
  }
  expect(found, 'some article has a table and a callout').not.toBeNull();
  await page.goto(`/articles/${found.slug}`);
  await ready(page);
  const table = found.body.find((b) => 'table' in b).table;
  await expect(page.locator('table caption').first()).toHaveText(table.caption);
  await expect(page.locator('table').first().locator('th[scope=col]')).toHaveCount(table.head.length);
  await expect(page.locator('.callout').first()).toBeVisible();
  await expect(page.locator('.article__body ul li, .article__body ol li').first()).toBeVisible();
});

test('clicking through hub, article, topic and back routes in the page, without reloads', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('/');
  await ready(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  const first = index.articles[0];
  await page.locator('.card').first().getByRole('link', { name: first.title }).click();
  await expect(page).toHaveURL(`/articles/${first.slug}`);
  await expect(page.locator('main h1')).toHaveText(first.title);
  const topicLink = page.locator('.see-also .pill-links a').first();
  const topicTitle = await topicLink.textContent();
  await topicLink.click();
  await expect(page.locator('main h1')).toHaveText(topicTitle);
  await expect(page).toHaveTitle(`${topicTitle} | CAR-T Hub`);
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText(first.title);
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText(index.hub.title);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test('a cold deep link to a topic shows its introduction, articles and related topics', async ({ page, request }) => {
  const index = await loadIndex(request);
  for (const summary of index.topics) {
    const t = (await (await request.get(`/data/topics/${summary.slug}.json`)).json()).topic;
    await page.goto(`/topics/${t.slug}`);
    await expect(page.locator('main h1')).toHaveText(t.title);
    await expect(page).toHaveTitle(`${t.title} | CAR-T Hub`);
    await expect(page.locator('.topic .card__title')).toHaveText(t.articles.map((a) => a.title));
    for (const r of t.related) {
      await expect(page.getByRole('link', { name: r.title, exact: true })).toHaveAttribute('href', `/topics/${r.slug}`);
    }
  }
});

test('the topics index lists every topic with its article count', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('/topics');
  await expect(page.locator('main h1')).toHaveText('Topics');
  await expect(page).toHaveTitle('Topics | CAR-T Hub');
  await expect(page.locator('.topic-list > li > a')).toHaveText(index.topics.map((t) => t.title));
  // The header's Topics link gets here too.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }).click();
  await expect(page).toHaveURL('/topics');
});

test.describe('not found', () => {
  test.use({ expectedConsoleErrors: /status of 404/ });
for (const path of ['/no-such-page', '/articles/no-such-article', '/topics/no-such-topic', '/articles/..%2Findex']) {
  test(`${path} shows not-found with a way back to the hub`, async ({ page, request }) => {
    const index = await loadIndex(request);
    await page.goto(path);
    await expect(page.locator('main h1')).toHaveText('We could not find that page');
    await expect(page).toHaveTitle('Page not found | CAR-T Hub');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByRole('link', { name: 'Go to the CAR-T Hub home page' }).click();
    await expect(page.locator('main h1')).toHaveText(index.hub.title);
  });
}
});

test('moving between pages in the app keeps the head in step: the title, one description, noindex only on pages search engines skip', async ({ page, request }) => {
  const index = await loadIndex(request);
  const a = index.articles[0];
  const head = () => page.evaluate(() => ({
    descriptions: [...document.querySelectorAll('meta[name="description"]')].map((m) => m.getAttribute('content')),
    robots: [...document.querySelectorAll('meta[name="robots"]')].map((m) => m.getAttribute('content')),
  }));
  await page.goto(`/articles/${a.slug}`);
  await ready(page);
  // The header's search box leads to /search inside the app: a page not to be listed.
  const box = page.getByRole('search', { name: 'Search the site' }).getByRole('searchbox');
  await box.fill('fever');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=fever$/);
  await expect(page).toHaveTitle('Search | CAR-T Hub');
  await expect.poll(head).toEqual({ descriptions: [expect.stringMatching(/\S/)], robots: ['noindex'] });
  expect((await head()).descriptions[0]).not.toBe(a.summary);
  // Back on the article: its own title and description, and listed again.
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText(a.title);
  await expect(page).toHaveTitle(`${a.title} | CAR-T Hub`);
  await expect.poll(head).toEqual({ descriptions: [a.summary], robots: [] });
});
