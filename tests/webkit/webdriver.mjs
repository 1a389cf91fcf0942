// A minimal W3C WebDriver client (classic, over HTTP) for Debian's WebKitWebDriver (issue 28 point 4).
// Playwright's WebKit needs Playwright's own patched build, which cannot be downloaded here; WebKitGTK's
// driver speaks classic WebDriver, and these few commands are all the suite needs. No dependency: the
// commands are JSON over fetch, as the specification writes them (https://www.w3.org/TR/webdriver2/).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A free loopback port. */
async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

/** Starts WebKitWebDriver (under the display xvfb-run gives) and waits until it answers. */
export async function startDriver() {
  const port = await freePort();
  const proc = spawn(process.env.WEBKIT_WEBDRIVER ?? 'WebKitWebDriver', [`--port=${port}`], {
    // WebKitGTK takes the page language from the process locale: a Chinese browser, as our users'.
    // JSC_useWasmIPInt=false: WebKitGTK 2.50's wasm in-place interpreter on x86-64 Linux corrupts state now
    // and then ("RuntimeError: Out of bounds memory access" in a closure call: 3 of 12 runs of this suite
    // with it, none of 14 without; dxos/dxos#13198 saw the same); the engine's compiling tiers run our
    // wasm as every other engine does. webkit.test.mjs runs a test again on an engine fault.
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN:zh', LC_ALL: 'zh_CN.UTF-8', JSC_useWasmIPInt: 'false' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok) break;
    } catch {
      if (i > 100) throw new Error('WebKitWebDriver did not start');
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return { base, stop: () => proc.kill() };
}

/** One browser session (one MiniBrowser window, full-screen so no toolbar limits its size). */
export class Session {
  static async create(driver) {
    const body = await call(`${driver.base}/session`, 'POST', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation', '--full-screen'],
      } } },
    });
    return new Session(`${driver.base}/session/${body.sessionId}`, body.capabilities);
  }

  constructor(url, capabilities) {
    this.url = url;
    this.capabilities = capabilities;
  }

  cmd(path, method = 'GET', body) { return call(`${this.url}${path}`, method, body); }
  /** Loads `url` afresh: through about:blank, so a change of fragment alone is a new load too. */
  async goto(url) {
    await this.cmd('/url', 'POST', { url: 'about:blank' });
    return this.cmd('/url', 'POST', { url });
  }
  /** Runs a function body in the page; `arguments` are `args`. */
  exec(script, ...args) { return this.cmd('/execute/sync', 'POST', { script, args }); }
  /** Resizes the window's viewport to width × height CSS pixels (the window has no chrome in full screen). */
  async viewport(width, height) {
    await this.cmd('/window/rect', 'POST', { width, height });
    // MiniBrowser's window can differ from the rect asked by its frame: correct by what the page
    // measures, once the page has seen the new size (it may still report the old one for a moment,
    // which once made the correction negative).
    for (let i = 0; i < 20; i++) {
      const [w, h] = await this.exec('return [innerWidth, innerHeight]');
      if (w === width && h === height) return;
      const frame = [width - w, height - h];
      if (Math.abs(frame[0]) < 200 && Math.abs(frame[1]) < 200) {
        await this.cmd('/window/rect', 'POST', { width: width + frame[0], height: height + frame[1] });
        const [w2, h2] = await this.exec('return [innerWidth, innerHeight]');
        if (w2 === width && h2 === height) return;
      }
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
  async find(css) { return (await this.cmd('/element', 'POST', { using: 'css selector', value: css }))[ELEMENT]; }
  /** Types into a field as a user would: focused from script (WebDriver's click scrolls a field under
   *  the phone's sticky summary, then calls it not interactable), then key events. */
  async type(css, text, { clear = true } = {}) {
    await this.exec('const el = document.querySelector(arguments[0]); el.scrollIntoView({ block: "center" }); el.focus(); if (arguments[1]) el.select();', css, clear);
    await this.cmd('/actions', 'POST', { actions: [{ type: 'key', id: 'kb', actions: [...text].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }]) }] });
    await this.cmd('/actions', 'DELETE');
  }
  /** Waits until `script` (a function body) returns something truthy, and returns it. A state, never a time. */
  async waitFor(script, { timeout = 30000, args = [], what = script } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      const v = await this.exec(script, ...args);
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for: ${what}; the page then: ${await this.state().catch((e) => e.message)}`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
  /** What a timed-out wait saw: the page's start flags, its wasm fetches and any message shown, so a
   *  failure in CI says where the page stopped. */
  async state() {
    // Whether the page still gets animation frames (a hidden or occluded window gets none).
    await this.exec('window.__bfRaf = 0; requestAnimationFrame(() => { window.__bfRaf = 1; });');
    await new Promise((ok) => setTimeout(ok, 500));
    return JSON.stringify(await this.exec(`return {
      visibility: document.visibilityState, frames: window.__bfRaf, errors: window.__errs,
      url: location.href, readyState: document.readyState, started: document.documentElement.dataset.bfStarted,
      prerendered: !!document.querySelector('[data-prerendered]'), ready: !!document.querySelector('.bf[data-ready]'),
      wasm: performance.getEntriesByType('resource').filter((r) => /wasm|\\.js$/.test(r.name))
        .map((r) => r.name.split('/').pop() + ' ' + Math.round(r.startTime) + '-' + Math.round(r.responseEnd)),
      now: Math.round(performance.now()),
      alert: (document.querySelector('[role=alert], .bf-fatal, #boot-error')?.textContent ?? '').slice(0, 200) }`));
  }
  async screenshot() { return Buffer.from(await this.cmd('/screenshot'), 'base64'); }
  close() { return call(this.url, 'DELETE'); }
}

async function call(url, method, body) {
  const r = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await r.json();
  if (!r.ok) throw new Error(`WebDriver ${method} ${url.replace(/.*\/session\/[^/]+/, '')}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}
