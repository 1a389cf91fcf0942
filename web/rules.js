// The rules page (rules.html, written from the rule data by `baofei rules-page` at build time): shows
// the rules in force in the chosen region on the chosen date (the region, the province it sits in, then
// the national rules, most local first), says when a region has no local rule, and names the next
// change. It only filters what the page already lists; without it the page lists every rule.
const region = document.getElementById('rp-region');
const date = document.getElementById('rp-date');
const sections = document.getElementById('rp-sections');
const pad = (n) => String(n).padStart(2, '0');
const today = () => { const d = new Date(); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; };
const valid = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s ?? '');

function start() {
  const p = new URLSearchParams(location.hash.slice(1));
  if (p.get('r') && [...region.options].some((o) => o.value === p.get('r'))) region.value = p.get('r');
  date.value = valid(p.get('d')) ? p.get('d') : today();
  update();
}

function update() {
  const opt = region.selectedOptions[0];
  const chain = opt.dataset.chain.split(' ');
  const day = valid(date.value) ? date.value : today();
  let shown = 0;
  let next = null;
  // Most local first: the chosen region, its province, the nation; other places after, hidden.
  for (const id of [...chain].reverse()) {
    const sec = sections.querySelector(`.rp-scope[data-scope="${id}"]`);
    if (sec) sections.prepend(sec);
  }
  for (const sec of sections.querySelectorAll('.rp-scope')) {
    const here = chain.includes(sec.dataset.scope);
    let any = 0;
    for (const li of sec.querySelectorAll('li')) {
      const { from, until } = li.dataset;
      const on = here && from <= day && (!until || day < until);
      li.hidden = !on;
      if (on) any += 1;
      if (here) {
        for (const d of [from, until]) if (d && d > day && (!next || d < next)) next = d;
      }
    }
    sec.hidden = !here || any === 0;
    shown += any;
  }
  // The minimum limit is the higher of national and local (newcomer review 1.17: Chongqing's 30万 read
  // as in force beside the national 40万): a lower one in force the same day is marked superseded.
  const minimum = /不低于 ([\d.]+)万元/;
  const mins = [...sections.querySelectorAll('li:not([hidden])')]
    .filter((li) => li.querySelector('.rp-kind')?.textContent.includes('法定最低每人限额') && minimum.test(li.textContent));
  const value = (li) => Number(li.textContent.match(minimum)[1]);
  const top = Math.max(...mins.map(value));
  for (const li of sections.querySelectorAll('.rp-superseded')) li.remove();
  for (const li of mins) {
    li.classList.toggle('rp-lower', value(li) < top);
    if (value(li) < top) {
      const note = document.createElement('span');
      note.className = 'rp-superseded';
      note.textContent = ` 低于当日适用的 ${top}万元，不适用(取较高者)。 Lower than the ${top}万元 that applies that day: not applied (the higher one is).`;
      li.querySelector('strong').after(note);
    }
  }
  document.getElementById('rp-none').hidden = opt.dataset.local === 'true' || opt.value === 'national';
  document.getElementById('rp-status').textContent =
    `${opt.textContent}，${day}：有效规定 ${shown} 条。 ${opt.textContent.split(' · ')[1] ?? ''}, ${day}: ${shown} rules in force.`;
  const changes = next
    ? [...sections.querySelectorAll(`li[data-from="${next}"], li[data-until="${next}"]`)]
      .filter((li) => chain.includes(li.closest('.rp-scope').dataset.scope)).length
    : 0;
  document.getElementById('rp-next').textContent = next
    ? `下一次变化：${next}，${changes} 条规定生效或失效。 Next change: ${next}, ${changes} rule(s) start or end.`
    : '此后暂无已知变化。 No later change is known.';
  history.replaceState(null, '', `#r=${encodeURIComponent(opt.value)}&d=${day}`);
}

region.addEventListener('change', update);
date.addEventListener('change', update);
date.addEventListener('input', update);
start();
