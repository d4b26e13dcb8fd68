// Search benchmark (numbers, not a test), in Chromium against nginx: for the site at <base-url>,
// what the hub downloads of the search engine before the reader focuses the box (should be
// nothing), the bytes the first and a follow-up query transfer, and keystroke-to-results time
// (a key pressed in the search page's field until the results for the new words are drawn),
// p50 and p95 over every keystroke of several queries typed letter by letter (from the second
// letter: one letter is not searched, the page asks for more at once).
// Usage: node tests/bench/search.mjs <base-url> <label>
import { createRequire } from 'node:module';
import path from 'node:path';
import { wake } from './wake.mjs';

const require = createRequire(path.resolve('tests/e2e/package.json'));
const { chromium } = require('playwright');
const [base, label] = process.argv.slice(2);
const QUERIES = ['tocilizumab', 'driving', 'insurance', 'fever', 'remission', 'apheresis', 'lymphoma', 'caregiver'];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** Bytes on the wire (encoded body and headers) of the engine's requests while `act` runs. */
async function transferred(page, act) {
  const seen = [];
  const listener = (r) => { if (/\/(search\.js|pagefind\/)/.test(r.url())) seen.push(r); };
  page.on('requestfinished', listener);
  await act();
  await page.waitForLoadState('networkidle');
  page.off('requestfinished', listener);
  let bytes = 0;
  for (const r of seen) { const s = await r.sizes(); bytes += s.responseBodySize + s.responseHeadersSize; }
  return { bytes, requests: seen.length };
}

const resultsFor = (page, q) => page.waitForFunction((q) => {
  const s = document.querySelector('.search__status');
  return s && s.textContent.includes(`“${q}”`) && !s.textContent.startsWith('Searching');
}, q, { timeout: 20000 });

try {
  const page = await browser.newPage();
  const before = await transferred(page, async () => { await page.goto(`${base}/`); await wake(page); });
  const first = await transferred(page, async () => {
    await page.fill('#site-search-field', 'tocilizumab');
    await page.press('#site-search-field', 'Enter');
    await resultsFor(page, 'tocilizumab');
  });
  const follow = await transferred(page, async () => {
    await page.fill('#search-page-field', 'insurance');
    await resultsFor(page, 'insurance');
  });

  // Keystroke to results: time from each keydown to the status line naming the new words.
  await page.evaluate(() => {
    const field = document.querySelector('#search-page-field');
    const status = document.querySelector('.search__status');
    window.__latencies = [];
    let pending = null;
    field.addEventListener('keydown', () => { pending = field.value.trim().length >= 1 ? performance.now() : null; }, true);
    new MutationObserver(() => {
      if (pending !== null && status.textContent.includes(`“${field.value.trim()}”`) && !status.textContent.startsWith('Searching')) {
        window.__latencies.push(performance.now() - pending);
        pending = null;
      }
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
  for (const q of QUERIES) {
    await page.fill('#search-page-field', '');
    for (const [i, ch] of [...q].entries()) {
      await page.keyboard.type(ch);
      if (i === 0) { await page.waitForFunction(() => /at least/.test(document.querySelector('.search__status').textContent)); continue; }
      await page.waitForFunction(() => document.querySelector('.search__status').textContent.includes(`“${document.querySelector('#search-page-field').value.trim()}”`), null, { timeout: 20000 });
    }
  }
  const lat = await page.evaluate(() => window.__latencies);
  console.log(`search benchmark: ${label}`);
  console.log(`  hub before focus: ${before.requests} search requests, ${before.bytes} B`);
  console.log(`  first query:      ${first.requests} requests, ${(first.bytes / 1024).toFixed(1)} KB (engine, wasm, index chunks, fragments)`);
  console.log(`  follow-up query:  ${follow.requests} requests, ${(follow.bytes / 1024).toFixed(1)} KB (target <= 100 KB at 10,000 articles)`);
  console.log(`  keystroke to results over ${lat.length} keystrokes: p50 ${percentile(lat, 0.5).toFixed(1)} ms, p95 ${percentile(lat, 0.95).toFixed(1)} ms (target p95 <= 100 ms)`);
} finally {
  await browser.close();
}
