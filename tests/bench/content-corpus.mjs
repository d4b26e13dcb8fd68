// Test tooling, not content: a copy of content/ with N more articles, each a real article (and
// its Spanish twin) under a new slug and title, for timing the content compiler and the
// prerenderer at scale. The real articles stay, so every link and topic still resolves.
// Usage: node tests/bench/content-corpus.mjs <content dir> <out dir> <N>
import fs from 'node:fs';
import path from 'node:path';

const [content, out, n] = [process.argv[2], process.argv[3], Number(process.argv[4])];
fs.rmSync(out, { recursive: true, force: true });
fs.cpSync(content, out, { recursive: true });
const slugs = fs.readdirSync(path.join(content, 'articles')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
const retitle = (text, i) => text.replace(/^title = "(.*)"$/m, (_, t) => `title = "${t} (${i})"`);
for (let i = 0; i < n; i++) {
  const slug = slugs[i % slugs.length];
  const copy = `${slug}-${i}`;
  const en = fs.readFileSync(path.join(content, 'articles', `${slug}.md`), 'utf8');
  fs.writeFileSync(path.join(out, 'articles', `${copy}.md`), retitle(en, i));
  const esFile = path.join(content, 'es', 'articles', `${slug}.md`);
  if (fs.existsSync(esFile)) {
    const es = fs.readFileSync(esFile, 'utf8').replace(/^original = "(.*)"$/m, `original = "${copy}"`);
    fs.writeFileSync(path.join(out, 'es', 'articles', `${copy}.md`), retitle(es, i));
  }
}
console.log(`content corpus: ${slugs.length} real and ${n} generated articles in ${out}`);
