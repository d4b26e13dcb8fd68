// Lighthouse mobile (simulated throttling, the default) for the hub and an article, next to
// the same pages with their scripts stripped (static-hub/, static-article/), served by the
// same nginx. Prints LCP, Total Blocking Time, CLS, the page's weight and the performance
// score (median of RUNS), and the ratios page / static. Also LCP with
// applied ("devtools") throttling: what a throttled browser really observed, next to
// Lantern's simulation (which counts every request that starts before the paint).
// Usage: node lighthouse.mjs <base-url> <article-slug>
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const [base, slug] = process.argv.slice(2);
const RUNS = Number(process.env.RUNS || 3);
const pages = [
  ['hub', `${base}/`],
  ['article', `${base}/articles/${slug}`],
  ['static hub', `${base}/static-hub/`],
  ['static article', `${base}/static-article/`],
];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
try {
  for (const [name, url] of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      const a = r.lhr.audits;
      const applied = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
        { extends: 'lighthouse:default', settings: { throttlingMethod: 'devtools' } });
      runs.push({ lcp: a['largest-contentful-paint'].numericValue, cls: a['cumulative-layout-shift'].numericValue,
        tbt: a['total-blocking-time'].numericValue, bytes: a['total-byte-weight'].numericValue,
        perf: r.lhr.categories.performance.score * 100, applied: applied.lhr.audits['largest-contentful-paint'].numericValue });
    }
    const m = (key) => median(runs.map((x) => x[key]));
    results[name] = { lcp: m('lcp'), tbt: m('tbt'), cls: m('cls'), bytes: m('bytes'), perf: m('perf'), applied: m('applied') };
  }
} finally {
  await chrome.kill();
}
console.log(`Lighthouse ${RUNS} run(s) each, mobile, simulated throttling; medians`);
console.log('page'.padEnd(16), 'LCP ms'.padStart(8), 'TBT ms'.padStart(7), 'CLS'.padStart(7), 'KB'.padStart(7), 'perf'.padStart(5), 'LCP applied ms'.padStart(15));
for (const [name, r] of Object.entries(results)) {
  console.log(name.padEnd(16), r.lcp.toFixed(0).padStart(8), r.tbt.toFixed(0).padStart(7), r.cls.toFixed(3).padStart(7), (r.bytes / 1024).toFixed(1).padStart(7),
    r.perf.toFixed(0).padStart(5), r.applied.toFixed(0).padStart(15));
}
const ratio = (page, key) => (results[page][key] / results[`static ${page}`][key]).toFixed(2);
console.log(`LCP ratio hub/static ${ratio('hub', 'lcp')}, article/static ${ratio('article', 'lcp')} (target <= 1.10; CLS target 0)`);
console.log(`TBT hub ${results.hub.tbt.toFixed(0)} ms (static ${results['static hub'].tbt.toFixed(0)}), article ${results.article.tbt.toFixed(0)} ms (static ${results['static article'].tbt.toFixed(0)}) (target <= 50)`);
console.log(`applied throttling: LCP ratio hub/static ${ratio('hub', 'applied')}, article/static ${ratio('article', 'applied')}`);
