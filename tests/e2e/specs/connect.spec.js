// Links from a patient's record: HL7 Infobutton requests at /connect open the right pages,
// in the requested language; unknown and malformed requests say so in plain words.
const { test, expect, loadIndex, ready, PER_PAGE } = require('./fixtures');

const ICD = '2.16.840.1.113883.6.90';
const SNOMED = '2.16.840.1.113883.6.96';
const RXNORM = '2.16.840.1.113883.6.88';
const url = (params) => `/connect?${new URLSearchParams(params)}`;

test('an ICD-10-CM lymphoma code opens the lymphoma articles, "CAR-T for lymphoma" first', async ({ page, request }) => {
  const index = await loadIndex(request);
  const title = (slug) => index.articles.find((a) => a.slug === slug).title;
  await page.goto(url({ 'mainSearchCriteria.v.cs': ICD, 'mainSearchCriteria.v.c': 'C83.38', 'mainSearchCriteria.v.dn': 'DLBCL, lymph nodes of multiple sites' }));
  await ready(page);
  await expect(page.locator('main h1')).toHaveText('CAR-T information for your record');
  await expect(page).toHaveTitle('CAR-T information for your record | CAR-T Hub');
  await expect(page.locator('.connect > ul').first().locator('li')).toHaveText(['Diffuse large B-cell lymphoma (ICD-10-CM code C83.38)']);
  const read = page.locator('#read-first + ul a');
  await expect(read.first()).toHaveText(title('car-t-for-lymphoma'));
  const lymphoma = index.articles.filter((a) => a.cancer_types.includes('lymphoma')).length;
  await expect(read).toHaveCount(lymphoma);
  await page.getByRole('link', { name: 'All articles about lymphoma' }).click();
  await expect(page).toHaveURL(/\/\?type=lymphoma$/);
  await expect(page.locator('.cards .card')).toHaveCount(Math.min(lymphoma, PER_PAGE));
});

test('the request\'s language opens the Spanish page (SNOMED CT multiple myeloma)', async ({ page, request }) => {
  const es = await loadIndex(request, 'es');
  await page.goto(url({ 'mainSearchCriteria.v.cs': SNOMED, 'mainSearchCriteria.v.c': '109989006', 'informationRecipient.languageCode.c': 'es' }));
  await expect(page).toHaveURL(/\/es\/connect\?/);
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('main h1')).toHaveText('Información sobre CAR-T para su historia clínica');
  await expect(page.locator('#read-first + ul a').first())
    .toHaveText(es.articles.find((a) => a.slug === 'car-t-for-multiple-myeloma').title);
  await expect(page.locator('.connect > ul').first().locator('li')).toHaveText(['Multiple myeloma (código 109989006 de SNOMED CT)']);
});

test('an RxNorm code for Aucatzyl opens its facts: its own stay-near and no-driving limits', async ({ page }) => {
  await page.goto(url({ 'mainSearchCriteria.v.cs': RXNORM, 'mainSearchCriteria.v.c': '2700168' }));
  await ready(page);
  await expect(page.locator('#product-aucatzyl')).toHaveText('Aucatzyl (obecabtagene autoleucel)');
  const facts = page.locator('#product-aucatzyl + ul li');
  await expect(facts.filter({ hasText: 'Target:' })).toHaveText('Target: CD19');
  await expect(facts.filter({ hasText: 'Stay near the center:' })).toHaveText('Stay near the center: At least 4 weeks');
  await expect(facts.filter({ hasText: 'No driving:' })).toHaveText('No driving: At least 8 weeks');
  await expect(page.locator('#read-first + ul a').first()).toHaveText('The approved CAR-T products at a glance');
});

test('several codes combine: an ALL diagnosis and a Tecartus order', async ({ page }) => {
  await page.goto(url({
    'mainSearchCriteria.v.cs': ICD, 'mainSearchCriteria.v.c': 'C91.00',
    'mainSearchCriteria.v.cs1': RXNORM, 'mainSearchCriteria.v.c1': '2387347',
    'mainSearchCriteria.v.c2': 'C90.0',
  }));
  await ready(page);
  await expect(page.locator('.connect > ul').first().locator('li')).toHaveCount(3);
  await expect(page.locator('#product-tecartus')).toHaveText('Tecartus (brexucabtagene autoleucel)');
  await expect(page.locator('#read-first + ul a').first()).toContainText('acute lymphoblastic leukemia');
  await expect(page.getByRole('link', { name: 'All articles about acute lymphoblastic leukemia (ALL)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'All articles about multiple myeloma' })).toBeVisible();
  // No article twice.
  const hrefs = await page.locator('#read-first + ul a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(new Set(hrefs).size).toBe(hrefs.length);
});

test('a code we do not cover gets a clear page with the way home', async ({ page }) => {
  await page.goto(url({ 'mainSearchCriteria.v.cs': ICD, 'mainSearchCriteria.v.c': 'C50.911', 'mainSearchCriteria.v.dn': 'Malignant neoplasm of unspecified site of right female breast' }));
  await ready(page);
  await expect(page.getByRole('heading', { name: 'We have no CAR-T information for this code' })).toBeVisible();
  await expect(page.locator('.connect > ul').first().locator('li')).toContainText('Malignant neoplasm of unspecified site of right female breast (ICD-10-CM code C50.911)');
  await page.getByRole('link', { name: 'Go to the CAR-T Hub home page' }).click();
  await expect(page).toHaveURL(/\/$/);
});

for (const [name, params, expected] of [
  ['no code', {}, 'mainSearchCriteria.v.c is missing'],
  ['no code system', { 'mainSearchCriteria.v.c': 'C83.38' }, 'mainSearchCriteria.v.cs is missing'],
  ['an unknown code system', { 'mainSearchCriteria.v.cs': '2.16.840.1.113883.6.103', 'mainSearchCriteria.v.c': '200.70' }, 'mainSearchCriteria.v.cs is "2.16.840.1.113883.6.103"'],
  ['a malformed code', { 'mainSearchCriteria.v.cs': ICD, 'mainSearchCriteria.v.c': 'lymphoma' }, 'mainSearchCriteria.v.c is "lymphoma", which is not a valid ICD-10-CM code'],
]) {
  test(`a request with ${name} says which parameter is wrong`, async ({ page }) => {
    await page.goto(url(params));
    await ready(page);
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText('This link is missing something');
    await expect(alert).toContainText(expected);
    await expect(alert.getByRole('link', { name: 'Go to the CAR-T Hub home page' })).toBeVisible();
  });
}

test('embed mode keeps the frame\'s chrome off on /connect', async ({ page }) => {
  await page.goto(`${url({ 'mainSearchCriteria.v.cs': ICD, 'mainSearchCriteria.v.c': 'C82.0' })}&embed=1`);
  await ready(page);
  await expect(page.locator('.brand')).toBeHidden();
  await expect(page.locator('.connect > ul').first().locator('li')).toHaveText(['Follicular lymphoma (ICD-10-CM code C82.0)']);
});
