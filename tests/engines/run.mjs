// The core reader scenarios in Firefox and WebKit, over WebDriver (selenium-webdriver),
// against the same nginx-served release build as the Chromium suite.
// Usage: node run.mjs <base-url> [firefox|webkit ...]
// DIST (env): the folder served at <base-url> (default dist/); the embedding scenario serves
// its own view of it, with a portal's config.json, on a port of its own: the folder is never
// changed. Drivers, portals and that server take free ports; Xvfb a free display.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { Builder, By, Key, until } from 'selenium-webdriver';
import portalServer from '../e2e/portal-server.js';

const base = process.argv[2] || 'http://127.0.0.1:8181';
const only = process.argv.slice(3);
const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The folder nginx serves at `base` (read, never written).
const dist = process.env.DIST || path.join(repo, 'dist');

const engines = {
  firefox: {
    driver: (port) => ['geckodriver', ['--port', String(port), '--host', '127.0.0.1']],
    capabilities: { browserName: 'firefox', 'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'] } },
  },
  webkit: {
    x: true,
    driver: (port) => ['WebKitWebDriver', [`--port=${port}`]],
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] },
    },
  },
};

const index = await (await fetch(`${base}/data/index.json`)).json();
const indexEs = await (await fetch(`${base}/data/es/index.json`)).json();
// Cards on a page of the library (cart_model::library::PER_PAGE): the first view shows these.
const PER_PAGE = 12;
const firstPage = (list) => list.slice(0, PER_PAGE);
// Under cancer-type chips: articles written for one selected type alone first, then the rest.
const matching = (types) => {
  const shown = index.articles.filter((a) => a.cancer_types.some((t) => types.includes(t)));
  const specific = (a) => a.cancer_types.length === 1 && types.includes(a.cancer_types[0]);
  return [...shown.filter(specific), ...shown.filter((a) => !specific(a))].map((a) => a.title);
};

/**
 * Clicks the element `locator` finds, finding it again if the page redrew it between the
 * find and the click (WebKit reports a node that hydration or a script replaced as gone).
 */
async function clickFresh(driver, locator, tries = 5) {
  for (let i = 1; ; i++) {
    try {
      await (await driver.findElement(locator)).click();
      return;
    } catch (err) {
      if (i >= tries || !/not found|stale|no such element/i.test(err.message)) throw err;
      await sleep(200);
    }
  }
}

function check(cond, message) {
  if (!cond) throw new Error(message);
}

/** The visible texts of the elements `css` finds; read again if the page redrew one meanwhile. */
async function texts(driver, css, tries = 5) {
  for (let i = 1; ; i++) {
    try {
      const els = await driver.findElements(By.css(css));
      const xs = await Promise.all(els.map(async (e) => (await e.isDisplayed()) ? (await e.getText()).trim() : null));
      return xs.filter((x) => x !== null);
    } catch (err) {
      if (i >= tries || !/not found|stale|no such element/i.test(err.message)) throw err;
      await sleep(200);
    }
  }
}

async function h1(driver, expected) {
  await driver.wait(async () => (await texts(driver, 'main h1'))[0] === expected, 10000, `h1 should be "${expected}"`);
}

// The reader's first move (the pointer over the page), repeated until the app has started:
// a prerendered page starts the app then (public/boot.js).
async function live(driver) {
  let x = 0;
  await driver.wait(async () => {
    if ((await driver.findElements(By.css('html[data-app]'))).length) return true;
    x = 1 - x;
    try {
      await driver.actions().move({ origin: await driver.findElement(By.css('body')), x, y: 0 }).perform();
    } catch { /* the page is changing: try again */ }
    await sleep(200);
    return false;
  }, 15000, 'the app should start');
}

const scenarios = {
  'hub renders the introduction, chips and cards': async (d) => {
    await d.get(`${base}/`);
    await h1(d, index.hub.title);
    await live(d);
    check((await d.findElement(By.css('.hub-about')).getText()).includes('chimeric antigen receptor'), 'intro text');
    check((await d.findElements(By.css('.chip'))).length === 9, 'four type chips and five stage chips');
    const cards = await texts(d, '.cards .card__title');
    check(JSON.stringify(cards) === JSON.stringify(firstPage(index.articles.map((a) => a.title))), `cards: ${cards.length}`);
    const mode = await d.findElement(By.css('html')).getAttribute('data-app');
    check(mode === 'hydrated', `the prerendered hub is hydrated, not ${mode}`);
  },
  'a chip filters the list and goes into the URL; Back restores': async (d) => {
    await d.get(`${base}/`);
    await live(d);
    const chip = await d.findElement(By.xpath("//button[contains(@class,'chip')][normalize-space(.)='Myeloma']"));
    await chip.click();
    await d.wait(async () => (await d.getCurrentUrl()).endsWith('/?type=myeloma'), 5000, 'URL has ?type=myeloma');
    check((await chip.getAttribute('aria-pressed')) === 'true', 'chip shows it is on');
    await d.wait(async () => JSON.stringify(await texts(d, '.cards .card__title')) === JSON.stringify(firstPage(matching(['myeloma']))), 5000, 'filtered cards');
    await d.navigate().back();
    await d.wait(async () => (await d.getCurrentUrl()) === `${base}/`, 5000, 'Back to /');
    await d.wait(async () => (await texts(d, '.cards .card__title')).length === firstPage(index.articles).length, 5000, 'all cards again');
  },
  // The app starts at the reader's first move (public/boot.js); a chip pressed before it is
  // live is held and given to the app, so it filters in place rather than loading a page.
  'a chip pressed as the first move filters in place': async (d) => {
    await d.get(`${base}/`);
    await d.executeScript('window.__same = true');
    check((await d.findElements(By.css('html[data-app]'))).length === 0, 'the app waits for the first move');
    await d.findElement(By.xpath("//button[contains(@class,'chip')][normalize-space(.)='Lymphoma']")).click();
    await d.wait(async () => (await d.getCurrentUrl()).endsWith('/?type=lymphoma'), 8000, 'URL has ?type=lymphoma');
    await d.wait(async () => JSON.stringify(await texts(d, '.cards .card__title')) === JSON.stringify(firstPage(matching(['lymphoma']))), 5000, 'filtered cards');
    check(await d.executeScript('return window.__same === true'), 'no full page load');
  },
  '"Show more" adds the next page in place and puts it in the URL': async (d) => {
    await d.get(`${base}/`);
    await live(d);
    await clickFresh(d, By.css('.pager__more'));
    await d.wait(async () => (await d.getCurrentUrl()).endsWith('/?page=2'), 5000, 'URL has ?page=2');
    const titles = index.articles.map((a) => a.title).slice(0, 2 * PER_PAGE);
    await d.wait(async () => JSON.stringify(await texts(d, '.cards .card__title')) === JSON.stringify(titles), 5000, 'two pages of cards');
    const focused = await d.executeScript('return document.activeElement.closest("li") && document.activeElement.closest("li").dataset.position');
    check(focused === String(PER_PAGE), `focus on the first new card (${focused})`);
  },
  'a stage chip combines with a type chip in the URL; Back restores': async (d) => {
    await d.get(`${base}/`);
    await live(d);
    const stage = await d.findElement(By.xpath("//button[contains(@class,'chip')][normalize-space(.)='Getting ready']"));
    await stage.click();
    await d.wait(async () => (await d.getCurrentUrl()).endsWith('/?stage=preparing'), 5000, 'URL has ?stage=preparing');
    const preparing = index.articles.filter((a) => a.stage === 'preparing').map((a) => a.title);
    await d.wait(async () => JSON.stringify(await texts(d, '.cards .card__title')) === JSON.stringify(firstPage(preparing)), 5000, 'stage cards');
    await d.findElement(By.xpath("//button[contains(@class,'chip')][normalize-space(.)='Lymphoma']")).click();
    await d.wait(async () => (await d.getCurrentUrl()).endsWith('/?type=lymphoma&stage=preparing'), 5000, 'both in the URL');
    await d.navigate().back();
    await d.wait(async () => (await d.getCurrentUrl()).endsWith('/?stage=preparing'), 5000, 'Back to the stage alone');
    check((await stage.getAttribute('aria-pressed')) === 'true', 'stage chip still on');
  },
  'a search from the header box finds, highlights, filters by a chip and opens a result': async (d) => {
    await d.get(`${base}/glossary`);
    await live(d);
    const box = await d.findElement(By.css('#site-search-field'));
    await box.sendKeys('fever', Key.ENTER);
    await d.wait(async () => (await d.getCurrentUrl()).endsWith('/search?q=fever'), 5000, 'URL /search?q=fever');
    await d.wait(async () => /^\d+ results? for “fever”$/.test((await texts(d, '.search__status'))[0] ?? ''), 10000, 'the count');
    check((await d.findElements(By.css('.results mark'))).length > 0, 'highlighted words');
    await clickFresh(d, By.xpath("//main//button[contains(@class,'chip')][normalize-space(.)='Myeloma']"));
    await d.wait(async () => (await d.getCurrentUrl()).endsWith('/search?q=fever&type=myeloma'), 5000, 'the chip in the URL');
    await d.wait(async () => (await texts(d, '.search__status'))[0]?.endsWith('(only Myeloma)'), 10000, 'filtered count');
    const first = (await texts(d, '.results .result__title a'))[0];
    await clickFresh(d, By.css('.results .result__title a'));
    await h1(d, first);
  },
  'a cold deep link to an article renders': async (d) => {
    const a = index.articles[0];
    await d.get(`${base}/articles/${a.slug}`);
    await h1(d, a.title);
    await live(d);
    check((await d.findElements(By.css('.sources li'))).length >= 3, 'sources');
  },
  'a cold deep link to a topic renders': async (d) => {
    const t = index.topics[0];
    await d.get(`${base}/topics/${t.slug}`);
    await h1(d, t.title);
    await live(d);
  },
  'in-app navigation from a card to its article': async (d) => {
    await d.get(`${base}/`);
    await live(d);
    const a = index.articles[1];
    await d.executeScript('window.__same = true');
    await d.findElement(By.linkText(a.title)).click();
    await h1(d, a.title);
    check(await d.executeScript('return window.__same === true'), 'no full page load');
  },
  'an unknown path shows not-found': async (d) => {
    await d.get(`${base}/no-such-page`);
    await h1(d, 'We could not find that page');
    const mode = await d.findElement(By.css('html')).getAttribute('data-app');
    check(mode === 'mounted', `the shell is rendered, not ${mode}`);
  },
  // Firefox has no location.ancestorOrigins: the hub finds its parent from the referrer.
  "embedded: config.json colours show; the listed portal's frame is sized, the other gets a refusal": async (d) => {
    await withPortals(async ([allowed, other]) => {
      for (const [portal, expectSized] of [[allowed, true], [other, false]]) {
        await d.get(`${portal}/embed-example.html`);
        const frame = await d.findElement(By.id('cart-hub'));
        await d.switchTo().frame(frame);
        await live(d);
        await d.wait(until.elementLocated(By.css('html[data-config="applied"]')), 5000, 'config.json applied');
        // The portal's link colour from config.json, set through the CSSOM, in this engine too.
        const link = await d.executeScript('return getComputedStyle(document.querySelector("main a")).color');
        check(link === 'rgb(138, 21, 56)', `config.json's link colour shows (got ${link})`);
        // Not listed: the hub hides itself and says why.
        const refused = await d.executeScript('return !!document.querySelector(".framing-refused") && !document.querySelector("main").checkVisibility()');
        check(refused === !expectSized, `${portal}: the refusal is ${expectSized ? 'absent' : 'shown'}`);
        await d.switchTo().defaultContent();
        const height = () => d.executeScript('return document.getElementById("cart-hub").style.height');
        if (expectSized) {
          await d.wait(async () => parseInt(await height(), 10) > 800, 5000, `${portal}: the frame is sized to the hub`);
        } else {
          await sleep(1000);
          check((await height()) === '', `${portal}: not on the list, yet the frame was sized to ${await height()}`);
        }
      }
    });
  },
  'Spanish: the switch opens the same article in Spanish, whose chips filter in Spanish': async (d) => {
    const a = index.articles[2];
    await d.get(`${base}/articles/${a.slug}`);
    await live(d);
    await clickFresh(d, By.css('.lang-switch a[hreflang="es"]'));
    const es = indexEs.articles.find((x) => x.slug === a.slug);
    await h1(d, es.title);
    check((await d.getCurrentUrl()) === `${base}/es/articles/${a.slug}`, `the Spanish twin (${await d.getCurrentUrl()})`);
    await live(d);
    check((await d.findElement(By.css('html')).getAttribute('lang')) === 'es', 'html lang is es');
    check((await d.findElement(By.css('html')).getAttribute('data-app')) === 'hydrated', 'the Spanish page is hydrated');
    await d.get(`${base}/es/`);
    await live(d);
    await clickFresh(d, By.xpath("//button[contains(@class,'chip')][normalize-space(.)='LLA']"));
    await d.wait(async () => (await d.getCurrentUrl()).endsWith('/es/?type=all'), 5000, 'URL has ?type=all');
    const shown = Math.min(PER_PAGE, indexEs.articles.filter((x) => x.cancer_types.includes('all')).length);
    await d.wait(async () => (await texts(d, '.cards .card__title')).length === shown, 5000, `${shown} Spanish cards`);
    await clickFresh(d, By.css('.lang-switch a[hreflang="en"]'));
    await d.wait(async () => (await d.getCurrentUrl()) === `${base}/?type=all`, 5000, 'English, same chips');
  },
  'a link from a patient record (HL7 Infobutton) opens the Spanish lymphoma page': async (d) => {
    await d.get(`${base}/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=C8338&informationRecipient.languageCode.c=es`);
    await h1(d, 'Información sobre CAR-T para su historia clínica');
    check((await d.getCurrentUrl()).includes('/es/connect?'), `the Spanish page (${await d.getCurrentUrl()})`);
    const first = await texts(d, '#read-first + ul a');
    check(first[0] === indexEs.articles.find((a) => a.slug === 'car-t-for-lymphoma').title, `lymphoma first (${first[0]})`);
  },
  // WebKitGTK's MiniBrowser under WebDriver has no service workers: Firefox only.
  'the offline worker registers and controls the page after a reload (Firefox)': async (d) => {
    if ((await d.getCapabilities()).getBrowserName() !== 'firefox') return;
    await d.get(`${base}/topics`);
    await live(d);
    await d.wait(until.elementLocated(By.css('html[data-offline="on"]')), 10000, 'offline.js registered the worker');
    await d.executeAsyncScript('const done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then(() => done(true))');
    // Opened again (a WebDriver refresh may bypass the worker, as a forced reload does).
    await d.get(`${base}/glossary`);
    await live(d);
    const state = () => d.executeAsyncScript('const done = arguments[arguments.length - 1]; navigator.serviceWorker.getRegistrations().then((r) => done(JSON.stringify({ controlled: !!navigator.serviceWorker.controller, regs: r.map((x) => [x.scope, x.active && x.active.state]) })))');
    await d.wait(async () => JSON.parse(await state()).controlled, 10000).catch(async () => check(false, `the page is served through the worker: ${await state()}`));
  },
  'no crash or start-up failure message': async (d) => {
    await d.get(`${base}/topics`);
    await live(d);
    check((await d.findElements(By.css('#boot-failure, #crash'))).length === 0, 'no failure screen');
  },
};

/** A free loopback port (the OS picks it; it is free again when this returns). */
function freePort() {
  return new Promise((ok, fail) => {
    const server = net.createServer().once('error', fail);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => ok(port)); });
  });
}

/**
 * Two portal pages (public/embed-example.html) on free loopback ports, both allowed to frame
 * the hub by the CSP (nginx's FRAME_ANCESTORS); config.json lists only the first (and sets a
 * link colour), as a portal team would edit it. The hub they frame is this build served by
 * the shipped nginx config (scripts/nginx.sh) on a port of its own, from a temporary folder
 * of links to the build's files with that config.json beside them: dist/ stays as it is.
 */
async function withPortals(run) {
  const hubPort = await freePort();
  const hub = `http://127.0.0.1:${hubPort}`;
  const portals = await portalServer.startPortals(`${hub}/?embed=1`, [0, 0]);
  const { origins } = portals;
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'cart-hub-engines-'));
  fs.chmodSync(site, 0o755); // nginx's workers do not run as this user
  const nginx = (action) => execFileSync(path.join(repo, 'scripts', 'nginx.sh'), [action, String(hubPort), site], {
    env: { ...process.env, FRAME_ANCESTORS: `'self' ${origins.join(' ')}` }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (const name of fs.readdirSync(dist)) {
      if (name !== 'config.json') fs.symlinkSync(path.join(dist, name), path.join(site, name));
    }
    const shipped = JSON.parse(fs.readFileSync(path.join(dist, 'config.json'), 'utf8'));
    fs.writeFileSync(path.join(site, 'config.json'), JSON.stringify({ ...shipped, colors: { link: '#8a1538' }, allowedParentOrigins: [origins[0]] }));
    nginx('start');
    await waitFor(`${hub}/config.json`, 'nginx for the embedding scenario');
    await run(origins);
  } finally {
    try { nginx('stop'); } catch { /* was not started */ }
    fs.rmSync(site, { recursive: true, force: true });
    fs.rmSync(path.join(repo, '.run', `nginx-${hubPort}`), { recursive: true, force: true });
    await portals.close();
  }
}

const children = [];
async function start(cmd, args, env) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  children.push(child);
  return child;
}
async function waitFor(url, what) {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) return; } catch { /* not yet */ }
    await sleep(100);
  }
  throw new Error(`${what} did not start (${url})`);
}

/**
 * Starts Xvfb on a display it picks itself (-displayfd: it writes the number once it is
 * listening), then polls for the display's socket before anything connects to it.
 */
async function startXvfb() {
  const x = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  children.push(x);
  const display = await new Promise((ok, fail) => {
    let out = '';
    x.stdio[3].on('data', (d) => { out += d; if (out.includes('\n')) ok(out.trim()); });
    x.once('exit', (code) => fail(new Error(`Xvfb exited (${code}) before it named its display`)));
    setTimeout(() => fail(new Error('Xvfb named no display within 10 s')), 10000).unref();
  });
  const socket = `/tmp/.X11-unix/X${display}`;
  for (let i = 0; !fs.existsSync(socket); i++) {
    if (i >= 100) throw new Error(`Xvfb :${display}: no ${socket} after 10 s`);
    await sleep(100);
  }
  return `:${display}`;
}

let failed = 0;
const summary = [];
try {
  for (const [name, e] of Object.entries(engines)) {
    if (only.length && !only.includes(name)) continue;
    const env = {};
    if (e.x) env.DISPLAY = await startXvfb();
    const port = await freePort();
    const [cmd, args] = e.driver(port);
    await start(cmd, args, env);
    await waitFor(`http://127.0.0.1:${port}/status`, cmd);
    const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(e.capabilities).build();
    let passed = 0;
    try {
      for (const [title, run] of Object.entries(scenarios)) {
        try {
          await run(driver);
          passed++;
          console.log(`  ok   ${name}: ${title}`);
        } catch (err) {
          failed++;
          console.log(`  FAIL ${name}: ${title}: ${err.message.split('\n')[0]}`);
        }
      }
    } finally {
      await driver.quit().catch(() => {});
    }
    summary.push(`${name} ${passed}/${Object.keys(scenarios).length}`);
  }
} finally {
  for (const c of children) c.kill();
}
console.log(`engines: ${summary.join(', ')} scenarios passed`);
process.exit(failed ? 1 : 0);
