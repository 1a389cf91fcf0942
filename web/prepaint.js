// Runs before the first paint (a classic script in <head>): the prerendered page shows the default
// quote, which is right only when the address carries no state, no inputs are remembered, and today is
// inside the window of dates its figures hold for (written on <html> by scripts/prerender.mjs: from the
// last rule change on or before the date it was rendered for, to the day before the next). Otherwise
// the static frame is hidden until the widget computes the real figures (issue 15).
try {
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const { prerenderedSince: since, prerenderedUntil: until } = document.documentElement.dataset;
  if (location.hash.length > 1 || localStorage.getItem('baofei.form') || (since && today < since) || (until && today >= until)) {
    document.documentElement.classList.add('bf-pending');
  }
} catch (e) {
  document.documentElement.classList.add('bf-pending');
}
