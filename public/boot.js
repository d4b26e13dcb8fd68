// Starts the app. A file, not an inline script, so the Content-Security-Policy can forbid
// inline scripts. If the WebAssembly module cannot be fetched, compiled or started, the
// reader gets a message instead of a blank page.
const tag = document.querySelector('script[data-wasm]');

function showFailure() {
  if (document.getElementById('boot-failure')) return;
  const box = document.createElement('div');
  box.id = 'boot-failure';
  box.className = 'boot-failure';
  box.setAttribute('role', 'alert');
  const h = document.createElement('h1');
  h.textContent = 'This page could not start in your browser';
  const p = document.createElement('p');
  p.textContent = 'CAR-T Hub needs a recent browser with WebAssembly turned on. ' +
    'Please update your browser, or try a current version of Chrome, Edge, Firefox or Safari. ' +
    'If you are on a hospital or work computer, its settings may block this site: ask your IT team.';
  box.append(h, p);
  document.body.prepend(box);
}

// A panic aborts the wasm with a trap. Whatever the reader was doing, the app is gone: say
// so in plain words and offer a reload (a plain link: it works without the app).
function showCrash() {
  if (document.getElementById('crash')) return;
  const box = document.createElement('div');
  box.id = 'crash';
  box.className = 'boot-failure';
  box.setAttribute('role', 'alert');
  const h = document.createElement('h1');
  h.textContent = 'Something went wrong';
  const p = document.createElement('p');
  p.textContent = 'Sorry, this page stopped working. Reloading it usually helps.';
  const a = document.createElement('a');
  a.className = 'button';
  a.href = location.href.replace(/[?&]debug-panic\b/, '');
  a.textContent = 'Reload the page';
  box.append(h, p, a);
  document.body.prepend(box);
  scrollTo(0, 0);
}
const isTrap = (err) => typeof WebAssembly === 'object' && err instanceof WebAssembly.RuntimeError;
addEventListener('error', (e) => { if (isTrap(e.error)) showCrash(); });
addEventListener('unhandledrejection', (e) => { if (isTrap(e.reason)) showCrash(); });

function start() {
  import(tag.dataset.js)
    .then((m) => m.default({ module_or_path: tag.dataset.wasm }))
    .catch((err) => {
      if (isTrap(err)) return showCrash();
      console.warn('CAR-T Hub could not start:', err);
      showFailure();
    });
}

if (typeof WebAssembly !== 'object' || !tag) {
  showFailure();
} else if (document.body && document.body.dataset.pageData) {
  // The page is already readable. Once it has loaded, fetch the data it was rendered from
  // (for hydration), then the app: nothing competes with the page's own first paint.
  const go = () => {
    const data = document.createElement('script');
    data.src = document.body.dataset.pageData;
    data.onload = start;
    data.onerror = start; // the app can still fetch its data itself
    document.head.append(data);
  };
  // Two frames after load: the page has painted before anything else is requested.
  const afterPaint = () => requestAnimationFrame(() => requestAnimationFrame(go));
  if (document.readyState === 'complete') afterPaint();
  else addEventListener('load', afterPaint, { once: true });
} else {
  start();
}
