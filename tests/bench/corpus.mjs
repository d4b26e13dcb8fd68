// Test tooling, not content: a copy of a built site whose library is N generated articles, for
// benchmarks at scale. Each generated article is a real prerendered article page with a new
// slug and title and one added paragraph of words drawn from the real articles plus a few
// made-up ones, so the index's vocabulary grows with the library as a real one would. The
// copy's data/index.json lists the generated articles (the search indexer reads it).
// Usage: node tests/bench/corpus.mjs <built dist> <out dir> <N>
import fs from 'node:fs';
import path from 'node:path';

const [dist, out, n] = [process.argv[2], process.argv[3], Number(process.argv[4])];
fs.rmSync(out, { recursive: true, force: true });
fs.cpSync(dist, out, { recursive: true });
const index = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'index.json'), 'utf8'));
const pages = index.articles.map((a) => ({ a, html: fs.readFileSync(path.join(dist, 'articles', a.slug, 'index.html'), 'utf8') }));
const words = [...new Set(pages.flatMap(({ html }) => html.replace(/<[^>]+>/g, ' ').toLowerCase().match(/\p{L}{4,}/gu)))];

let seed = 1;
const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const articles = [];
for (let i = 0; i < n; i++) {
  const { a, html } = pages[i % pages.length];
  const slug = `generated-${String(i).padStart(5, '0')}`;
  const title = `${a.title} (generated ${i})`;
  const drawn = Array.from({ length: 60 }, () => words[Math.floor(random() * words.length)]);
  const made = Array.from({ length: 5 }, (_, k) => `term${i}x${k}`);
  const paragraph = `<p>${escape([...drawn, ...made].join(' '))}.</p>`;
  const page = html
    .replace(/(<h1[^>]*>)[^<]*(<\/h1>)/, `$1${escape(title)}$2`)
    .replace('<div class="article__body prose">', `<div class="article__body prose">${paragraph}`);
  fs.mkdirSync(path.join(out, 'articles', slug), { recursive: true });
  fs.writeFileSync(path.join(out, 'articles', slug, 'index.html'), page);
  articles.push({ ...a, slug, title });
}
for (const { a } of pages) fs.rmSync(path.join(out, 'articles', a.slug), { recursive: true, force: true });
fs.writeFileSync(path.join(out, 'data', 'index.json'), JSON.stringify({ ...index, articles }));
console.log(`corpus: ${n} generated articles in ${out}`);
