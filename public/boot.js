// Starts the app. A file, not an inline script, so the Content-Security-Policy can forbid
// inline scripts. If the WebAssembly module cannot be fetched, compiled or started, the
// reader gets a message instead of a blank page.
const tag = document.querySelector('script[data-wasm]');
// The words, in the page's language, from the site's string tables (written into each page
// by the prerenderer as data-messages). A module runs after the body is parsed.
const words = (() => {
  try { return JSON.parse(document.body.dataset.messages || '{}'); } catch { return {}; }
})();

// A message in place of the app: plain DOM (no markup strings), styled by the site's CSS.
function showMessage(id, title, text, link) {
  if (document.getElementById(id)) return;
  const box = document.createElement('div');
  box.id = id;
  box.className = 'boot-failure';
  box.setAttribute('role', 'alert');
  const h = document.createElement('h1');
  h.textContent = title;
  const p = document.createElement('p');
  p.textContent = text;
  box.append(h, p);
  if (link) {
    const a = document.createElement('a');
    a.className = 'button';
    a.href = link.href;
    a.textContent = link.text;
    box.append(a);
  }
  document.body.prepend(box);
  scrollTo(0, 0);
}

function showFailure() {
  showMessage('boot-failure', words.bootFailureTitle, words.bootFailureText);
}

// A panic aborts the wasm with a trap. Whatever the reader was doing, the app is gone: say
// so in plain words and offer a reload (a plain link: it works without the app).
function showCrash() {
  showMessage('crash', words.crashTitle, words.crashText,
    { href: location.href.replace(/[?&]debug-panic\b/, ''), text: words.crashReload });
}
const isTrap = (err) => typeof WebAssembly === 'object' && err instanceof WebAssembly.RuntimeError;
addEventListener('error', (e) => { if (isTrap(e.error)) showCrash(); });
addEventListener('unhandledrejection', (e) => { if (isTrap(e.reason)) showCrash(); });

// The wasm-bindgen glue and the wasm are checked against the digests the build wrote into
// the page (Subresource Integrity): a changed or corrupted file is refused, not run. The
// glue goes through a <script> element (a dynamic import() cannot carry `integrity`); the
// import() that follows gets that same, checked module from the browser's module map.
// `fetchApp` resolves once both are on their way; `run` then compiles and starts the app.
function fetchApp() {
  return new Promise((resolve, reject) => {
    const glue = document.createElement('script');
    glue.type = 'module';
    glue.src = tag.dataset.js;
    if (tag.dataset.jsIntegrity) glue.integrity = tag.dataset.jsIntegrity;
    glue.onerror = () => reject(new Error('its script did not load or failed its integrity check'));
    glue.onload = () => resolve(fetch(tag.dataset.wasm, tag.dataset.wasmIntegrity ? { integrity: tag.dataset.wasmIntegrity } : {}));
    document.head.append(glue);
  });
}

function run(wasm) {
  return import(tag.dataset.js).then((m) => m.default({ module_or_path: wasm }));
}

function failed(err) {
  if (isTrap(err)) return showCrash();
  console.warn('CAR-T Hub could not start:', err.message || err);
  showFailure();
}

// Page data first (the documents the markup was rendered from, for hydration), then the app.
// Without its data the markup cannot be hydrated, so the app renders the page from scratch
// and fetches what it needs itself.
function fetchPageData() {
  return new Promise((resolve) => {
    const data = document.createElement('script');
    data.src = document.body.dataset.pageData;
    if (document.body.dataset.pageDataIntegrity) data.integrity = document.body.dataset.pageDataIntegrity;
    data.onload = resolve;
    data.onerror = () => {
      document.body.dataset.prerendered = '';
      resolve();
    };
    document.head.append(data);
  });
}

// The reader's first move: a pointer that moves or presses, a key, a focus, a wheel, a
// scroll, or a click with none of these before it (a screen reader's activation). Whichever
// comes first starts the app; on a phone that is usually the first touch of a scroll, on a
// computer the mouse, so the app is live before the first tap or click.
const FIRST_MOVES = ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'focusin', 'wheel', 'scroll', 'click'];
function firstMove() {
  return new Promise((resolve) => {
    const moved = () => {
      for (const type of FIRST_MOVES) removeEventListener(type, moved, true);
      resolve();
    };
    for (const type of FIRST_MOVES) addEventListener(type, moved, { capture: true, passive: true });
  });
}

// A plain click on one of the page's own links or form buttons (a chip, the search button)
// before the app is live, as when the first move was that very tap: held, and given to the
// app once it has started, so it acts in place as every later click does. If the app does
// not start in time, or at all, the link or form is followed as plain HTML.
const HOLD_LIMIT_MS = 3000;
function holdable(e) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null;
  const el = e.target instanceof Element ? e.target.closest('a[href], button') : null;
  if (!el || !document.getElementById('app')?.contains(el)) return null;
  if (el instanceof HTMLAnchorElement) {
    const own = (!el.target || el.target === '_self') && !el.hasAttribute('download') && el.origin === location.origin;
    return own ? el : null;
  }
  return el.type === 'submit' && el.form ? el : null;
}

function follow(el) {
  if (el instanceof HTMLAnchorElement) location.assign(el.href);
  else el.form?.requestSubmit(el);
}

function holdClicks(started) {
  let held = null;
  const onClick = (e) => {
    const el = holdable(e);
    if (!el) return;
    e.preventDefault();
    if (held) return;
    held = el;
    setTimeout(() => { if (held === el) { held = null; follow(el); } }, HOLD_LIMIT_MS);
  };
  addEventListener('click', onClick, true);
  const release = (give) => () => {
    removeEventListener('click', onClick, true);
    const el = held;
    held = null;
    if (el) give(el);
  };
  started.then(release((el) => el.click()), release(follow));
}

// After load and two frames, so the page has painted before anything else is requested.
function pageLoaded() {
  return new Promise((resolve) => {
    const afterPaint = () => requestAnimationFrame(() => requestAnimationFrame(resolve));
    if (document.readyState === 'complete') afterPaint();
    else addEventListener('load', afterPaint, { once: true });
  });
}

// A prerendered page is readable, and its links, chips, "Show more" and search form work as
// plain HTML. Once it has loaded, its data and the app are fetched; the app is compiled and
// started at the reader's first move, so the main thread is free while the page appears. A
// page whose state is in its address (`?type=...`, `?page=...`: the markup shows the page
// without it) or that draws its answers in the browser (search, connect: data-start=load)
// starts at once.
function startPrerendered() {
  const atOnce = document.body.dataset.start === 'load' || location.search !== '';
  const moved = atOnce ? Promise.resolve() : firstMove();
  const started = pageLoaded()
    .then(() => Promise.all([fetchPageData(), fetchApp()]))
    .then(([, wasm]) => moved.then(() => run(wasm)));
  if (!atOnce) holdClicks(started);
  started.catch(failed);
}

if (typeof WebAssembly !== 'object' || !tag) {
  showFailure();
} else if (document.body && document.body.dataset.pageData) {
  startPrerendered();
} else {
  fetchApp().then(run).catch(failed);
}
