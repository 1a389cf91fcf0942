// The browser plumbing the build, the tools and the tests share: a static server on loopback and
// Debian's headless Chromium. Not a test harness: `scripts/prerender.mjs` (the build) and the tools in
// this folder use it directly, and `tests/e2e/harness.mjs` adds the tests' conventions on top.
import { createServer } from 'node:http';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { createRequire } from 'node:module';

// playwright-core is pinned once, in the end-to-end suite's lockfile (scripts/setup.sh installs it).
const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium, firefox } = require('playwright-core');

/** The release build the pages are served from. */
export const DIST = process.env.BAOFEI_DIST ?? new URL('../dist', import.meta.url).pathname;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.md': 'text/markdown; charset=utf-8' };

/** Serves `root` on 127.0.0.1 on a free port. `headers` are added to every response; `routes` maps a
 *  path to a handler `(req, res, url)` that answers it instead of a file (redirects, slow or huge bodies).
 *  `gzip`: compress text and wasm for clients that accept it, as any real host does (the bench's
 *  network profiles; docs/EMBEDDING.md asks hosts for it), so that a throttled load moves the bytes a
 *  phone would. The tests serve plain files. `brotli`: the same with brotli (quality 11) for clients
 *  that accept it, as hosts with a CDN or nginx's brotli module do (issue 31 reports both). */
export async function serve(root = DIST, headers = {}, routes = {}, { gzip = false, brotli = false } = {}) {
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
      const encoding = brotli && /\bbr\b/.test(req.headers['accept-encoding'] ?? '') ? 'br'
        : gzip && /gzip/.test(req.headers['accept-encoding'] ?? '') ? 'gzip' : null;
      if (encoding && extname(file) in TYPES && !/png/.test(type)) {
        const key = `${encoding}:${file}`;
        if (!packed.has(key)) {
          packed.set(key, encoding === 'br'
            ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
            : gzipSync(body, { level: 9 }));
        }
        body = packed.get(key);
        extra['content-encoding'] = encoding;
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
export async function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Debian's Firefox ESR, headless, driven over WebDriver BiDi by the same playwright-core (no browser
 *  download, no geckodriver). The prefs keep it off this machine's closed network and speaking Chinese
 *  (Playwright's `locale` does not reach Firefox over BiDi). */
export async function launchFirefox() {
  return firefox.launch({
    channel: 'moz-firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    firefoxUserPrefs: {
      'intl.accept_languages': 'zh-CN,zh',
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
}
