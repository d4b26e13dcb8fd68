const { test, expect, loadIndex, ready, openInApp, serveIndexWithout } = require('./fixtures');

const TYPES = { lymphoma: 'Lymphoma', all: 'ALL', myeloma: 'Myeloma', 'solid-tumors': 'Solid tumors' };
const chip = (page, label) => page.getByRole('group', { name: /show articles about/i }).getByRole('button', { name: label, exact: true });
const cardTitles = (page) => page.locator('.cards .card__title').allTextContents();
const matching = (index, types) => index.articles.filter((a) => a.cancer_types.some((t) => types.includes(t))).map((a) => a.title);

test('the hub introduces CAR-T, lists every article as a card, and the topics', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('/');
  await expect(page.locator('main h1')).toHaveText(index.hub.title);
  await expect(page).toHaveTitle(new RegExp(index.hub.title));
  const intro = page.locator('.hub-intro');
  await expect(intro).toContainText('chimeric antigen receptor');
  await expect(intro).toContainText(/cytokine release syndrome/i);
  await expect(page.locator('.result-count')).toHaveText(`Showing all ${index.articles.length} articles`);
  expect(await cardTitles(page)).toEqual(index.articles.map((a) => a.title));
  // A card names its article in its link, and shows tags, reading time and date.
  const first = index.articles[0];
  const card = page.locator('.card').first();
  await expect(card.getByRole('link', { name: first.title })).toHaveAttribute('href', `/articles/${first.slug}`);
  await expect(card.locator('.tag')).toHaveCount(first.cancer_types.length);
  await expect(card).toContainText(`${first.reading_minutes} min read`);
  await expect(card.locator('time')).toHaveText(first.last_reviewed.display);
  // The related topics.
  for (const t of index.topics) {
    await expect(page.locator('.related-topics').getByRole('link', { name: t.title })).toBeVisible();
  }
});

test('a page carries its data; an article body is fetched only when it is opened', async ({ page, request }) => {
  const index = await loadIndex(request);
  const data = [];
  page.on('request', (r) => { if (r.url().includes('/data/')) data.push(new URL(r.url()).pathname); });
  await page.goto('/');
  await ready(page);
  await page.waitForLoadState('networkidle');
  expect(data, 'the prerendered hub needs no data download').toEqual([]);
  const first = index.articles[0];
  await page.locator('.card').getByRole('link', { name: first.title, exact: true }).click();
  await expect(page.locator('main h1')).toHaveText(first.title);
  expect(data).toEqual([`/data/articles/${first.slug}.json`]);
});

for (const [slug, label] of Object.entries(TYPES)) {
  test(`the ${label} chip filters the list, shows it is on, and puts it in the URL`, async ({ page, request }) => {
    const index = await loadIndex(request);
    await page.goto('/');
    await ready(page);
    await expect(chip(page, label)).toHaveAttribute('aria-pressed', 'false');
    await chip(page, label).click();
    await expect(page).toHaveURL(`/?type=${slug}`);
    await expect(chip(page, label)).toHaveAttribute('aria-pressed', 'true');
    const expected = matching(index, [slug]);
    expect(expected.length).toBeGreaterThan(0);
    await expect(page.locator('.cards .card__title')).toHaveText(expected);
    await expect(page.locator('.result-count')).toContainText(`Showing ${expected.length} of ${index.articles.length} articles`);
    // Pressing it again turns it off.
    await chip(page, label).click();
    await expect(page).toHaveURL('/');
    await expect(chip(page, label)).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('.cards .card')).toHaveCount(index.articles.length);
  });
}

test('several chips show articles matching any of them; reload and Back/Forward keep the state', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('/');
  await ready(page);
  await chip(page, 'Myeloma').click();
  await expect(page).toHaveURL('/?type=myeloma');
  await chip(page, 'Lymphoma').click();
  await expect(page).toHaveURL('/?type=lymphoma,myeloma');
  const both = matching(index, ['lymphoma', 'myeloma']);
  await expect(page.locator('.cards .card__title')).toHaveText(both);

  await page.reload();
  await expect(chip(page, 'Lymphoma')).toHaveAttribute('aria-pressed', 'true');
  await expect(chip(page, 'Myeloma')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.cards .card__title')).toHaveText(both);

  await page.goBack();
  await expect(page).toHaveURL('/?type=myeloma');
  await expect(chip(page, 'Lymphoma')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.cards .card__title')).toHaveText(matching(index, ['myeloma']));
  await page.goBack();
  await expect(page).toHaveURL('/');
  await expect(page.locator('.cards .card')).toHaveCount(index.articles.length);
  await page.goForward();
  await expect(page).toHaveURL('/?type=myeloma');
  await expect(chip(page, 'Myeloma')).toHaveAttribute('aria-pressed', 'true');
});

test('a shared filtered link opens filtered, and "Clear filters" shows everything', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('/?type=solid-tumors');
  await expect(chip(page, 'Solid tumors')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.cards .card__title')).toHaveText(matching(index, ['solid-tumors']));
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.locator('.cards .card')).toHaveCount(index.articles.length);
  await expect(page.getByRole('link', { name: 'Clear filters' })).toHaveCount(0);
});

test('unknown filter names in a link are ignored, not an error', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('/?type=brain,myeloma');
  await expect(chip(page, 'Myeloma')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.cards .card__title')).toHaveText(matching(index, ['myeloma']));
});

test('when nothing matches, the empty state says what to do', async ({ page }) => {
  // The real content has solid-tumor articles; serve an index without them.
  await serveIndexWithout(page, 'solid-tumors');
  await openInApp(page, 'hub');
  await expect(page.locator('main h1')).toBeVisible();
  await chip(page, 'Solid tumors').click();
  await expect(page.locator('.empty-state')).toContainText('No articles match');
  await expect(page.locator('.result-count')).toContainText('Showing 0 of');
  await page.locator('.empty-state').getByRole('link', { name: 'clear all filters' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.locator('.cards .card').first()).toBeVisible();
});
