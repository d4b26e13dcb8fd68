import { chromium } from 'playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 320, height: 700 } });
await p.goto('http://127.0.0.1:8381/');
await p.waitForTimeout(1500);
console.log(await p.evaluate(() => [...document.querySelectorAll('header *')].filter(e => e.getBoundingClientRect().right > 320).map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().left)}-${Math.round(e.getBoundingClientRect().right)}`).join('\n')));
await b.close();
