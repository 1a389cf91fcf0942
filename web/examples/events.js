// Listen to every quote (what an insurer's lead form or analytics would do). The widget sends
// nothing anywhere: your page decides what to do with the figures.
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
