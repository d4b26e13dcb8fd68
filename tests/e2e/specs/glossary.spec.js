const { test, expect, ready } = require('./fixtures');

test('the glossary defines every term with its own anchor', async ({ page, request }) => {
  const doc = await (await request.get('/data/glossary.json')).json();
  expect(doc.terms.length).toBeGreaterThanOrEqual(30);
  await page.goto('/glossary');
  await expect(page.locator('main h1')).toHaveText('Glossary');
  await expect(page.locator('.glossary dt')).toHaveText(doc.terms.map((t) => t.term));
  for (const t of doc.terms.slice(0, 5)) {
    await expect(page.locator(`dt#${t.slug} + dd`)).toHaveText(t.definition);
  }
});

test('an article links a term where it first appears, and the link lands on its definition', async ({ page, request }) => {
  const index = await (await request.get('/data/index.json')).json();
  const glossary = await (await request.get('/data/glossary.json')).json();
  // An article with a glossary link, found in the data.
  let article = null;
  let slug = null;
  for (const a of index.articles) {
    const text = await (await request.get(`/data/articles/${a.slug}.json`)).text();
    const m = text.match(/"href":"\/glossary#([a-z0-9-]+)"/);
    if (m) { article = a; slug = m[1]; break; }
  }
  expect(article, 'some article links to the glossary').not.toBeNull();
  await page.goto(`/articles/${article.slug}`);
  await ready(page);
  const links = page.locator(`.article__body a[href="/glossary#${slug}"]`);
  await expect(links).toHaveCount(1);
  await links.click();
  await expect(page).toHaveURL(`/glossary#${slug}`);
  const term = glossary.terms.find((t) => t.slug === slug);
  await expect(page.locator(`dt#${slug}`)).toHaveText(term.term);
  await expect(page.locator(`dt#${slug}`)).toBeInViewport();
});
