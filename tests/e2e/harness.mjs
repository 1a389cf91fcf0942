// Shared E2E plumbing: a static server for dist/ on loopback and Debian's headless Chromium.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const DIST = process.env.BAOFEI_DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.md': 'text/markdown; charset=utf-8' };

/** Serves `root` on 127.0.0.1 on a free port. `headers` are added to every response; `routes` maps a
 *  path to a handler `(req, res, url)` that answers it instead of a file (redirects, slow or huge bodies).
 *  `gzip`: compress text and wasm for clients that accept it, as any real host does (the bench's
 *  network profiles; docs/EMBEDDING.md asks hosts for it), so that a throttled load moves the bytes a
 *  phone would. The tests serve plain files. */
export async function serve(root = DIST, headers = {}, routes = {}, { gzip = false } = {}) {
  const packed = new Map();
  const server = createServer(async (req, res) => {
    const route = routes[new URL(req.url, 'http://x').pathname];
    if (route) return route(req, res, new URL(req.url, 'http://x'));
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const extra = {};
      if (gzip && /gzip/.test(req.headers['accept-encoding'] ?? '') && extname(file) in TYPES && !/png/.test(type)) {
        if (!packed.has(file)) packed.set(file, gzipSync(body, { level: 9 }));
        body = packed.get(file);
        extra['content-encoding'] = 'gzip';
        extra.vary = 'accept-encoding';
      }
      res.writeHead(200, { 'content-type': type, ...extra, ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless; the flags keep it off this machine's closed network. */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  // Our users read Chinese: pages open with a Chinese browser unless a test says otherwise (the
  // widget picks English for an English browser on a first visit).
  const newPage = browser.newPage.bind(browser);
  const newContext = browser.newContext.bind(browser);
  browser.newPage = async (o = {}) => takeover(await newPage({ locale: 'zh-CN', ...o }));
  browser.newContext = async (o = {}) => {
    const ctx = await newContext({ locale: 'zh-CN', ...o });
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
