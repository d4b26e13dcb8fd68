// The shipped security headers, scored by the Mozilla HTTP Observatory's rules: the nginx
// config (as nginx actually serves it) and the Netlify/Cloudflare `_headers` file.
const fs = require('fs');
const path = require('path');
const { test, expect, attr } = require('./fixtures');
const { score } = require('../observatory');

const root = path.join(__dirname, '..', '..', '..');

test('the scorer itself fails weak configurations', () => {
  expect(score({}).total).toBe(30); // no CSP -25, no HSTS -20, no nosniff -5, no framing rule -20
  const good = { 'Content-Security-Policy': "default-src 'none'; script-src 'self'; frame-ancestors 'self'", 'Strict-Transport-Security': 'max-age=63072000', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
  expect(score(good).grade).toBe('A+');
  expect(score({ ...good, 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'unsafe-inline'" }).grade).not.toBe('A+');
  expect(score({ ...good, 'Strict-Transport-Security': 'max-age=86400' }).penalties).toEqual(['hsts-implemented-max-age-less-than-six-months']);
  expect(score({ ...good, 'X-Content-Type-Options': '' }).penalties).toEqual(['x-content-type-options-not-implemented']);
  expect(score({ ...good, 'Referrer-Policy': 'unsafe-url' }).penalties).toEqual(['referrer-policy-unsafe']);
});

/** The `_headers` file as {path rule: {header: value}}. */
function headersFile() {
  const rules = {};
  let current = null;
  for (const line of fs.readFileSync(path.join(root, 'public', '_headers'), 'utf8').split('\n')) {
    if (/^\//.test(line)) rules[current = line.trim()] = {};
    const m = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (m && current) rules[current][m[1]] = m[2];
  }
  return rules;
}

/** The loader's URL, read from the served page (its name carries a content hash). */
async function loaderUrl(request) {
  const html = await (await request.get('/')).text();
  return attr(/<script[^>]*data-wasm[^>]*>/.exec(html)[0], 'src');
}

test('nginx serves every kind of response with A+ headers', async ({ request }) => {
  const urls = ['/', '/articles/what-is-car-t-cell-therapy', '/no-such-page', '/data/index.json', '/config.json',
    await loaderUrl(request), '/data/articles/missing.json'];
  for (const url of urls) {
    const res = await request.get(url);
    const s = score(res.headers());
    console.log(`observatory: nginx ${url} (${res.status()}): ${s.total} ${s.grade}`);
    expect(s.grade, `${url}: ${JSON.stringify(s.results)}`).toBe('A+');
    expect(s.penalties, url).toEqual([]);
    expect(res.headers()['content-security-policy']).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  }
});

test('nginx: fingerprinted assets are cached for a year, pages, data and config.json revalidated', async ({ request }) => {
  const immutable = 'public, max-age=31536000, immutable';
  expect((await request.get(await loaderUrl(request))).headers()['cache-control']).toBe(immutable);
  for (const url of ['/', '/articles/what-is-car-t-cell-therapy', '/data/index.json', '/config.json']) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    expect(res.headers()['cache-control'], url).toBe('no-cache');
  }
  const config = await request.get('/config.json');
  expect(config.headers()['content-type']).toMatch(/^application\/json/);
});

test('the search index: hashed chunks cached for a year, the entry and engine revalidated, a missing file a 404', async ({ request }) => {
  const dist = path.join(root, process.env.DIST || 'dist');
  const immutable = 'public, max-age=31536000, immutable';
  const chunk = fs.readdirSync(path.join(dist, 'pagefind', 'index'))[0];
  const meta = fs.readdirSync(path.join(dist, 'pagefind')).find((f) => f.endsWith('.pf_meta'));
  for (const url of [`/pagefind/index/${chunk}`, `/pagefind/${meta}`]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    expect(res.headers()['cache-control'], url).toBe(immutable);
  }
  for (const url of ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.en.pagefind', '/search.js']) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    expect(res.headers()['cache-control'], url).toBe('no-cache');
  }
  expect((await request.get('/pagefind/index/en_missing.pf_index')).status()).toBe(404);
  expect((await request.get('/pagefind/wasm.xx.pagefind')).status()).toBe(404);
  const rules = headersFile();
  for (const dir of ['index', 'fragment', 'filter']) expect(rules[`/pagefind/${dir}/*`]).toEqual({ 'Cache-Control': immutable });
});

test('every fingerprinted file is under assets/, where one rule caches them', () => {
  const dist = path.join(root, process.env.DIST || 'dist');
  const fingerprinted = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|svg)$/; // Trunk drops leading zeros
  const atRoot = fs.readdirSync(dist).filter((f) => fingerprinted.test(f));
  expect(atRoot).toEqual([]);
  const assets = fs.readdirSync(path.join(dist, 'assets')).filter((f) => !/\.(br|gz)$/.test(f));
  expect(assets.length).toBeGreaterThanOrEqual(6); // glue, wasm, css, icon, boot, portal
  expect(assets.filter((f) => !fingerprinted.test(f))).toEqual([]);
});

test('config.json is served as it is on disk: no precompressed copy to go stale after an edit', async ({ request }) => {
  const dist = path.join(root, process.env.DIST || 'dist');
  expect(fs.existsSync(path.join(dist, 'config.json.br'))).toBe(false);
  expect(fs.existsSync(path.join(dist, 'config.json.gz'))).toBe(false);
  const res = await request.get('/config.json', { headers: { 'Accept-Encoding': 'br, gzip' } });
  expect(await res.text()).toBe(fs.readFileSync(path.join(dist, 'config.json'), 'utf8'));
});

test('the Netlify / Cloudflare Pages _headers file scores A+ and caches only assets/', () => {
  const rules = headersFile();
  const s = score(rules['/*']);
  console.log(`observatory: _headers: ${s.total} ${s.grade}`);
  expect(s.grade, JSON.stringify(s.results)).toBe('A+');
  expect(s.penalties).toEqual([]);
  // Both hosts merge every matching rule: a Cache-Control on /* would be joined to the
  // assets' one. Pages keep the hosts' revalidating default.
  expect(rules['/*']['Cache-Control']).toBeUndefined();
  expect(rules['/assets/*']).toEqual({ 'Cache-Control': 'public, max-age=31536000, immutable' });
});

test('nginx and _headers send the same security headers', () => {
  const nginx = fs.readFileSync(path.join(root, 'deploy', 'nginx', 'security-headers.conf'), 'utf8');
  const fromNginx = Object.fromEntries([...nginx.matchAll(/add_header\s+(\S+)\s+"([^"]+)"/g)]
    // nginx takes the framing list from the server block; 'self' is what _headers ships.
    .map((m) => [m[1], m[2].replace('$frame_ancestors', "'self'")]));
  expect(headersFile()['/*']).toEqual(fromNginx);
});

test('nginx sends the frame-ancestors list the server block sets', async ({ request }) => {
  const csp = (await request.get('/')).headers()['content-security-policy'];
  const expected = process.env.FRAME_ANCESTORS || "'self'";
  expect(csp).toContain(`frame-ancestors ${expected}`);
  expect(csp).not.toContain('$frame_ancestors');
});
