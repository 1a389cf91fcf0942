// Shared E2E plumbing: a static server for dist/ on loopback and Debian's headless Chromium.
import { launchChromium, launchFirefox, serve, DIST } from '../../tools/browser.mjs';

export { serve, DIST };

/** The engine this run drives: `BAOFEI_BROWSER=firefox` for Firefox ESR over BiDi, Chromium otherwise
 *  (scripts/test.sh runs the suite in both; WebKit has its own WebDriver suite, tests/webkit). */
export const ENGINE = process.env.BAOFEI_BROWSER === 'firefox' ? 'firefox' : 'chromium';

/** For tests that need a Chromium-only protocol (CDP sessions, print-media emulation): the skip
 *  option of node:test, with the reason, so the summary counts it visibly as skipped elsewhere. */
export const chromiumOnly = (why) => (ENGINE === 'chromium' ? {} : { skip: `Chromium only: ${why}` });

/** The engine's headless browser, with the tests' conventions: a Chinese browser and pages that wait
 *  for the widget's takeover. */
export async function launch() {
  const browser = ENGINE === 'firefox' ? await launchFirefox() : await launchChromium();
  // Our users read Chinese: pages open with a Chinese browser unless a test says otherwise (the
  // widget picks English for an English browser on a first visit).
  const newPage = browser.newPage.bind(browser);
  const newContext = browser.newContext.bind(browser);
  // The site's service worker (sw.js) is blocked unless a test asks for it (`serviceWorkers: 'allow'`):
  // requests it answers would bypass the tests' `page.route` stubs.
  browser.newPage = async (o = {}) => takeover(await newPage({ locale: 'zh-CN', serviceWorkers: 'block', ...o }));
  browser.newContext = async (o = {}) => {
    const ctx = await newContext({ locale: 'zh-CN', serviceWorkers: 'block', ...o });
    const ctxNewPage = ctx.newPage.bind(ctx);
    ctx.newPage = async () => takeover(await ctxNewPage());
    return ctx;
  };
  return browser;
}

/** The release page is prerendered (issue 15): a test that acts on the page must act on the widget,
 *  not on the static frame it replaces, so `goto` waits for the takeover unless asked not to
 *  (`{ keepPrerendered: true }`, for the tests of the prerendered frame itself). */
function takeover(page) {
  // browser.newPage goes through newContext: patch each page once.
  if (page.takeoverPatched) return page;
  page.takeoverPatched = true;
  const goto = page.goto.bind(page);
  page.goto = async (url, { keepPrerendered = false, ...options } = {}) => {
    const response = await goto(url, options);
    if (!keepPrerendered) {
      await page.waitForFunction(() => !document.querySelector('[data-prerendered]'), null, { timeout: 30000 });
    }
    return response;
  };
  return page;
}

/** Opens the widget and waits for the engine's first premium. Collects console errors and requests. */
export async function open(browser, url, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const log = { errors: [], requests: [], loaded: false };
  page.on('console', (m) => m.type() === 'error' && log.errors.push(m.text()));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => log.loaded && log.requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('#premium', { timeout: 30000 });
  log.loaded = true;
  return { page, log };
}

/** Replaces a text field's value the way a user types it. */
export async function type(page, selector, value) {
  await page.fill(selector, '');
  await page.type(selector, value);
}
