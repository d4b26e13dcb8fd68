// Browser tests against the release build served by nginx with the production config.
// Debian's Chromium, driven by Playwright (no browser download: Playwright fetches its browsers
// from a CDN this network cannot reach, so scripts/setup.sh installs Debian's chromium).
const { defineConfig } = require('@playwright/test');

module.exports = defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.BASE_URL || 'http://127.0.0.1:8181',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      // As root Chromium needs --no-sandbox; the rest keep it off the (closed) network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
