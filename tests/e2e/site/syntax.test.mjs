// Issue 28 point 1: every script an old engine loads is written in syntax it parses. The oldest claimed
// (README): Chromium 86 (信创 desktops, 360's fast mode), Safari / iOS 15 and Firefox 91; watchdog.js in
// ES5, since it must run even in IE mode to say so. Checked with esbuild's tables: asked to lower each
// file for those engines, it must have nothing to lower (and it refuses what it cannot lower, such as
// top-level await, which Chromium 86-88 cannot parse: a module that uses it never starts there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { DIST } from '../harness.mjs';

const OLD = ['chrome86', 'safari15', 'firefox91'];
// esbuild counts optional chaining as Chrome 91 because of a V8 bug in `(a?.b)()`, a form none of these
// files uses; the syntax itself parses from Chrome 80.
const supported = { 'optional-chain': true };
const FILES = ['start.js', 'prepaint.js', 'offline.js', 'embed/baofei-embed.js', 'embed/baofei-iframe.js',
  'baofei-web.js', 'baofei-page.js', 'baofei-page.compat.js', 'baofei-web.compat.js',
  'baofei-page.compat.asm.js', 'baofei-web.compat.asm.js', 'rules.js'];

for (const f of FILES) {
  test(`${f} parses in Chromium 86, Safari 15 and Firefox 91`, async () => {
    const code = await readFile(join(DIST, f), 'utf8');
    const same = (await transform(code, { target: 'esnext' })).code;
    const old = (await transform(code, { target: OLD, supported })).code;
    assert.ok(same === old, `${f} uses syntax esbuild had to lower for ${OLD}`);
  });
}

test('watchdog.js is ES5, so it runs where nothing else can', async () => {
  const code = await readFile(join(DIST, 'watchdog.js'), 'utf8');
  // esbuild refuses to lower let/const, classes and the like to ES5: a throw here is the failure.
  await transform(code, { target: 'es5' });
  assert.doesNotMatch(code, /=>|\blet\b|\bconst\b|`/, 'no arrow functions, let, const or template strings');
});
