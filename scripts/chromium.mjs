// Debian's Chromium for every browser test on these machines (STACK.md):
// @web/test-runner (packages/elements) and Playwright (playground/e2e) launch
// it with these flags, which keep it off the network but for localhost.

/** The browser to launch: `CHROME_PATH`, else Debian's `/usr/bin/chromium`. */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
