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
function start() {
  const glue = document.createElement('script');
  glue.type = 'module';
  glue.src = tag.dataset.js;
  if (tag.dataset.jsIntegrity) glue.integrity = tag.dataset.jsIntegrity;
  glue.onerror = () => {
    console.warn('CAR-T Hub could not start: its script did not load or failed its integrity check');
    showFailure();
  };
  glue.onload = () => {
    const wasm = fetch(tag.dataset.wasm, tag.dataset.wasmIntegrity ? { integrity: tag.dataset.wasmIntegrity } : {});
    import(tag.dataset.js)
      .then((m) => m.default({ module_or_path: wasm }))
      .catch((err) => {
        if (isTrap(err)) return showCrash();
        console.warn('CAR-T Hub could not start:', err);
        showFailure();
      });
  };
  document.head.append(glue);
}

if (typeof WebAssembly !== 'object' || !tag) {
  showFailure();
} else if (document.body && document.body.dataset.pageData) {
  // The page is already readable. Once it has loaded, fetch the data it was rendered from
  // (for hydration), then the app: nothing competes with the page's own first paint.
  const go = () => {
    const data = document.createElement('script');
    data.src = document.body.dataset.pageData;
    if (document.body.dataset.pageDataIntegrity) data.integrity = document.body.dataset.pageDataIntegrity;
    data.onload = start;
    // No data (network, or a failed integrity check): the markup cannot be hydrated without
    // it, so the app renders the page from scratch and fetches its data itself.
    data.onerror = () => {
      document.body.dataset.prerendered = '';
      start();
    };
    document.head.append(data);
  };
  // Two frames after load: the page has painted before anything else is requested.
  const afterPaint = () => requestAnimationFrame(() => requestAnimationFrame(go));
  if (document.readyState === 'complete') afterPaint();
  else addEventListener('load', afterPaint, { once: true });
} else {
  start();
}
