// The full-text search index (Pagefind, from tools/), written to <dist>/pagefind/ from the
// finished, prerendered pages. One index per language (Pagefind reads each page's <html lang>).
//
// What is indexed, and how:
// - every article and topic page, its <main> only, without the parts that repeat on every
//   page or are not the page's own words (tags, dates, contents list, sources, "see also",
//   the disclaimer, the offline control);
// - each glossary term as a record of its own, leading to /glossary#<term>;
// - filters: `kind` (article, topic, glossary) and `type` (cancer-type slugs; a topic has its
//   articles' types);
// - synonyms (data/search.json, from the product facts and the cancer types' names): a page
//   that names one name of a group also gets the others, as a line like "Kymriah
//   (tisagenlecleucel)", so each name finds the pages that use another.
// Usage: node scripts/search-index.mjs <dist>
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// Pagefind is an ES module in tools/node_modules (installed by scripts/setup.sh).
const pagefind = await import(pathToFileURL(resolve('tools/node_modules/pagefind/lib/index.js')).href);

const dist = resolve(process.argv[2] || 'dist');
const readJson = (file) => JSON.parse(readFileSync(join(dist, file), 'utf8'));
// The editions the build has: the default at data/, the others at data/<code>/.
const EDITIONS = [['en', ''], ['es', 'es/']].filter(([, folder]) => existsSync(join(dist, 'data', folder, 'index.json')));

// Parts of <main> that are not the page's own words.
const EXCLUDE = ['.tags', '.article__facts', '.toc', '.sources', '.see-also', '.next-step', '.disclaimer',
  '[data-offline]', '.skip-link', '.pill-links', '.language-offer'];

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/// Whether the text names this synonym: an acronym (all capitals) only as written, any other
/// name in any case; whole words only.
function names(text, name) {
  const acronym = /^[A-Z]{2,}$/.test(name);
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(name)}($|[^\\p{L}\\p{N}])`, acronym ? 'u' : 'iu').test(text);
}

/// "Kymriah (tisagenlecleucel). ..." for every group the text names.
function synonymLine(text, groups) {
  return groups
    .filter((group) => group.some((name) => names(text, name)))
    .map(([first, ...rest]) => `${first} (${rest.join(', ')}).`)
    .join(' ');
}

/// The page with what the index needs added inside its <main>: filters and synonyms.
function withIndexData(html, kind, types, groups) {
  const main = html.slice(html.indexOf('<main'), html.lastIndexOf('</main>'));
  const text = main.replace(/<[^>]+>/g, ' ');
  const filters = [`<span data-pagefind-filter="kind">${kind}</span>`,
    ...types.map((t) => `<span data-pagefind-filter="type">${escapeHtml(t)}</span>`)].join('');
  const extra = `<div data-pagefind-weight="0.5">${filters}<p>${escapeHtml(synonymLine(text, groups))}</p></div>`;
  const at = html.lastIndexOf('</main>');
  if (at < 0) throw new Error('a prerendered page has no <main>');
  return html.slice(0, at) + extra + html.slice(at);
}

const { index, errors } = await pagefind.createIndex({ rootSelector: 'main', excludeSelectors: EXCLUDE });
if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
let count = 0;
for (const [lang, folder] of EDITIONS) {
  const data = `data/${folder}`;
  const groups = readJson(`${data}search.json`).synonyms;
  const { articles, topics } = readJson(`${data}index.json`);
  const addPage = async (path, kind, types) => {
    const html = readFileSync(join(dist, folder, path, 'index.html'), 'utf8');
    const r = await index.addHTMLFile({ url: `/${folder}${path}/`, content: withIndexData(html, kind, types, groups) });
    if (r.errors.length) throw new Error(`${folder}${path}: ${r.errors.join('; ')}`);
    count++;
  };
  for (const a of articles) await addPage(`articles/${a.slug}`, 'article', a.cancer_types);
  for (const t of topics) {
    const { topic } = readJson(`${data}topics/${t.slug}.json`);
    const types = [...new Set(topic.articles.flatMap((a) => a.cancer_types))];
    await addPage(`topics/${t.slug}`, 'topic', types);
  }
  for (const term of readJson(`${data}glossary.json`).terms) {
    const content = `${term.term}. ${term.definition} ${synonymLine(`${term.term} ${term.definition}`, groups)}`;
    const r = await index.addCustomRecord({ url: `/${folder}glossary#${term.slug}`, content, language: lang,
      meta: { title: term.term }, filters: { kind: ['glossary'] } });
    if (r.errors.length) throw new Error(`glossary ${term.slug}: ${r.errors.join('; ')}`);
    count++;
  }
}
const out = join(dist, 'pagefind');
rmSync(out, { recursive: true, force: true });
const written = await index.writeFiles({ outputPath: out });
if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
// Only the engine is served: the app draws the results itself, so Pagefind's own UI
// (scripts and styles) is removed rather than shipped unused.
for (const ui of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js']) {
  rmSync(join(out, ui), { force: true });
}
await pagefind.close();
console.log(`search index: ${count} records in ${EDITIONS.length} language(s), written to ${out}`);
