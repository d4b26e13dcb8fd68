// Lighthouse mobile (simulated throttling, the default) for the hub and an article, next to
// a plain static HTML page of the same article served by the same nginx. Prints LCP, CLS and
// the performance score (median of RUNS), and the LCP ratio page / static. Also LCP with
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
        perf: r.lhr.categories.performance.score * 100, applied: applied.lhr.audits['largest-contentful-paint'].numericValue });
    }
    results[name] = { lcp: median(runs.map((x) => x.lcp)), cls: median(runs.map((x) => x.cls)), perf: median(runs.map((x) => x.perf)), applied: median(runs.map((x) => x.applied)) };
  }
} finally {
  await chrome.kill();
}
console.log(`Lighthouse ${RUNS} run(s) each, mobile, simulated throttling; medians`);
console.log('page'.padEnd(16), 'LCP ms'.padStart(8), 'CLS'.padStart(7), 'perf'.padStart(5), 'LCP applied ms'.padStart(15));
for (const [name, r] of Object.entries(results)) {
  console.log(name.padEnd(16), r.lcp.toFixed(0).padStart(8), r.cls.toFixed(3).padStart(7), r.perf.toFixed(0).padStart(5), r.applied.toFixed(0).padStart(15));
}
const s = results['static article'].lcp;
console.log(`LCP ratio hub/static ${(results.hub.lcp / s).toFixed(2)}, article/static ${(results.article.lcp / s).toFixed(2)} (target <= 1.10; CLS target 0)`);
const sa = results['static article'].applied;
console.log(`applied throttling: LCP ratio hub/static ${(results.hub.applied / sa).toFixed(2)}, article/static ${(results.article.applied / sa).toFixed(2)}`);
