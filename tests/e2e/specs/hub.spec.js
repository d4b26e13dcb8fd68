const { test, expect, loadIndex, ready, openInApp, serveLibraryWithout, libraryOrder, serveConfig, firstPage, PER_PAGE } = require('./fixtures');

const TYPES = { lymphoma: 'Lymphoma', all: 'ALL', myeloma: 'Myeloma', 'solid-tumors': 'Solid tumors' };
const chip = (page, label) => page.getByRole('group', { name: /show articles about/i }).getByRole('button', { name: label, exact: true });
const cardTitles = (page) => page.locator('.cards .card__title').allTextContents();
const matching = (index, types) => libraryOrder(index, types);
const STAGE_ORDER = ['understanding', 'deciding', 'preparing', 'treatment', 'recovery'];

test('the hub introduces CAR-T, lists the first page of articles as cards, and the topics', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('/');
  await expect(page.locator('main h1')).toHaveText(index.hub.title);
  await expect(page).toHaveTitle(new RegExp(index.hub.title));
  await expect(page.locator('.hub-intro .lede')).toHaveText(index.hub.lede);
  // The longer introduction is still on the hub, below the library.
  const about = page.locator('.hub-about');
  await expect(about).toContainText('chimeric antigen receptor');
  await expect(about).toContainText(/cytokine release syndrome/i);
  await expect(page.locator('.result-count')).toHaveText(`All ${index.articles.length} articles, in the order of the treatment journey`);
  // Journey order: stages in order, never the alphabet.
  const stages = index.articles.map((a) => STAGE_ORDER.indexOf(a.stage));
  expect(stages).toEqual([...stages].sort((a, b) => a - b));
  expect(index.articles[0].slug).toBe('what-is-car-t-cell-therapy');
  expect(index.articles.length, 'the real library runs over one page').toBeGreaterThan(PER_PAGE);
  expect(await cardTitles(page)).toEqual(firstPage(index.articles.map((a) => a.title)));
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
    await expect(page.locator('.cards .card__title')).toHaveText(firstPage(expected));
    await expect(page.locator('.result-count')).toContainText(`${expected.length} of ${index.articles.length} articles`);
    // Pressing it again turns it off.
    await chip(page, label).click();
    await expect(page).toHaveURL('/');
    await expect(chip(page, label)).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('.cards .card')).toHaveCount(PER_PAGE);
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
  await expect(page.locator('.cards .card__title')).toHaveText(firstPage(both));

  await page.reload();
  await expect(chip(page, 'Lymphoma')).toHaveAttribute('aria-pressed', 'true');
  await expect(chip(page, 'Myeloma')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.cards .card__title')).toHaveText(firstPage(both));

  await page.goBack();
  await expect(page).toHaveURL('/?type=myeloma');
  await expect(chip(page, 'Lymphoma')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.cards .card__title')).toHaveText(firstPage(matching(index, ['myeloma'])));
  await page.goBack();
  await expect(page).toHaveURL('/');
  await expect(page.locator('.cards .card')).toHaveCount(PER_PAGE);
  await page.goForward();
  await expect(page).toHaveURL('/?type=myeloma');
  await expect(chip(page, 'Myeloma')).toHaveAttribute('aria-pressed', 'true');
});

test('a shared filtered link opens filtered, and "Clear filters" shows everything', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('/?type=solid-tumors');
  await expect(chip(page, 'Solid tumors')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.cards .card__title')).toHaveText(firstPage(matching(index, ['solid-tumors'])));
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.locator('.cards .card')).toHaveCount(PER_PAGE);
  await expect(page.getByRole('link', { name: 'Clear filters' })).toHaveCount(0);
});

test('unknown filter names in a link are ignored, not an error', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('/?type=brain,myeloma');
  await expect(chip(page, 'Myeloma')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.cards .card__title')).toHaveText(firstPage(matching(index, ['myeloma'])));
});

test('when nothing matches, the empty state says what to do', async ({ page }) => {
  // The real content has solid-tumor articles; serve an index without them.
  await serveLibraryWithout(page, 'solid-tumors');
  await openInApp(page, 'hub');
  await expect(page.locator('main h1')).toBeVisible();
  await chip(page, 'Solid tumors').click();
  await expect(page.locator('.empty-state')).toContainText('No articles match');
  await expect(page.locator('.result-count')).toContainText('0 of');
  await page.locator('.empty-state').getByRole('link', { name: 'clear all filters' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.locator('.cards .card').first()).toBeVisible();
});

test('"Show more" adds the next page in place, moves focus to it, and the URL keeps how far the list goes', async ({ page, request }) => {
  const index = await loadIndex(request);
  const titles = index.articles.map((a) => a.title);
  await page.goto('/');
  await ready(page);
  const left = titles.length - PER_PAGE;
  await expect(page.locator('.library__shown')).toHaveText(`Showing 1 to ${PER_PAGE} of ${titles.length}`);
  const more = page.getByRole('navigation', { name: 'More pages of articles' }).getByRole('link', { name: `Show more articles (${left} more)` });
  await expect(more).toHaveAttribute('href', '/page/2');
  await more.click();
  await expect(page).toHaveURL('/?page=2');
  await expect(page.locator('.cards .card__title')).toHaveText(titles.slice(0, 2 * PER_PAGE));
  // Focus goes on where the list grew, to the first new card.
  await expect(page.locator('.card').nth(PER_PAGE).getByRole('link')).toBeFocused();
  await expect(page.locator('.library__shown')).toHaveText(`Showing 1 to ${Math.min(titles.length, 2 * PER_PAGE)} of ${titles.length}`);
  // A reload (or the link, shared) shows the same cards.
  await page.reload();
  await expect(page.locator('.cards .card__title')).toHaveText(titles.slice(0, 2 * PER_PAGE));
  // A chip starts its list from the first page.
  await chip(page, 'Myeloma').click();
  await expect(page).toHaveURL('/?type=myeloma');
  await expect(page.locator('.cards .card__title')).toHaveText(firstPage(matching(index, ['myeloma'])));
});

test('under a chip, "Show more" goes on with that chip\'s list', async ({ page, request }) => {
  const index = await loadIndex(request);
  const myeloma = matching(index, ['myeloma']);
  expect(myeloma.length).toBeGreaterThan(PER_PAGE);
  await page.goto('/types/myeloma');
  await ready(page);
  await page.getByRole('link', { name: /^Show more articles/ }).click();
  await expect(page).toHaveURL('/types/myeloma?page=2');
  await expect(page.locator('.cards .card__title')).toHaveText(myeloma.slice(0, 2 * PER_PAGE));
  await expect(page.getByRole('link', { name: /^Show more articles/ })).toHaveCount(myeloma.length > 2 * PER_PAGE ? 1 : 0);
});

test('a chip fetches only the library\'s facets and the chunks of cards it shows', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('/');
  await ready(page);
  await page.waitForLoadState('networkidle');
  const data = [];
  page.on('request', (r) => { if (r.url().includes('/data/')) data.push(new URL(r.url()).pathname); });
  await chip(page, 'Solid tumors').click();
  const shown = firstPage(matching(index, ['solid-tumors']));
  await expect(page.locator('.cards .card__title')).toHaveText(shown);
  const chunks = [...new Set(shown.map((t) => Math.floor(index.articles.findIndex((a) => a.title === t) / PER_PAGE)))].sort();
  expect(data.sort()).toEqual(['/data/library/facets.json', ...chunks.map((n) => `/data/library/cards-${n}.json`)].sort());
});

test('without scripts, "Show more" leads to a page of its own, numbered, with the way back', async ({ browser, request }) => {
  const index = await loadIndex(request);
  const titles = index.articles.map((a) => a.title);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: /^Show more articles/ }).click();
  await expect(page).toHaveURL('/page/2');
  const pages = Math.ceil(titles.length / PER_PAGE);
  await expect(page.locator('main h1')).toHaveText('Articles');
  await expect(page.locator('main h2').first()).toHaveText(`Page 2 of ${pages}`);
  await expect(page).toHaveTitle(`Articles, page 2 of ${pages} | CAR-T Hub`);
  await expect(page.locator('.cards .card__title')).toHaveText(titles.slice(PER_PAGE, 2 * PER_PAGE));
  await expect(page.locator('.library__shown')).toHaveText(`Showing ${PER_PAGE + 1} to ${Math.min(titles.length, 2 * PER_PAGE)} of ${titles.length}`);
  await page.getByRole('link', { name: 'Previous page' }).click();
  await expect(page).toHaveURL('/');
  // A chip's page pages its own list.
  const myeloma = matching(index, ['myeloma']);
  await page.goto('/types/myeloma');
  await page.getByRole('link', { name: /^Show more articles/ }).click();
  await expect(page).toHaveURL('/types/myeloma/page/2');
  await expect(page.locator('.cards .card__title')).toHaveText(myeloma.slice(PER_PAGE, 2 * PER_PAGE));
  await context.close();
});

for (const path of ['/page/99', '/page/1', '/types/myeloma/page/99']) {
  test(`${path} names no page: the app says not found`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('main h1')).toHaveText('We could not find that page');
  });
}

const stageChip = (page, label) => page.getByRole('group', { name: /where you are in treatment/i }).getByRole('button', { name: label, exact: true });

test('under a cancer-type chip, the articles written for it come first, marked, then "For every type"', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('/?type=myeloma');
  await expect(chip(page, 'Myeloma')).toHaveAttribute('aria-pressed', 'true');
  const first = page.locator('.card').first();
  await expect(first.locator('.card__title')).toHaveText('CAR-T cell therapy for multiple myeloma');
  await expect(first.locator('.card__for')).toHaveText('Written for multiple myeloma');
  await expect(page.locator('.library__group')).toHaveText('For every type');
  await expect(page.locator('.card__for')).toHaveCount(index.articles.filter((a) => a.cancer_types.join() === 'myeloma').length);
});

test('stage chips filter by the treatment journey and combine with cancer types in the URL', async ({ page, request }) => {
  const index = await loadIndex(request);
  await page.goto('/');
  await ready(page);
  await stageChip(page, 'Getting ready').click();
  await expect(page).toHaveURL('/?stage=preparing');
  const preparing = index.articles.filter((a) => a.stage === 'preparing').map((a) => a.title);
  expect(preparing.length).toBeGreaterThan(0);
  await expect(page.locator('.cards .card__title')).toHaveText(firstPage(preparing));
  await chip(page, 'Lymphoma').click();
  await expect(page).toHaveURL('/?type=lymphoma&stage=preparing');
  const both = index.articles.filter((a) => a.stage === 'preparing' && a.cancer_types.includes('lymphoma')).map((a) => a.title);
  await expect(page.locator('.cards .card__title')).toHaveText(firstPage(both));
  await page.goBack();
  await expect(page).toHaveURL('/?stage=preparing');
  await expect(stageChip(page, 'Getting ready')).toHaveAttribute('aria-pressed', 'true');
  await expect(chip(page, 'Lymphoma')).toHaveAttribute('aria-pressed', 'false');
});

for (const [width, height, screens] of [[1280, 800, 1], [390, 844, 1.5]]) {
  test(`the library begins on the first screen at ${width} x ${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await ready(page);
    const chips = await page.locator('.filter').boundingBox();
    const card = await page.locator('.card').first().boundingBox();
    expect(chips.y, 'the chips start within the first screen').toBeLessThan(height);
    expect(card.y + Math.min(card.height, 120), `the first card shows within ${screens} screen(s)`).toBeLessThan(height * screens);
  });
}

test('reading paths show progress kept on this device, and it can be cleared', async ({ page, request }) => {
  const index = await loadIndex(request);
  const path = index.hub.start_here;
  expect(path.length).toBeGreaterThanOrEqual(4);
  await page.goto('/');
  await ready(page);
  const patient = page.locator('.path').first();
  await expect(patient.locator('.path__progress')).toHaveText(`0 of ${path.length} read`);
  await patient.getByRole('link', { name: path[0].title }).click();
  await expect(page.locator('main h1')).toHaveText(path[0].title);
  // The next step is the next article on the path.
  await expect(page.locator('.next-step')).toContainText('Next in your journey');
  await expect(page.locator('.next-step a')).toHaveText(path[1].title);
  await page.goto('/');
  await ready(page);
  await expect(patient.locator('.path__progress')).toHaveText(`1 of ${path.length} read`);
  await expect(patient.locator('.path__item--read')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear my progress' }).click();
  await expect(patient.locator('.path__progress')).toHaveText(`0 of ${path.length} read`);
});

test('without scripts, a stage page lists that stage', async ({ browser, request }) => {
  const index = await loadIndex(request);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/stages/recovery');
  const recovery = index.articles.filter((a) => a.stage === 'recovery').map((a) => a.title);
  await expect(page.locator('.cards .card__title')).toHaveText(firstPage(recovery));
  await expect(page).toHaveTitle(/recovery and life after/i);
  await context.close();
});

test('diagrams are drawn in the page, labelled, described and in the page colours', async ({ page }) => {
  await page.goto('/articles/what-is-car-t-cell-therapy');
  const figure = page.locator('figure.figure').first();
  const svg = figure.locator('svg.diagram');
  await expect(svg).toHaveAttribute('role', 'img');
  await expect(svg).toHaveAttribute('aria-label', /.+/);
  await expect(figure.locator('figcaption')).not.toBeEmpty();
  expect(await svg.locator('rect, path, text').count()).toBeGreaterThan(3);
  // Text takes the page's text colour (currentColor), so dark mode and portal themes apply.
  const colours = await svg.evaluate((el) => ({ svg: getComputedStyle(el).color, body: getComputedStyle(document.querySelector('main')).color }));
  expect(colours.svg).toBe(colours.body);
  const box = await svg.boundingBox();
  expect(box.width).toBeGreaterThan(200);
});

test('diagrams take a portal\'s colours and print', async ({ page }) => {
  await serveConfig(page, { colors: { accent: '#0b3d2e' } });
  await page.goto('/articles/car-t-treatment-timeline');
  await expect(page.locator('html[data-config="applied"]')).toHaveCount(1);
  const accent = page.locator('figure.figure svg .fill-accent').first();
  await expect.poll(() => accent.evaluate((el) => getComputedStyle(el).fill)).toBe('rgb(11, 61, 46)');
  await page.emulateMedia({ media: 'print' });
  const svg = page.locator('figure.figure svg.diagram').first();
  await expect(svg).toBeVisible();
  expect((await svg.boundingBox()).height).toBeGreaterThan(200);
  await expect(page.locator('figure.figure figcaption').first()).toBeVisible();
});

test.describe('leaving while the cards load', () => {
  // The worker would answer from its cache: the delay below must reach the page's requests.
  test.use({ serviceWorkers: 'block' });

  test('a card clicked before a chip\'s new cards arrive opens its article, and their late answer is dropped without an error', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    let release;
    const gate = new Promise((r) => { release = r; });
    const held = [];
    await page.route(/\/data\/(es\/)?library\//, async (route) => {
      held.push(route.request().url());
      await gate;
      await route.continue();
    });
    await chip(page, 'Myeloma').click();
    await expect.poll(() => held.length, 'the chip asks for its cards').toBeGreaterThan(0);
    // The earlier cards are still on screen: the reader opens one.
    const first = page.locator('.cards .card__title a').first();
    const title = (await first.textContent()).trim();
    await first.click();
    await expect(page.locator('main h1')).toHaveText(title);
    // Now the cards arrive, for a page that is gone.
    release();
    await page.waitForTimeout(500);
    await expect(page.locator('main h1')).toHaveText(title);
    // No "Something went wrong" screen (and the fixture fails the test on the panic's
    // console error).
    await expect(page.locator('#crash')).toHaveCount(0);
  });
});
