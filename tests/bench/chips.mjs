// Hub benchmark (numbers, not a test), in Chromium against nginx, for the site at <base-url>:
// - the hub's first view: bytes on the wire (encoded bodies and headers) of everything the
//   page loads until the app has taken over and the network is idle, split into the page
//   (HTML and page data), the app (scripts, wasm, CSS) and documents (data/);
// - chip toggle to updated list: a chip pressed until the count of matching articles shows the
//   new selection, p50 and p95 over every press of several rounds through all nine chips (each
//   on, then off), after one warm-up round (the facets and the chunks it shows are in then);
//   the first press of the visit (which fetches the facets) apart;
// - memory after load: the page's JavaScript heap and the wasm's linear memory.
// Usage: node tests/bench/chips.mjs <base-url> <label>
import { createRequire } from 'node:module';
import path from 'node:path';
import { wake } from './wake.mjs';

const require = createRequire(path.resolve('tests/e2e/package.json'));
const { chromium } = require('playwright');
const [base, label] = process.argv.slice(2);
const ROUNDS = 4;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

/** Presses the chip labelled `name`; resolves with the ms until the count changed. */
const press = (page, name) => page.evaluate((name) => new Promise((resolve) => {
  const count = document.querySelector('.result-count');
  const before = count.textContent;
  const chip = [...document.querySelectorAll('.chip')].find((b) => b.textContent.trim() === name);
  const observer = new MutationObserver(() => {
    const now = document.querySelector('.result-count');
    if (now && now.textContent !== before) {
      observer.disconnect();
      resolve(performance.now() - t0);
    }
  });
  observer.observe(document.querySelector('.library'), { subtree: true, childList: true, characterData: true });
  const t0 = performance.now();
  chip.click();
}), name);

try {
  const page = await browser.newPage();
  const seen = [];
  page.on('requestfinished', (r) => seen.push(r));
  await page.goto(`${base}/`);
  await wake(page, 'html[data-app="hydrated"]');
  await page.waitForLoadState('networkidle');
  const parts = { page: 0, app: 0, data: 0 };
  for (const r of seen) {
    const s = await r.sizes();
    const p = new URL(r.url()).pathname;
    const part = p.includes('/data/') ? 'data' : /\/(assets|[a-z-]+\.js$)/.test(p) && !p.endsWith('page-data.js') ? 'app' : 'page';
    parts[part] += s.responseBodySize + s.responseHeadersSize;
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const heap = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  // The wasm's linear memory: the glue's init, called again, hands back the running instance.
  const wasm = await page.evaluate(async () => {
    const glue = await import(document.querySelector('script[data-wasm]').dataset.js);
    const exports = await glue.default();
    return exports?.memory?.buffer?.byteLength ?? 0;
  }).catch(() => 0);
  const chips = await page.locator('.chip').allTextContents();
  const names = chips.map((c) => c.trim());
  const first = await press(page, names[0]);
  await press(page, names[0]);
  for (const n of names) { await press(page, n); await press(page, n); }
  const times = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const n of names) { times.push(await press(page, n)); times.push(await press(page, n)); }
  }
  const cards = await page.locator('.card').count();
  console.log(`hub (${label}): first view ${kb(parts.page)} page + ${kb(parts.app)} app + ${kb(parts.data)} data on the wire; ${cards} cards shown`);
  console.log(`hub (${label}): chip toggle to updated count p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms over ${times.length} presses; first press of the visit ${first.toFixed(1)} ms`);
  console.log(`hub (${label}): memory after load: JS heap ${kb(heap)}${wasm ? `, wasm memory ${kb(wasm)}` : ''}`);
} finally {
  await browser.close();
}
