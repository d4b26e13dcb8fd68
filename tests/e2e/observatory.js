// Scores response headers by the Mozilla HTTP Observatory's rules (the header tests of its
// scoring table; cookies and redirects do not apply to a static site). 100 is the baseline;
// A+ needs 100 or more.
function parseCsp(value) {
  const d = {};
  for (const part of (value || '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) d[name.toLowerCase()] = sources.map((s) => s.toLowerCase());
  }
  return d;
}

function score(headers) {
  const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const results = [];
  const add = (test, delta) => results.push({ test, delta });

  const csp = h['content-security-policy'];
  if (!csp) add('csp-not-implemented', -25);
  else {
    const d = parseCsp(csp);
    const scripts = d['script-src'] || d['default-src'] || ['*'];
    const styles = d['style-src'] || d['default-src'] || ['*'];
    const unsafe = (list) => list.includes("'unsafe-inline'") || list.includes("'unsafe-eval'") || list.some((s) => s === '*' || s === 'http:' || s === 'https:' || s === 'data:');
    if (unsafe(scripts)) add('csp-implemented-with-unsafe-inline-or-eval', -20);
    else if (unsafe(styles)) add('csp-implemented-with-unsafe-inline-in-style-src-only', 0);
    else if ((d['default-src'] || []).join(' ') === "'none'") add('csp-implemented-with-no-unsafe-default-src-none', 10);
    else add('csp-implemented-with-no-unsafe', 5);
  }

  const hsts = /max-age=(\d+)/i.exec(h['strict-transport-security'] || '');
  if (!hsts) add('hsts-not-implemented', -20);
  else if (Number(hsts[1]) < 15768000) add('hsts-implemented-max-age-less-than-six-months', -10);
  else add('hsts-implemented-max-age-at-least-six-months', 0);

  if ((h['x-content-type-options'] || '').toLowerCase() !== 'nosniff') add('x-content-type-options-not-implemented', -5);

  const ancestors = csp && parseCsp(csp)['frame-ancestors'];
  if (ancestors && !ancestors.includes('*')) add('x-frame-options-implemented-via-csp', 5);
  else if (!h['x-frame-options']) add('x-frame-options-not-implemented', -20);

  const referrer = (h['referrer-policy'] || '').toLowerCase().split(',').map((s) => s.trim()).pop();
  if (['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer)) add('referrer-policy-private', 5);
  else if (['origin', 'origin-when-cross-origin', 'unsafe-url', 'no-referrer-when-downgrade'].includes(referrer)) add('referrer-policy-unsafe', -5);

  // As the Observatory does: bonuses count only if the score without them is at least 90.
  const base = 100 + results.filter((r) => r.delta < 0).reduce((s, r) => s + r.delta, 0);
  const bonus = results.filter((r) => r.delta > 0).reduce((s, r) => s + r.delta, 0);
  const total = base >= 90 ? base + bonus : base;
  const grade = total >= 100 ? 'A+' : total >= 90 ? 'A' : total >= 85 ? 'A-' : total >= 80 ? 'B+' : total >= 70 ? 'B' : total >= 65 ? 'B-' : total >= 50 ? 'C' : total >= 25 ? 'D' : 'F';
  return { total, grade, results, penalties: results.filter((r) => r.delta < 0).map((r) => r.test) };
}

module.exports = { score };
