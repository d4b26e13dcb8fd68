// The Spanish edition as a reader meets it: the switch keeps the page and the chips, the
// hub offers the edition the browser prefers (never a redirect), the choice is remembered,
// portals and links can ask for a language, and Spanish pages read without scripts.
const { test, expect, loadIndex, ready, editConfig, PER_PAGE } = require('./fixtures');

const switchTo = (page, name) => page.getByRole('navigation', { name: /^(Language|Idioma)$/ }).getByRole('link', { name });

test('the switch opens the same article in Spanish, and back', async ({ page, request }) => {
  const [en, es] = [await loadIndex(request, 'en'), await loadIndex(request, 'es')];
  const slug = 'car-t-for-lymphoma';
  await page.goto(`/articles/${slug}`);
  await ready(page);
  await switchTo(page, 'Español').click();
  await expect(page).toHaveURL(new RegExp(`/es/articles/${slug}$`));
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('main h1')).toHaveText(es.articles.find((a) => a.slug === slug).title);
  await expect(page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Inicio' })).toBeVisible();
  // Source titles stay in English, marked as such.
  await expect(page.locator('.sources cite').first()).toHaveAttribute('lang', 'en');
  await switchTo(page, 'English').click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}$`));
  await expect(page.locator('main h1')).toHaveText(en.articles.find((a) => a.slug === slug).title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the switch keeps the chip selection, and the Spanish chips filter the same articles', async ({ page, request }) => {
  const es = await loadIndex(request, 'es');
  await page.goto('/');
  await ready(page);
  await page.getByRole('button', { name: 'Myeloma', exact: true }).click();
  await expect(page).toHaveURL(/\?type=myeloma$/);
  await switchTo(page, 'Español').click();
  await expect(page).toHaveURL(/\/es\/\?type=myeloma$/);
  await ready(page);
  const group = page.getByRole('group', { name: 'Ver artículos sobre:' });
  await expect(group.getByRole('button')).toHaveText(['Linfoma', 'LLA', 'Mieloma', 'Tumores sólidos']);
  await expect(group.getByRole('button', { name: 'Mieloma' })).toHaveAttribute('aria-pressed', 'true');
  const n = es.articles.filter((a) => a.cancer_types.includes('myeloma')).length;
  await expect(page.locator('.result-count')).toHaveText(`${n} de ${es.articles.length} artículos sobre Mieloma múltiple`);
  await expect(page.locator('.cards .card')).toHaveCount(Math.min(n, PER_PAGE));
});

test.describe('a browser that prefers Spanish', () => {
  test.use({ locale: 'es-MX' });

  test('is offered the Spanish edition on the hub, in Spanish, and never redirected', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    await expect(page).toHaveURL(/\/$/);
    const offer = page.locator('.lang-offer');
    await expect(offer).toBeVisible();
    await expect(offer).toHaveAttribute('lang', 'es');
    await offer.getByRole('link', { name: 'Leerlo en español' }).click();
    await expect(page).toHaveURL(/\/es\/$/);
    await ready(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    // The Spanish hub offers nothing: the reader is where the browser prefers.
    await expect(page.locator('.lang-offer')).toBeHidden();
  });

  test('"No, gracias" is remembered on this device', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    await page.locator('.lang-offer').getByRole('button', { name: 'No, gracias' }).click();
    await expect(page.locator('.lang-offer')).toBeHidden();
    await page.reload();
    await ready(page);
    await page.waitForTimeout(300);
    await expect(page.locator('.lang-offer')).toBeHidden();
  });
});

test('an English-preferring browser is offered nothing; a reader who chose Spanish is offered it again', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.waitForTimeout(300);
  await expect(page.locator('.lang-offer')).toBeHidden();
  await switchTo(page, 'Español').click();
  await ready(page);
  await page.goto('/');
  await ready(page);
  await expect(page.locator('.lang-offer')).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
});

test('a link can ask for a language (?lang=es): the Spanish twin opens with the rest of the query', async ({ page }) => {
  await page.goto('/?lang=es&type=all');
  await expect(page).toHaveURL(/\/es\/\?type=all$/);
  await ready(page);
  await expect(page.getByRole('group', { name: 'Ver artículos sobre:' }).getByRole('button', { name: 'LLA' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/articles/caregivers-guide?lang=es');
  await expect(page).toHaveURL(/\/es\/articles\/caregivers-guide$/);
});

test.describe('a portal whose config.json says "language": "es"', () => {
  test('opens the Spanish edition until the reader picks a language', async ({ page }) => {
    await editConfig(page, { language: 'es' });
    await page.goto('/');
    await expect(page).toHaveURL(/\/es\/$/);
    await ready(page);
    await switchTo(page, 'English').click();
    await expect(page).toHaveURL(/\/$/);
    await ready(page);
    await page.waitForTimeout(500);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test('a Spanish path that names no page says so in Spanish', async ({ page }) => {
  await page.goto('/es/articulo-que-no-existe');
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('main h1')).toHaveText('No encontramos esa página');
  await expect(page).toHaveTitle('Página no encontrada | CAR-T Hub');
});

test('a Spanish article links its terms to the Spanish glossary', async ({ page }) => {
  await page.goto('/es/articles/what-is-car-t-cell-therapy');
  await ready(page);
  const term = page.locator('.article__body a[href*="/es/glossary#"]').first();
  const href = await term.getAttribute('href');
  await term.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[?#]/g, '\\$&')}$`));
  await expect(page.locator('main h1')).toHaveText('Glosario');
  await expect(page.locator(`dt[id="${href.split('#')[1]}"]`)).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a Spanish article reads in full, with its switch to English', async ({ page, request }) => {
    const es = await loadIndex(request, 'es');
    const a = es.articles.find((x) => x.slug === 'cytokine-release-syndrome-and-neurotoxicity');
    await page.goto(`/es/articles/${a.slug}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.locator('main h1')).toHaveText(a.title);
    await expect(page.locator('.sources li').first()).toBeVisible();
    await expect(page.locator('.article__facts')).toContainText('Última revisión');
    await expect(page.locator('.article__facts time').nth(1)).toHaveText(a.last_reviewed.display);
    await switchTo(page, 'English').click();
    await expect(page).toHaveURL(new RegExp(`/articles/${a.slug}$`));
  });

  test('the Spanish chips lead to the prerendered Spanish type pages', async ({ page }) => {
    await page.goto('/es/');
    await page.getByRole('button', { name: 'LLA', exact: true }).click();
    await expect(page).toHaveURL(/\/es\/types\/all/);
    await expect(page.locator('main h1')).toHaveText('Terapia de células CAR-T');
    await expect(page.getByRole('button', { name: 'LLA', exact: true })).toHaveAttribute('aria-pressed', 'true');
  });
});
