// The reader's first move: the pointer over the page, repeated until the app has started. A
// prerendered page starts its app then (public/boot.js), so a benchmark that times the live
// app moves first, as a reader does.
export async function wake(page, selector = 'html[data-app]') {
  for (let x = 1; !(await page.$(selector)); x = 3 - x) {
    await page.mouse.move(x, 1);
    await page.waitForTimeout(100);
  }
}
