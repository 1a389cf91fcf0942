// The builder's own wasm (scripts/post-build.sh builds it): the widget's wasm carries no builder.
import init, { mountBuilder } from './baofei-builder.js';
// For watchdog.js: this module and its glue parsed and run. Where the watchdog found the browser
// cannot run the engine, it has said so and nothing here would help.
document.documentElement.dataset.bfStarting = '1';
if (document.documentElement.hasAttribute('data-bf-unsupported')) throw new Error('unsupported browser');
try {
  await init({ module_or_path: new URL('./baofei-builder_bg.wasm', import.meta.url) });
} catch (e) {
  // No compatibility build for the builder: an engine without reference types, or one whose policy
  // refuses wasm (Chrome < 97, Safari < 16), gets watchdog.js's notice to use a current browser.
  window.bfUnsupported?.('engine');
  throw e;
}
mountBuilder(document.getElementById('builder'));
document.documentElement.dataset.bfStarted = '1';

// QR downloads (issue 16 point 4): the code the builder shows, at the chosen size, with its caption
// underneath, as PNG (drawn module by module on a canvas) or SVG. Data URLs: nothing leaves the page.
const modules = () => {
  const svg = document.getElementById('b-qr');
  const n = Number(svg.dataset.modules);
  const cells = [...svg.querySelector('path').getAttribute('d').matchAll(/M(\d+) (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  return { n, cells };
};
const QUIET = 4; // modules of white margin around the code

function download(href, name) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

function png(size, caption) {
  const { n, cells } = modules();
  const unit = size / (n + 2 * QUIET);
  const textHeight = caption ? Math.round(size * 0.12) : 0;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size + textHeight;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  for (const [x, y] of cells) ctx.fillRect(Math.floor((x + QUIET) * unit), Math.floor((y + QUIET) * unit), Math.ceil(unit), Math.ceil(unit));
  if (caption) {
    ctx.font = `${Math.round(textHeight * 0.45)}px system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(caption, size / 2, size + textHeight / 2, size - 8);
  }
  return canvas.toDataURL('image/png');
}

function svg(size, caption) {
  const { n } = modules();
  const path = document.querySelector('#b-qr path').getAttribute('d');
  const box = n + 2 * QUIET;
  const textBox = caption ? box * 0.12 : 0;
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const text = caption
    ? `<text x="${box / 2}" y="${box + textBox / 2}" font-size="${textBox * 0.45}" text-anchor="middle" dominant-baseline="middle" font-family="system-ui, sans-serif">${esc(caption)}</text>`
    : '';
  const doc = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${Math.round(size * (box + textBox) / box)}" viewBox="0 0 ${box} ${box + textBox}"><rect width="${box}" height="${box + textBox}" fill="#fff"/><path transform="translate(${QUIET} ${QUIET})" d="${path}" fill="#000"/>${text}</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(doc)}`;
}

document.addEventListener('click', (e) => {
  const button = e.target.closest('#b-dl-png, #b-dl-svg');
  if (!button) return;
  const size = Number(document.getElementById('b-size').value);
  // Control characters (which make an SVG that does not parse) and unpaired surrogates (which make
  // encodeURIComponent throw) are dropped from the caption (security review N9).
  const raw = document.getElementById('b-caption').value;
  const wellFormed = typeof raw.toWellFormed === 'function' ? raw.toWellFormed() : raw.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  // eslint-disable-next-line no-control-regex
  const caption = wellFormed.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  const name = `baofei-qr-${size}`;
  if (button.id === 'b-dl-png') download(png(size, caption), `${name}.png`);
  else download(svg(size, caption), `${name}.svg`);
});
