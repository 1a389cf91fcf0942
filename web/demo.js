// Demo page wiring: log every quote event (what an insurer's analytics or lead form would do).
const log = document.getElementById('events');
document.addEventListener('baofei-quote', (e) => {
  const d = e.detail;
  const li = document.createElement('li');
  li.dataset.instance = d.instance;
  li.dataset.premium = d.premium;
  li.textContent = `${d.instance}: ${d.region} ${d.sector} → ${d.premium} 元 (${d.obligation})`;
  log.prepend(li);
  while (log.children.length > 30) log.lastChild.remove();
});
