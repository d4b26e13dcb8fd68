import { chromium } from 'playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage();
await p.goto('http://127.0.0.1:8393/search?q=xy');
await p.waitForFunction(() => globalThis.cartHubSearch); if (process.env.NW) await p.evaluate(() => { window.NOWORKER = 1; });
const r = await p.evaluate(async () => {
  const out = [];
  const pf = await import('/pagefind/pagefind.js?' + (window.NOWORKER ? 'nw' : 'w')); if (window.NOWORKER) await pf.options({ noWorker: true }); await pf.init();
  await pf.search('warm');
  for (const q of ['ins', '"ins"', 'ins ', 'in', '"in"', 'to', '"to"', 'insurance', 'i', 'dr', '"dr"']) {
    const t0 = performance.now();
    const found = await pf.search(q);
    const t1 = performance.now();
    await Promise.all(found.results.slice(0, 10).map((x) => x.data()));
    const t2 = performance.now();
    out.push(`[${q}]: ${found.results.length} results, search ${(t1 - t0).toFixed(0)} ms, data ${(t2 - t1).toFixed(0)} ms`);
  }
  return out;
});
console.log(r.join('\n'));
await b.close();
