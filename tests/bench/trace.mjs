// Where the main thread's time goes while a page starts (numbers, not a test): a Chromium
// performance trace of a cold load at 4x CPU slowdown (Lighthouse's mobile setting), read for
// the long tasks (over 50 ms: what Total Blocking Time counts) and, inside them, the time spent
// compiling the wasm, running the glue and the wasm (instantiation, hydration, effects),
// parsing, style, layout and paint.
// Usage: node tests/bench/trace.mjs <page-url> [label]
import { createRequire } from 'node:module';
import path from 'node:path';
import { wake } from './wake.mjs';

const require = createRequire(path.resolve('tests/e2e/package.json'));
const { chromium } = require('playwright');
const [url, label = url] = process.argv.slice(2);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'blink.user_timing', 'loading'] });
  await page.goto(url);
  // The load, with the reader still: the app is fetched but not started (public/boot.js).
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  // Then the reader's first move, which starts it: traced apart from the load.
  await page.evaluate(() => performance.mark('first-move'));
  await wake(page);
  await page.waitForTimeout(1500);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events = trace.traceEvents;
  // The page's renderer: of the renderer main threads, the busiest.
  const busy = (t) => events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'RunTask').reduce((s, e) => s + (e.dur || 0), 0);
  const mainThread = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').sort((a, b) => busy(b) - busy(a))[0];
  const main = events.filter((e) => e.pid === mainThread.pid && e.tid === mainThread.tid && e.ph === 'X');
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur > 50_000);
  // A layout inside script (a microtask or a function call) was forced by it: say which code.
  const scriptish = main.filter((e) => /^(FunctionCall|EvaluateScript|BlinkScheduler_PerformMicrotaskCheckpoint|RunMicrotasks|v8.run)$/.test(e.name));
  for (const e of main.filter((e) => e.name === 'Layout')) {
    if (scriptish.some((s) => s.ts <= e.ts && s.ts + s.dur >= e.ts + e.dur)) {
      main.push({ ...e, name: 'ForcedLayout' });
      const frame = e.args?.beginData?.stackTrace?.[0];
      if (e.dur > 10_000) console.log(`  forced layout ${(e.dur / 1000).toFixed(0)} ms${frame ? ` from ${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}` : ''}`);
    }
  }
  const within = (t) => main.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t);
  const kinds = {
    'wasm compile': /wasm.*(Compile|compile)|v8.wasm.compile|CompileWasm|WasmStreaming/,
    'script (glue, wasm: instantiate, hydrate, effects)': /^(FunctionCall|EvaluateScript|v8.run|RunMicrotasks|TimerFire|EventDispatch)$/,
    'parse HTML': /^ParseHTML$/,
    'style and layout': /^(UpdateLayoutTree|Layout|RecalculateStyles|ScheduleStyleRecalculation)$/,
    'of which forced by script': /^ForcedLayout$/,
    'paint': /^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers)$/,
  };
  // The two phases: the load (what Total Blocking Time sees), and the app starting on the
  // reader's first move.
  const moved = events.find((e) => e.name === 'first-move')?.ts ?? Infinity;
  const blocking = { load: 0, move: 0 };
  console.log(`trace: ${label} (4x CPU slowdown)`);
  for (const t of tasks) {
    const phase = t.ts < moved ? 'load' : 'move';
    blocking[phase] += t.dur / 1000 - 50;
    const inner = within(t);
    // Count only the outermost event of each kind, so nested ones are not added twice.
    const parts = Object.entries(kinds).map(([kind, re]) => {
      const mine = inner.filter((e) => re.test(e.name));
      const outer = mine.filter((e) => !mine.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur));
      return [kind, outer.reduce((sum, e) => sum + e.dur, 0) / 1000];
    }).filter(([, ms]) => ms >= 1);
    // The largest direct children, for what the kinds above do not name.
    const top = inner.filter((e) => !inner.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur && o.name !== 'ThreadControllerImpl::RunTask'))
      .sort((a, b) => b.dur - a.dur).slice(0, 3).map((e) => `${e.name} ${(e.dur / 1000).toFixed(0)}`).join(', ');
    console.log(`  ${phase === 'load' ? 'while loading' : 'after the first move'}: long task ${(t.dur / 1000).toFixed(0)} ms: ${parts.map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`).join(', ')} [largest: ${top}]`);
  }
  const count = (phase) => tasks.filter((t) => (t.ts < moved ? 'load' : 'move') === phase).length;
  console.log(`  while loading: ${count('load')} long task(s), blocking time (sum over 50 ms) ${blocking.load.toFixed(0)} ms`);
  console.log(`  after the first move (the app starts): ${count('move')} long task(s), blocking time ${blocking.move.toFixed(0)} ms`);
} finally {
  await browser.close();
}
