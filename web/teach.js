// Pages that teach: beside each live example, the exact code that makes it, read from what the page
// runs (the element as written in the page, the script file it loads), with a copy button. Nothing
// is typed twice, so the code shown cannot drift from the code that runs.

async function source(spec) {
  const [kind, ref] = [spec.slice(0, spec.indexOf(':')), spec.slice(spec.indexOf(':') + 1)];
  if (kind === 'element') {
    const el = document.querySelector(ref);
    // The element's own markup, as the page wrote it (its shadow DOM is not markup you write).
    const clone = el.cloneNode(false);
    return clone.outerHTML;
  }
  if (kind === 'script') return document.querySelector(`script[src="${ref}"]`).outerHTML;
  if (kind === 'file') return (await (await fetch(ref)).text()).trimEnd();
  throw new Error(`unknown source ${spec}`);
}

for (const pre of document.querySelectorAll('pre[data-source]')) {
  const code = document.createElement('code');
  code.textContent = await source(pre.dataset.source);
  pre.replaceChildren(code);
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.className = 'copy';
  copy.textContent = '复制代码 Copy';
  copy.addEventListener('click', async () => {
    await navigator.clipboard?.writeText(code.textContent);
    copy.textContent = '已复制 Copied';
  });
  pre.after(copy);
}
document.documentElement.dataset.taught = 'true';
