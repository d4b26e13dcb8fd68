// A panic at run time (made on purpose; only debug builds have the trigger) leaves the
// reader a plain-words screen with a working reload, not a frozen page.
const { test, expect, ready } = require('./fixtures');

test.skip(process.env.DEBUG_BUILD !== '1', 'the deliberate-panic trigger exists only in debug builds');
test.use({ expectedConsoleErrors: /deliberate panic|panicked|unreachable|RuntimeError/ });

test('a panic shows "Something went wrong" and Reload brings the page back', async ({ page }) => {
  await page.goto('/topics?debug-panic');
  const crash = page.locator('#crash');
  await expect(crash).toBeVisible();
  await expect(crash.getByRole('heading')).toHaveText('Something went wrong');
  await expect(page.getByRole('alert').filter({ hasText: 'Reloading it usually helps' })).toBeVisible();
  await expect(crash.getByRole('link', { name: 'Reload the page' })).not.toHaveAttribute('href', /debug-panic/);
  await crash.getByRole('link', { name: 'Reload the page' }).click();
  await ready(page);
  await expect(page.locator('main h1')).toHaveText('Topics');
  await expect(page.locator('#crash')).toHaveCount(0);
});

test('on a Spanish page the crash screen speaks Spanish', async ({ page }) => {
  await page.goto('/es/topics?debug-panic');
  const crash = page.locator('#crash');
  await expect(crash.getByRole('heading')).toHaveText('Algo salió mal');
  await crash.getByRole('link', { name: 'Volver a cargar la página' }).click();
  await ready(page);
  await expect(page.locator('main h1')).toHaveText('Temas');
});
