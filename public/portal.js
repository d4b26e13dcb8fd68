// Runtime configuration for the teams who host or embed CAR-T Hub: `config.json` beside
// index.html sets brand colours, font, corner radius, logo, the name in the header, a contact
// line, which chrome shows, embed mode, and the sites allowed to embed the hub (and to hear
// its height). Edit the file, no rebuild. Every field is described in the README.
//
// Whatever is missing or wrong falls back to the site's default, with one console warning
// that says what was ignored and why: a bad config never costs the reader the page.
// Everything here is CSP-safe: custom properties go through the CSSOM (no style attributes,
// no <style>), text through textContent (no markup strings).

const root = document.documentElement;
const configUrl = document.querySelector('script[data-config]')?.dataset.config || 'config.json';
const query = new URLSearchParams(location.search);
const framed = window.parent !== window;

// Config key -> the custom property style/main.css reads (`--config-dark-*` in dark mode).
const COLOURS = {
  brand: 'brand',           // header band, buttons
  onBrand: 'on-brand',      // text on the header band and buttons
  accent: 'accent',         // accent bars and borders, the loading spinner
  link: 'link',             // links, filter chips
  onLink: 'on-link',        // text on a selected filter chip
  background: 'background', // the page
  surface: 'surface',       // cards, contact line, footer
  text: 'text',
  textMuted: 'text-muted',
};
// Pairs of effective colours that carry text, and WCAG 2.2 AA's 4.5:1 for them.
const PAIRS = [
  ['text', 'bg'], ['text', 'surface'], ['text-muted', 'bg'], ['text-muted', 'surface'],
  ['link', 'bg'], ['link', 'surface'], ['chip-on-text', 'chip-on'], ['on-brand', 'brand-dark'],
];
const FIELDS = ['name', 'logo', 'contact', 'colors', 'darkColors', 'font', 'radius',
  'showHeader', 'showFooter', 'embed', 'allowedParentOrigins', 'language', 'offline'];
// The words this script shows, in the page's language (see boot.js).
const words = (() => {
  try { return JSON.parse(document.body.dataset.messages || '{}'); } catch { return {}; }
})();

// Languages. Each prerendered page links its twins (<link rel=alternate hreflang>). A link
// may ask for one (`?lang=es`, e.g. from a portal or an HL7 Infobutton): the twin replaces
// this page at once. A portal's config.json may set a default (`"language": "es"`), used
// until the reader picks a language with the switch (kept on the device by the app).
const CHOICE_KEY = 'cart-hub:lang';
function twinUrl(code) {
  if (!code || code === root.lang) return null;
  const link = document.querySelector(`link[rel="alternate"][hreflang="${CSS.escape(code)}"]`);
  if (!link) return null;
  const url = new URL(link.href, location.href);
  const params = new URLSearchParams(location.search);
  params.delete('lang');
  url.search = params.toString();
  url.hash = location.hash;
  return url.pathname + url.search + url.hash;
}
const asked = query.get('lang');
if (asked) {
  const twin = twinUrl(asked.toLowerCase().slice(0, 2));
  if (twin) location.replace(twin);
}
function applyLanguage(config) {
  let chosen = null;
  try { chosen = localStorage.getItem(CHOICE_KEY); } catch { /* storage off */ }
  if (!config.language || chosen || asked) return;
  const twin = twinUrl(config.language);
  if (twin) location.replace(twin);
}

// Who frames this page, if the browser says: Chromium and WebKit give the ancestors'
// origins; otherwise the referrer is the parent page (Firefox). '' when unknown.
// ("null" is what a browser gives for a parent it will not name: treated as unknown.)
const parentOrigin = (() => {
  if (!framed) return '';
  let origin = location.ancestorOrigins?.[0] || '';
  if (!origin) try { origin = document.referrer ? new URL(document.referrer).origin : ''; } catch { /* none */ }
  return origin === 'null' ? '' : origin;
})();
// Framed by another site: show nothing until config.json says that site may embed the hub
// (allowedParentOrigins). The CSP's frame-ancestors is what stops framing; this is the
// second guard, and the only one on hosts that cannot send headers.
const foreignParent = parentOrigin && parentOrigin !== location.origin;
if (foreignParent) root.dataset.framing = 'checking';

// Embed mode from the address is known at once: hide the chrome before the config arrives.
// Inside a frame it is remembered for the visit, so a reload of the frame keeps it.
if (query.get('embed') === '1') {
  root.dataset.embed = '';
  if (framed) try { sessionStorage.setItem('cart-hub-embed', '1'); } catch { /* storage off */ }
} else if (framed) {
  try { if (sessionStorage.getItem('cart-hub-embed') === '1') root.dataset.embed = ''; } catch { /* storage off */ }
}

/** Reads config.json. Always resolves: to the valid fields, and what was wrong. */
async function load() {
  const problems = [];
  let raw = {};
  try {
    const res = await fetch(configUrl, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const text = await res.text();
    try { raw = JSON.parse(text); } catch (e) { throw new Error(`not valid JSON (${e.message})`); }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('not a JSON object');
  } catch (e) {
    return { config: {}, problems: [`could not be read: ${e.message}. Using the defaults`] };
  }
  const config = {};
  for (const key of Object.keys(raw)) {
    if (!FIELDS.includes(key)) problems.push(`unknown field "${key}" ignored`);
  }
  const field = (key, check) => {
    if (!(key in raw) || raw[key] === null) return;
    const reason = check(raw[key]);
    if (reason) problems.push(`"${key}" ${reason}; using the default`);
    else config[key] = raw[key];
  };
  field('name', (v) => (typeof v === 'string' && /^[^\u0000-\u001f]{1,60}$/.test(v.trim()) ? '' : 'must be text of 1 to 60 characters'));
  field('logo', (v) => (typeof v === 'string' && sameOriginImage(v) ? '' : 'must be an image on this site (a path such as "brand/logo.svg")'));
  // A relative path is relative to config.json (the site's root), not to the page shown.
  if (config.logo && !config.logo.startsWith('data:')) config.logo = new URL(config.logo, new URL(configUrl, location.href)).href;
  field('contact', checkContact);
  field('font', (v) => (typeof v === 'string' && v.length <= 200 && !/url\(|[;{}]/i.test(v) && CSS.supports('font-family', v)
    ? '' : 'must be a CSS font-family list of installed fonts (no web fonts)'));
  field('radius', (v) => (typeof v === 'string' && radiusPx(v) !== null ? '' : 'must be a length from 0 to 24px, such as "4px" or "0.5rem"'));
  for (const key of ['showHeader', 'showFooter', 'embed', 'offline']) {
    field(key, (v) => (typeof v === 'boolean' ? '' : 'must be true or false'));
  }
  field('language', (v) => (typeof v === 'string' && /^[a-z]{2}$/.test(v) ? '' : 'must be a language code such as "en" or "es"'));
  field('allowedParentOrigins', (v) => (Array.isArray(v) && v.length <= 20 && v.every(isOrigin)
    ? '' : 'must be a list of origins such as "https://portal.example.org" (scheme, host and port only)'));
  for (const key of ['colors', 'darkColors']) {
    field(key, (v) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'must be an object of colours';
      const bad = Object.entries(v).filter(([k, c]) => !(k in COLOURS) || toRgb(c) === null).map(([k]) => k);
      return bad.length ? `has unknown names or colours that are not plain opaque CSS colours: ${bad.join(', ')}` : '';
    });
  }
  return { config, problems };
}

function checkContact(v) {
  const ok = v && typeof v === 'object' && typeof v.text === 'string' && /^[^\u0000-\u001f]{1,200}$/.test(v.text.trim())
    && (v.phone === undefined || (typeof v.phone === 'string' && /^\+?[0-9][0-9 ().-]{2,29}$/.test(v.phone)))
    && (v.email === undefined || (typeof v.email === 'string' && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(v.email)))
    && Object.keys(v).every((k) => ['text', 'phone', 'email'].includes(k));
  return ok ? '' : 'must be {"text": "...", "phone": "+1 555 0100", "email": "..."} (phone and email optional)';
}

function sameOriginImage(v) {
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/.test(v)) return true; // allowed by img-src data:
  try {
    const url = new URL(v, new URL(configUrl, location.href));
    return url.origin === location.origin; // img-src 'self': nothing from other sites
  } catch { return false; }
}

function radiusPx(v) {
  const m = /^(\d{1,2}(?:\.\d{1,3})?)(px|rem|em)$/.exec(v);
  if (!m) return null;
  const px = Number(m[1]) * (m[2] === 'px' ? 1 : 16);
  return px <= 24 ? px : null;
}

function isOrigin(v) {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === v;
  } catch { return false; }
}

/** A CSS colour as [r, g, b] (0-255), or null if it is not an opaque sRGB colour. */
function toRgb(value) {
  if (typeof value !== 'string' || value.length > 64 || !CSS.supports('color', value)) return null;
  const probe = document.createElement('span');
  probe.hidden = true;
  probe.style.color = value;
  root.append(probe);
  const m = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(getComputedStyle(probe).color);
  probe.remove();
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function contrast(a, b) {
  const lum = ([r, g, b2]) => {
    const f = (c) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b2);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const dark = matchMedia('(prefers-color-scheme: dark)');

/** Sets one scheme's colours; takes them back if any text would fall below 4.5:1. */
function applyColours(config, problems) {
  for (const [key, prefix] of [['colors', '--config-'], ['darkColors', '--config-dark-']]) {
    for (const [name, prop] of Object.entries(COLOURS)) {
      const value = config[key]?.[name];
      if (value) root.style.setProperty(prefix + prop, value);
      else root.style.removeProperty(prefix + prop);
    }
  }
  // Only the scheme on screen can be measured (the other one's defaults are not computed).
  const key = dark.matches ? 'darkColors' : 'colors';
  if (!config[key]) return;
  const style = getComputedStyle(root);
  const colour = (name) => toRgb(style.getPropertyValue(`--color-${name}`).trim());
  for (const [fg, bg] of PAIRS) {
    const [a, b] = [colour(fg), colour(bg)];
    if (!a || !b) continue;
    const ratio = contrast(a, b);
    if (ratio < 4.5) {
      problems.push(`"${key}" would put ${fg} on ${bg} at ${ratio.toFixed(2)}:1, below the 4.5:1 that WCAG AA needs for text; using the default colours`);
      const prefix = key === 'colors' ? '--config-' : '--config-dark-';
      for (const prop of Object.values(COLOURS)) root.style.removeProperty(prefix + prop);
      return;
    }
  }
}

/** Fills the header's name and logo and the contact line (the app renders them empty). */
function applyChrome(config) {
  const name = document.querySelector('[data-portal="name"]');
  if (config.name && name && name.textContent !== config.name.trim()) {
    if (name.firstChild && name.firstChild.nodeType === Node.TEXT_NODE) name.firstChild.nodeValue = config.name.trim();
    else name.textContent = config.name.trim();
  }
  const logo = document.querySelector('[data-portal="logo"]');
  if (config.logo && logo && !logo.querySelector('img')) {
    const img = document.createElement('img');
    img.src = config.logo;
    img.alt = ''; // the name beside it says who this is
    logo.append(img);
    logo.hidden = false;
    root.dataset.logo = '';
  }
  const line = document.querySelector('[data-portal="contact"]');
  if (config.contact && line && !line.querySelector('p')) {
    const p = document.createElement('p');
    p.className = 'wrap';
    p.append(config.contact.text.trim());
    for (const [scheme, value] of [['tel:', config.contact.phone], ['mailto:', config.contact.email]]) {
      if (!value) continue;
      const a = document.createElement('a');
      a.href = scheme + (scheme === 'tel:' ? value.replace(/[^0-9+]/g, '') : value);
      a.textContent = value;
      p.append(' ', a);
    }
    line.append(p);
    line.hidden = false;
  }
}

/** The browser tab says the portal's name too. The app sets each page's title (ending in
 *  the site's name, which the page carries as `data-site-name` on <body>) as it renders;
 *  this follows every change of it. */
function applyTitle(config) {
  const siteName = document.body && document.body.dataset.siteName;
  if (!config.name || !siteName) return;
  const name = config.name.trim();
  const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ending = new RegExp(`(^|\\| )${escaped}$`);
  const rename = () => {
    const renamed = document.title.replace(ending, `$1${name}`);
    if (renamed !== document.title) document.title = renamed;
  };
  rename();
  new MutationObserver(rename).observe(document.head, { subtree: true, childList: true, characterData: true });
}

/**
 * Tells the embedding page how tall the content is, so it can size the frame without a
 * scrollbar: `{type: "cart-hub:height", height, path}` via postMessage, on load, on every
 * page change and whenever the content's height changes (resize, images, late data).
 * Only to an allow-listed origin: the path says what a patient is reading.
 */
function reportHeight(origins) {
  if (!framed || !origins.length) return;
  // A known parent gets messages only if listed. If the browser cannot say, each listed
  // origin is tried: postMessage delivers only when it matches the parent's real origin.
  const targets = parentOrigin ? origins.filter((o) => o === parentOrigin) : origins;
  if (!targets.length) return;
  let last = '';
  const send = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    const path = location.pathname;
    if (`${height} ${path}` === last) return;
    last = `${height} ${path}`;
    for (const origin of targets) window.parent.postMessage({ type: 'cart-hub:height', height, path }, origin);
  };
  let queued = false;
  new ResizeObserver(() => {
    if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; send(); }); }
  }).observe(root);
  addEventListener('cart-hub:page', send); // sent by the app (src/bridge.rs) when a page is on screen
  send();
}

/**
 * Framed by a site that config.json does not list: the page stays hidden, and says so, with
 * a way to read the hub in its own tab. Returns whether the page may show.
 */
function guardFraming(origins) {
  if (!foreignParent) return true;
  if (origins.includes(parentOrigin)) {
    delete root.dataset.framing;
    return true;
  }
  root.dataset.framing = 'refused';
  const box = document.createElement('div');
  box.className = 'framing-refused';
  box.setAttribute('role', 'alert');
  const h = document.createElement('h1');
  h.textContent = words.portalRefusedTitle;
  const p = document.createElement('p');
  p.textContent = words.portalRefusedText;
  const a = document.createElement('a');
  a.className = 'button';
  a.href = location.href;
  a.target = '_blank';
  a.rel = 'noopener';
  a.textContent = words.portalOpen;
  box.append(h, p, a);
  document.body.append(box); // outside #app: the app never touches it
  console.warn(`CAR-T Hub: this page is framed by ${parentOrigin}, which allowedParentOrigins in config.json does not list, so it is hidden.`);
  return false;
}

/** In embed mode, links to other sites open in a new tab: the frame keeps the hub. */
function keepNavigationInFrame() {
  addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (!a || !('embed' in root.dataset)) return;
    const url = new URL(a.href, location.href);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== location.origin) {
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
  }, true);
}

load().then(({ config, problems }) => {
  // First: while this is unsettled, a page framed by another site shows nothing.
  const mayShow = guardFraming(config.allowedParentOrigins || []);
  applyLanguage(config);
  if (config.embed) root.dataset.embed = '';
  if (config.showHeader === false) root.dataset.header = 'hidden';
  if (config.showFooter === false) root.dataset.footer = 'hidden';
  if (config.font) root.style.setProperty('--config-font', config.font);
  if (config.radius) root.style.setProperty('--config-radius', config.radius);
  applyColours(config, problems);
  dark.addEventListener('change', () => {
    const later = [];
    applyColours(config, later);
    if (later.length) console.warn(`CAR-T Hub config.json: ${later.join('; ')}.`);
  });
  applyChrome(config);
  applyTitle(config);
  // A page the app renders from scratch (not hydrated) brings an empty header: fill it too.
  addEventListener('cart-hub:page', () => applyChrome(config));
  keepNavigationInFrame();
  if (mayShow) reportHeight(config.allowedParentOrigins || []);
  if (problems.length) console.warn(`CAR-T Hub config.json: ${problems.join('; ')}.`);
  root.dataset.config = problems.length ? 'fallback' : 'applied';
  // For offline.js (offline reading can be switched off here).
  globalThis.cartHubConfig = config;
  dispatchEvent(new CustomEvent('cart-hub:config', { detail: config }));
});
