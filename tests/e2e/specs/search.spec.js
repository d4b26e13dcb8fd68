// Full-text search: the header's box and the search page, Pagefind's index from the build,
// results drawn by the app, chips as facets in the URL, and what the reader sees when there is
// nothing to show or the index cannot be fetched.
const { test, expect, ready } = require('./fixtures');

const engineRequests = (page) => {
  const seen = [];
  page.on('request', (r) => { if (/\/(search\.js|pagefind\/)/.test(r.url())) seen.push(r.url()); });
  return seen;
};
const status = (page) => page.getByRole('status').filter({ hasText: /result|Nothing|resultado|No encontramos/ });
const results = (page) => page.locator('.results > li');
const titles = (page) => page.locator('.results .result__title a');

/** The search page's own field (the header has another). */
const pageField = (page) => page.locator('main').getByRole('search').getByRole('searchbox');

/** Types into the search page's own field (results follow as the reader types). */
async function searchFor(page, words) {
  await pageField(page).fill(words);
}

test('nothing of the engine loads before the reader focuses the search box; then a search finds, counts and highlights', async ({ page }) => {
  const engine = engineRequests(page);
  await page.goto('/');
  await ready(page);
  await page.waitForLoadState('networkidle');
  expect(engine, 'no search request before focus').toEqual([]);

  const box = page.getByRole('search', { name: 'Search the site' }).getByRole('searchbox');
  await box.focus();
  await expect.poll(() => engine.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
  await box.fill('tocilizumab');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=tocilizumab$/);
  await expect(page.locator('main h1')).toHaveText('Search');
  await expect(status(page)).toHaveText(/^\d+ results? for “tocilizumab”$/);
  const count = Number((await status(page).textContent()).match(/^\d+/)[0]);
  expect(count).toBeGreaterThan(1);
  await expect(results(page)).toHaveCount(Math.min(count, 10));
  // The highlight is built from nodes: <mark> elements holding the word, no markup as text.
  const first = results(page).first();
  await expect(first.locator('mark').first()).toHaveText(/tocilizumab/i);
  await expect(first.locator('.result__excerpt')).not.toContainText('<mark>');
  await expect(first.locator('.result__kind')).toHaveText(/^(Article|Topic|Glossary word)( · .+)?$/);
  // An article result opens its page inside the app.
  const article = page.locator('.result').filter({ has: page.locator('.result__kind', { hasText: /^Article/ }) }).first().locator('a');
  const title = await article.textContent();
  await article.click();
  await expect(page.locator('main h1')).toHaveText(title);
});

test('the cancer-type chips filter the results, live in the URL, and Back/Forward restore words and chips', async ({ page }) => {
  await page.goto('/search?q=remission');
  await ready(page);
  await expect(status(page)).toHaveText(/results? for “remission”$/);
  const all = await titles(page).allTextContents();
  const myeloma = page.getByRole('group', { name: 'Only pages about' }).getByRole('button', { name: 'Myeloma' });
  await myeloma.click();
  await expect(page).toHaveURL(/\/search\?q=remission&type=myeloma$/);
  await expect(myeloma).toHaveAttribute('aria-pressed', 'true');
  await expect(status(page)).toHaveText(/for “remission” \(only Myeloma\)$/);
  const filtered = await titles(page).allTextContents();
  expect(filtered.length).toBeGreaterThan(0);
  expect(filtered.length).toBeLessThan(all.length);
  for (const kind of await page.locator('.result__kind').allTextContents()) expect(kind).toContain('Myeloma');

  // A search opened from its URL shows its chips on, and its words in the field.
  await page.reload();
  await ready(page);
  await expect(myeloma).toHaveAttribute('aria-pressed', 'true');
  await expect(pageField(page)).toHaveValue('remission');
  await expect(status(page)).toHaveText(/for “remission” \(only Myeloma\)$/);

  await searchFor(page, 'driving');
  await expect(page).toHaveURL(/\/search\?q=driving&type=myeloma$/);
  await expect(status(page)).toHaveText(/for “driving” \(only Myeloma\)$/);

  await page.goBack();
  await expect(page).toHaveURL(/\/search\?q=remission$/);
  await expect(myeloma).toHaveAttribute('aria-pressed', 'false');
  await expect(pageField(page)).toHaveValue('remission');
  await expect(titles(page)).toHaveText(all);
  await page.goForward();
  await expect(myeloma).toHaveAttribute('aria-pressed', 'true');
  await expect(pageField(page)).toHaveValue('driving');
});

test('keyboard only: from the skip link to the search box, to a result, to its page', async ({ page }) => {
  await page.goto('/topics');
  await ready(page);
  const box = page.getByRole('search', { name: 'Search the site' }).getByRole('searchbox');
  for (let i = 0; i < 12 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await page.keyboard.type('apheresis');
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText(/results? for “apheresis”/);
  // Focus moved to the page's heading; Tab walks the field, the chips, then the results.
  await expect(page.locator('main h1')).toBeFocused();
  const firstResult = titles(page).first();
  for (let i = 0; i < 10 && !(await firstResult.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(firstResult).toBeFocused();
  const href = await firstResult.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
});

test('a glossary word is a result of its own, leading to its entry', async ({ page }) => {
  await page.goto('/search?q=apheresis');
  await ready(page);
  const term = page.locator('.result').filter({ has: page.locator('.result__kind', { hasText: /^Glossary word$/ }) }).first();
  await expect(term.locator('a')).toHaveAttribute('href', '/glossary#apheresis');
  await term.locator('a').click();
  await expect(page.locator('#apheresis')).toBeInViewport();
});

test('an empty search and a search with no results each say what to do next', async ({ page }) => {
  await page.goto('/search');
  await ready(page);
  await expect(page.getByRole('heading', { name: 'What are you looking for?' })).toBeVisible();
  await expect(page.locator('.search__help').getByRole('link', { name: 'Glossary' })).toHaveAttribute('href', '/glossary');
  await expect(page.locator('.search__help').getByRole('link', { name: 'Multiple myeloma' })).toHaveAttribute('href', '/types/myeloma');

  // One letter is not searched (it matches nearly every page): the reader is asked for more.
  await searchFor(page, 'x');
  await expect(page.getByRole('status')).toHaveText('Type at least 2 letters to search.');
  await expect(results(page)).toHaveCount(0);
  await searchFor(page, 'xylophone');
  await expect(status(page)).toHaveText('Nothing found for “xylophone”');
  await expect(page.getByRole('heading', { name: 'Nothing found for “xylophone”' })).toBeVisible();
  await expect(page.locator('.search__help')).toContainText('turn off the cancer-type filters');
  await expect(results(page)).toHaveCount(0);
});

test('more results come ten at a time, and focus lands on the first new one', async ({ page }) => {
  await page.goto('/search?q=CAR-T');
  await ready(page);
  await expect(results(page)).toHaveCount(10);
  const total = Number((await status(page).textContent()).match(/^\d+/)[0]);
  expect(total).toBeGreaterThan(10);
  const more = page.getByRole('button', { name: /^Show more results \(\d+ more\)$/ });
  await more.click();
  await expect(results(page)).toHaveCount(Math.min(total, 20));
  await expect(titles(page).nth(10)).toBeFocused();
});

test('words match the way readers write them: plurals, brand and generic names, ALL spelled out', async ({ page }) => {
  await page.goto('/search');
  await ready(page);
  const found = async (words) => {
    await searchFor(page, words);
    await expect(status(page)).toHaveText(new RegExp(`for “${words}”`));
    return (await titles(page).allTextContents()).sort();
  };
  expect(await found('lymphomas')).toContain('CAR-T cell therapy for lymphoma');
  // Brand and generic names find the same pages, whichever one a page uses.
  const brand = await found('Kymriah');
  expect(brand.length).toBeGreaterThan(0);
  expect(await found('tisagenlecleucel')).toEqual(brand);
  expect(await found('Carvykti')).toEqual(await found('ciltacabtagene autoleucel'));
  // "ALL" in capitals is the leukemia, not the word "all".
  await searchFor(page, 'ALL');
  await expect(titles(page).first()).toHaveText(/acute lymphoblastic leukemia/i);
  expect(await found('ALL')).toEqual(await found('acute lymphoblastic leukemia'));
});

test('Spanish: its own index, accents optional, results in Spanish', async ({ page }) => {
  await page.goto('/es/search?q=medula');
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('main h1')).toHaveText('Buscar');
  await expect(status(page)).toHaveText(/^\d+ resultados? para «medula»$/);
  const without = await titles(page).allTextContents();
  await expect(page.locator('.results mark').first()).toHaveText(/médula/i);
  await searchFor(page, 'médula');
  await expect(status(page)).toHaveText(/para «médula»$/);
  expect(await titles(page).allTextContents()).toEqual(without);
  await searchFor(page, 'LLA');
  await expect(titles(page).first()).toHaveText(/leucemia linfoblástica aguda/i);
  await expect(page.locator('.result__kind').first()).toHaveText(/^(Artículo|Tema|Palabra del glosario)/);
  await expect(titles(page).first()).toHaveAttribute('href', /^\/es\//);
});

test.describe('when the index cannot be fetched', () => {
  test.use({ expectedConsoleErrors: /pagefind|Failed to load|Failed to fetch|ERR_FAILED|net::/i });

  test('the page says so with a Retry, the rest of the app keeps working, and Retry searches', async ({ page }) => {
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto('/search?q=fever');
    await ready(page);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The search could not start. Check your connection and try again.');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await page.unroute('**/pagefind/**');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(status(page)).toHaveText(/results? for “fever”$/);
    await expect(results(page).first()).toBeVisible();
    // Navigating away and back still works.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Glossary' }).click();
    await expect(page.locator('main h1')).toHaveText('Glossary');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header box is a form whose submit lands on the search page', async ({ page }) => {
    await page.goto('/articles/what-is-car-t-cell-therapy');
    const box = page.getByRole('search', { name: 'Search the site' }).getByRole('searchbox');
    await box.fill('fever');
    const [response] = await Promise.all([page.waitForNavigation(), box.press('Enter')]);
    expect(response.status()).toBe(200);
    await expect(page).toHaveURL(/\/search\?q=fever$/);
    await expect(page.locator('main h1')).toHaveText('Search');
    await expect(page.getByRole('link', { name: 'Glossary' }).first()).toBeVisible();
  });
});
