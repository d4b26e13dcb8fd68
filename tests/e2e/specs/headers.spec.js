// The shipped security headers, scored by the Mozilla HTTP Observatory's rules: the nginx
// config (as nginx actually serves it) and the Netlify/Cloudflare `_headers` file.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('./fixtures');
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

test('nginx serves every kind of response with A+ headers', async ({ request }) => {
  for (const url of ['/', '/articles/what-is-car-t-cell-therapy', '/no-such-page', '/data/index.json', '/boot.js', '/data/articles/missing.json']) {
    const res = await request.get(url);
    const s = score(res.headers());
    console.log(`observatory: nginx ${url} (${res.status()}): ${s.total} ${s.grade}`);
    expect(s.grade, `${url}: ${JSON.stringify(s.results)}`).toBe('A+');
    expect(s.penalties, url).toEqual([]);
    expect(res.headers()['content-security-policy']).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  }
});

test('the Netlify / Cloudflare Pages _headers file scores A+', () => {
  const text = fs.readFileSync(path.join(root, 'public', '_headers'), 'utf8');
  const headers = {};
  for (const line of text.split('\n')) {
    const m = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (m) headers[m[1]] = m[2];
  }
  const s = score(headers);
  console.log(`observatory: _headers: ${s.total} ${s.grade}`);
  expect(s.grade, JSON.stringify(s.results)).toBe('A+');
  expect(s.penalties).toEqual([]);
});

test('nginx and _headers send the same security headers', () => {
  const nginx = fs.readFileSync(path.join(root, 'deploy', 'nginx', 'security-headers.conf'), 'utf8');
  const fromNginx = Object.fromEntries([...nginx.matchAll(/add_header\s+(\S+)\s+"([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const file = fs.readFileSync(path.join(root, 'public', '_headers'), 'utf8');
  const fromFile = Object.fromEntries([...file.matchAll(/^\s+([A-Za-z-]+):\s*(.+)$/gm)].map((m) => [m[1], m[2]]));
  expect(fromFile).toEqual(fromNginx);
});
